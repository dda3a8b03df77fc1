"""The privacy core: entry text encrypted at rest, and the keys that open it."""
