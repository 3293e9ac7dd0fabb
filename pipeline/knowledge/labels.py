"""The span labels the knowledge ruler writes and the linker reads, and the map from any statistical
model's entity labels to the project's types (models/lexicon/entity_labels.tsv)."""
from __future__ import annotations

SPANS_KEY = "knowledge"  # doc.spans[SPANS_KEY]: the ruler's matches, beside the model's doc.ents
ACTOR, SHORT, PLACE, COUNTRY, DEMONYM, ROLE, MODIFIER, KIN = (
    "ACTOR", "SHORT", "PLACE", "COUNTRY", "DEMONYM", "ROLE", "MODIFIER", "KIN")
