"""What every record a person owns shares: its owner, its category and visibility, and the one
way it is saved and deleted (earned/records/saving.py)."""
