"""Places in the text linked to the gazetteer: cities, venues, countries, "de Chinese hoofdstad", and
places the gazetteer lacks but the text frames as places ("de Indiase kustplaats Mamallapuram")."""
from __future__ import annotations

from spacy.tokens import Doc

from pipeline.knowledge.bundle import Knowledge
from pipeline.knowledge.labels import ACTOR, COUNTRY, DEMONYM, PLACE, SHORT, SPANS_KEY
from pipeline.linking.names import longest_first
from pipeline.records import Place, PlaceMention


def link_places(doc: Doc, knowledge: Knowledge) -> list[PlaceMention]:
    """Cities, venues and countries from the gazetteer; 'de Chinese hoofdstad' is the capital."""
    # "paleis Noordeinde", "slot Meseberg": a place name has a capitalised word, not always the first.
    spans = [s for s in doc.spans[SPANS_KEY] if s.label_ in (PLACE, COUNTRY) and any(t.text[:1].isupper() for t in s)]
    mentions = []
    # A city-state is both a city and a country ("Singapore"); the city reading wins.
    spans.sort(key=lambda s: s.label_ != PLACE)
    for span in longest_first(spans):
        if span.label_ == PLACE:
            record = knowledge.places.find_place(span.text)
            if record is not None:
                mentions.append(PlaceMention(span.start, span.end, span.text, record.to_place("gazetteer"), "gazetteer"))
        else:
            iso3 = knowledge.places.country_by_name(span.text)
            if iso3:
                mentions.append(PlaceMention(span.start, span.end, span.text,
                                             Place("", iso3, kind="country", link_rule="country"), "country"))
    mentions.extend(_capital_phrases(doc, knowledge, mentions))
    mentions.extend(_unlisted_places(doc, knowledge, mentions))
    return sorted(mentions, key=lambda m: m.start)


def _unlisted_places(doc: Doc, knowledge: Knowledge, found: list[PlaceMention]) -> list[PlaceMention]:
    """Places the gazetteer lacks, known from their frame: "de Indiase kustplaats Mamallapuram" (a place
    noun after a demonym) or "het Maleisische Putrajaya" (Dutch place names take 'het'; institutions
    such as "de Amerikaanse Senaat" take 'de')."""
    taken = {i for m in found for i in range(m.start, m.end)}
    neuter = knowledge.grammar["neuter_article"]
    result = []
    for span in doc.spans[SPANS_KEY]:
        if span.label_ != DEMONYM or span.end >= len(doc) or span.start == 0:
            continue
        name_at = span.end + (doc[span.end].lower_ in knowledge.place_nouns)
        introduced = name_at > span.end or doc[span.start - 1].lower_ in neuter
        name = doc[name_at] if name_at < len(doc) else None
        if not introduced or name is None or name.i in taken or not (name.is_alpha and name.text[:1].isupper()):
            continue
        if any(s.start == name.i and s.label_ in (ACTOR, SHORT) for s in doc.spans[SPANS_KEY]):
            continue
        iso3 = knowledge.places.country_by_demonym(span.text)
        if iso3:
            result.append(PlaceMention(name.i, name.i + 1, name.text, Place(name.text, iso3, link_rule="demonym_place"),
                                       "demonym_place"))
    return result


def _capital_phrases(doc: Doc, knowledge: Knowledge, found: list[PlaceMention]) -> list[PlaceMention]:
    taken = {i for m in found for i in range(m.start, m.end)}
    result = []
    for span in doc.spans[SPANS_KEY]:
        if span.label_ != DEMONYM or span.end >= len(doc) or doc[span.end].lower_ not in knowledge.capital_words:
            continue
        if span.end + 1 < len(doc) and span.end + 1 in taken:
            continue  # "de Noord-Koreaanse hoofdstad Pyongyang": the name itself is linked
        capital = knowledge.places.capital_of(knowledge.places.country_by_demonym(span.text) or "")
        if capital is not None:
            result.append(PlaceMention(span.start, span.end + 1, doc[span.start:span.end + 1].text,
                                       capital.to_place("capital_of"), "capital_of"))
    return result


