"""Small facts about a person's day, from their local clock."""

MORNING_STARTS = 5
AFTERNOON_STARTS = 12
EVENING_STARTS = 18


def part_of_day(hour: int) -> str:
    """'morning', 'afternoon' or 'evening' for an hour from 0 to 23 on the person's own clock."""
    if not 0 <= hour <= 23:
        raise ValueError(f"hour must be from 0 to 23, not {hour}")
    if MORNING_STARTS <= hour < AFTERNOON_STARTS:
        return "morning"
    if AFTERNOON_STARTS <= hour < EVENING_STARTS:
        return "afternoon"
    return "evening"
