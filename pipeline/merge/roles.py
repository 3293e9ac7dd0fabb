"""Who hosted and who visited, where the text gives it: the meeting's place.

A meeting held in the country of some participants but not of all has those participants as hosts and the
others as visitors ("Macron ontving Rutte in Parijs", "Rutte bezocht Kyiv"). With no place, a place in a
country none of them leads (a summit in Brussels), or participants of one country, nobody is host.
"""
from __future__ import annotations

from pipeline.records import Mention

HOST, VISITOR = "host", "visitor"


def meeting_roles(best: Mention) -> dict[str, str]:
    """Participant name -> host or visitor; empty when the place does not tell."""
    country = best.place.country if best.place else ""
    if not country:
        return {}
    at_home = {actor.name for actor in best.participants if actor.country == country}
    if not at_home or len(at_home) == len(best.participants):
        return {}
    return {actor.name: HOST if actor.name in at_home else VISITOR for actor in best.participants}
