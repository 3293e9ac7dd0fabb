"""Linking: names, role phrases and places in the text, tied to the actor and place records."""
from __future__ import annotations

from spacy.tokens import Doc

from pipeline.knowledge.bundle import Knowledge
from pipeline.linking.names import link_kin, link_name_parts, link_names
from pipeline.linking.places import link_places
from pipeline.linking.roles import link_roles
from pipeline.records import PartialDate, PersonMention, PlaceMention


def link_document(doc: Doc, knowledge: Knowledge,
                  published: PartialDate | None) -> tuple[list[PersonMention], list[PlaceMention]]:
    """Every person and place mention of the document, in text order."""
    names = link_names(doc, knowledge, published)
    with_roles = link_name_parts(doc, link_roles(doc, knowledge, names))
    return link_kin(doc, knowledge, with_roles), link_places(doc, knowledge)
