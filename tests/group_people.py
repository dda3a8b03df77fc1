"""People in a group, for the group tests: a facilitator's group, a member who joined it under a
name of her own, and an entry of hers to share."""

from __future__ import annotations

from earned.accounts.models import User
from earned.groups import services
from earned.groups.models import Group, Membership
from earned.privacy import keyring, keys
from earned.reflection import services as reflection
from earned.reflection.models import JournalEntry

GUIDELINES = "What is shared here stays here. Replies are kind and brief."


def a_group(facilitator: User, name: str = "Tuesday evenings") -> Group:
    with keyring.using(keys.open_data_key(facilitator)):
        return services.create(facilitator, name, "Asking for what we need", GUIDELINES)


def joined(person: User, group: Group, alias: str) -> Membership:
    code = services.invite(group.owner, group)
    with keyring.using(keys.open_data_key(person)):
        return services.join(person, code, alias, accepted=True)


def a_journal_entry(person: User, body: str = "I asked for help and it went fine") -> JournalEntry:
    with keyring.using(keys.open_data_key(person)):
        return reflection.save_entry(person, JournalEntry(body=body), [])
