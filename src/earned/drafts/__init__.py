"""What a person was writing in a form and has not saved yet, kept so that nothing typed is lost.

The page's script (earned.js: keptDrafts) sends a form's fields here as the person types; they
are stored encrypted with the person's data key, like every entry, and put back when the form is
opened again. A form saved successfully forgets its draft (middleware.py). Drafts are not
entries: they are never shared, searched or exported, and they expire after DRAFT_DAYS.
"""
