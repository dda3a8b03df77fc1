from django.db import models


class Origin(models.TextChoices):
    """Where a ladder, step or script came from. Care circles (later) add practice assigned by a
    therapist or group; until then everything is the person's own."""

    OWN = "own", "Your own"
    ASSIGNED = "assigned", "Assigned to you"


class Situation(models.TextChoices):
    NEED = "need", "Asking for a need"
    BOUNDARY = "boundary", "Setting a boundary"
    NO = "no", "Saying no"
    REPAIR = "repair", "Repairing after a rupture"
    RECEIVING = "receiving", "Receiving care or a compliment"
    VULNERABLE = "vulnerable", "Sharing something vulnerable"
    HELP = "help", "Asking for help"


class Mode(models.TextChoices):
    ALONE = "alone", "Alone, out loud"
    IMAGERY = "imagery", "In imagery"
    THERAPIST = "therapist", "Role-play with my therapist"
    GROUP = "group", "Role-play in a group"


CONFIDENCE_RANGE = (0, 10)
