"""The scene an article sets once for all its news: the city of its dateline ("ROME (ANP) - ..."), else the
city its opening paragraphs put the news in ("... is vandaag in Peking aangekomen", "de Spelen in
Sotsji"). Meetings of the scene's time that the text gives no place of their own happen there."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from spacy.tokens import Doc

from pipeline.events.cues import words_before
from pipeline.events.layout import opening_paragraphs
from pipeline.events.lexicon import EventLexicon
from pipeline.events.where import city_of_venue
from pipeline.knowledge.bundle import Knowledge
from pipeline.records import Mention, PartialDate, Place

# "WASHINGTON (ANP/AFP) - ", "NEW DELHI - ", "DEN HAAG (ANP ) - ": a place in capitals, an agency, a dash.
_DATELINE = re.compile(r"^[ \t]*([A-ZÀ-Ý][A-ZÀ-Ý'’]+(?:[ -][A-ZÀ-Ý][A-ZÀ-Ý'’]+){0,2})[ \t]*(?:\([^()\n]{1,40}\))?"
                       r"[ \t]*[-–—][ \t]", re.MULTILINE)
_SCENE_DAYS = 3  # with a day-precise article date, the scene's time is these days around it


def dateline_place(doc: Doc, knowledge: Knowledge) -> Place | None:
    """The city of a dateline at the start of one of the opening paragraphs."""
    for paragraph in opening_paragraphs(doc):
        match = _DATELINE.match(paragraph)
        record = knowledge.places.find_place(match.group(1)) if match else None
        if record is not None:
            return city_of_venue(record.to_place("dateline"), knowledge)
    return None


def opening_setting(doc: Doc, knowledge: Knowledge, lexicon: EventLexicon) -> Place | None:
    """The first city or venue the opening paragraphs put something 'in' or 'naar' ("... is vandaag in
    Hiroshima aangekomen", "de Olympische Spelen in Sotsji")."""
    end_char = sum(len(paragraph) + 2 for paragraph in opening_paragraphs(doc))
    preps = lexicon.words("place_prep")
    for mention in doc._.places or []:
        if doc[mention.start].idx >= end_char:
            break
        window = words_before(doc, mention.start, lexicon, "place_prep")
        if mention.place.kind != "country" and mention.place.name and any(w in preps for w in window):
            return city_of_venue(mention.place, knowledge)
    return None


def in_scene_time(date: str, anchor: PartialDate | None) -> bool:
    """Is a meeting's date the scene's time: within a few days of a day-precise article date, or in the
    month of a month-precise one?"""
    if anchor is None or not date:
        return False
    if anchor.day is None:
        return anchor.month is not None and date[:7] == anchor.iso()
    if len(date) != 10:
        return False
    published = dt.date(anchor.year, anchor.month, anchor.day)
    return abs((dt.date.fromisoformat(date) - published).days) <= _SCENE_DAYS


def scene_of(doc: Doc, knowledge: Knowledge, lexicon: EventLexicon) -> Place | None:
    """The article's setting: its dateline's city, else the city its opening paragraphs put the news in."""
    return dateline_place(doc, knowledge) or opening_setting(doc, knowledge, lexicon)


def placed_in_scene(mentions: list[Mention], scene: Place | None, anchor: PartialDate | None) -> list[Mention]:
    """Meetings of the scene's time without a place of their own happen in the scene."""
    if scene is None:
        return mentions
    return [replace(m, place=scene) if m.place is None and in_scene_time(m.date, anchor) else m for m in mentions]
