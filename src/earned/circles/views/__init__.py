"""The person's side of a circle (mine.py) and the practitioner's (theirs.py)."""
