"""The document stage: the sentence-level drafts of one article become its meetings.

Real news spreads one meeting over several sentences: a noun refers back to it ("het gesprek", "die
ontmoeting"), a sentence without participants adds its place ("De top vond plaats in Genève"), a leader
joins it later ("De Croo schoof later aan"), the article reports it cancelled. Each meeting takes its
participants, date, place and status from all the sentences that refer to it; a reference never makes a
meeting of its own, and a meeting never borrows from a meeting with another participant set.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Callable

from pipeline.events.participants import HEAD_TITLES
from pipeline.events.scene import in_scene_time
from pipeline.events.status import compare_dates
from pipeline.events.sameness import dates_compatible, finer_place, places_compatible
from pipeline.knowledge.bundle import Knowledge
from pipeline.linking.actors import actor_of
from pipeline.records import Draft, Joiner, Mention, PartialDate, Reference


def meetings_of(drafts: list[Draft], references: list[Reference], joiners: list[Joiner],
                cancelled: list[frozenset[str]], remotes: list[frozenset[str]], paragraph_of: Callable[[int], int],
                anchor: PartialDate | None, knowledge: Knowledge) -> tuple[list[Mention], list[Mention]]:
    """The mentions of the article, each meeting's evidence gathered from all the sentences about it, and
    the trips folded into them (frames for `coreference.merge_in_document`, which then makes one mention per
    meeting). `paragraph_of` gives the paragraph number of a character offset: the meeting in focus is one
    told in the same paragraph or the one before."""
    drafts = [d for d in drafts if not _cancelled(d.mention, cancelled) and not _remote(d, remotes)]
    drafts, trips = _hosts_told_in_person(drafts, anchor)
    drafts = _with_references(drafts, references, paragraph_of)
    drafts = _with_joiners(drafts, joiners, paragraph_of, anchor, knowledge)
    return _fold_back_references(_defaults_yield(drafts, anchor)), trips


def _hosts_told_in_person(drafts: list[Draft], anchor: PartialDate | None) -> tuple[list[Draft], list[Mention]]:
    """"Michel is voor een bezoek naar Moskou gereisd; daarbij zal hij ook Poetin ontmoeten": the host a visit
    implies is the meeting the same sentence tells. One meeting, with that sentence's status; the visit
    gives the date and place it lacks, and stays a trip that frames the article's other meetings."""
    told = {(d.mention.char_start, d.mention.participant_key): i for i, d in enumerate(drafts) if not d.host_inferred}
    result, folded = list(drafts), set()
    for number, draft in enumerate(drafts):
        index = told.get((draft.mention.char_start, draft.mention.participant_key))
        if not draft.host_inferred or index is None:
            continue
        mention, visit = result[index].mention, draft.mention
        past = anchor is not None and visit.date and compare_dates(visit.date, anchor.iso()) < 0
        if not mention.date and not (mention.status == "planned" and past):
            mention = replace(mention, date=visit.date, date_end=visit.date_end, date_precision=visit.date_precision,
                              date_text=visit.date_text)
        result[index] = replace(result[index], mention=replace(mention, place=mention.place or visit.place))
        folded.add(number)
    return [draft for number, draft in enumerate(result) if number not in folded], \
        [drafts[number].mention for number in sorted(folded)]


def _defaults_yield(drafts: list[Draft], anchor: PartialDate | None) -> list[Draft]:
    """A meeting dated only by default ("is Balkenende ontvangen": the article's date) is the meeting of
    the same leaders that another sentence dates in the same days ("gisteren"): it takes that date."""
    if anchor is None:
        return drafts
    dated = {}
    for draft in drafts:
        mention = draft.mention
        if draft.own_date and mention.date_text and in_scene_time(mention.date, anchor):
            dated.setdefault((mention.participant_key, mention.status), mention)
    result = []
    for draft in drafts:
        mention = draft.mention
        source = dated.get((mention.participant_key, mention.status))
        if source is not None and mention.date == anchor.iso() and not mention.date_text:
            draft = replace(draft, mention=replace(mention, date=source.date, date_end=source.date_end,
                                                   date_precision=source.date_precision, date_text=source.date_text))
        result.append(draft)
    return result


def _cancelled(mention: Mention, cancelled: list[frozenset[str]]) -> bool:
    """A planned meeting the article reports called off ("Trump blies de top met Poetin af")."""
    names = set(mention.participant_key)
    return mention.status == "planned" and any(names <= called_off for called_off in cancelled)


def _remote(draft: Draft, remotes: list[frozenset[str]]) -> bool:
    """A meeting of leaders the article reports meeting by video, told only as a reference or without a
    time or place of its own ("zei Biden toen zijn gesprek met Xi begonnen was"), is that video meeting."""
    names = set(draft.mention.participant_key)
    # a visit still to come is no call already made: "gaat binnenkort langs bij Trump" beside "spraken
    # elkaar telefonisch"
    vague = draft.refers_back or not (draft.own_date or draft.own_place or draft.mention.status == "planned")
    return vague and any(names <= remote for remote in remotes)


def _focus(drafts: list[Draft], position: int, paragraph_of: Callable[[int], int], reach: int = 1) -> int | None:
    """The meeting in focus at a position: the nearest one told before it (in an earlier sentence, and not
    in a clause of earlier time, "nadat hij zondag de koningin had bezocht"), at most `reach` paragraphs
    back; further back the text has moved on."""
    before = [i for i, d in enumerate(drafts) if d.mention.char_start < position and not d.background]
    if not before:
        return None
    nearest = max(before, key=lambda i: drafts[i].mention.char_start)
    return nearest if paragraph_of(position) - paragraph_of(drafts[nearest].mention.char_start) <= reach else None


def _with_references(drafts: list[Draft], references: list[Reference],
                     paragraph_of: Callable[[int], int]) -> list[Draft]:
    """'Die ontmoeting vond plaats in Genève': the meeting in focus takes a date or place it lacks."""
    drafts = list(drafts)
    for reference in references:
        index = _focus(drafts, reference.position, paragraph_of)
        if index is None:
            continue
        mention = drafts[index].mention
        if reference.date is not None and not dates_compatible(mention.date, reference.date[0]):
            continue  # another occasion
        if reference.place is not None and places_compatible(mention.place, reference.place):
            mention = replace(mention, place=finer_place(mention.place, reference.place))
        if reference.date is not None and not mention.date:
            date, date_end, precision, text = reference.date
            mention = replace(mention, date=date, date_end=date_end, date_precision=precision, date_text=text)
        drafts[index] = replace(drafts[index], mention=mention)
    return drafts


def _with_joiners(drafts: list[Draft], joiners: list[Joiner], paragraph_of: Callable[[int], int],
                  anchor: PartialDate | None, knowledge: Knowledge) -> list[Draft]:
    """'Premier De Croo schuift later mee aan': one meeting with one more participant, not a new pair."""
    drafts = list(drafts)
    for joiner in joiners:
        index = _focus(drafts, joiner.position, paragraph_of, reach=2)  # "schoof later aan" names its meeting
        if index is None:
            continue
        mention = drafts[index].mention
        date = PartialDate.parse(mention.date) if mention.date else anchor
        actor = actor_of(joiner.person, knowledge, date)
        if actor is None or actor.name in mention.participant_key or not _leads(joiner, knowledge, date):
            continue
        participants = tuple(sorted(mention.participants + (actor,), key=lambda a: a.name))
        drafts[index] = replace(drafts[index], mention=replace(mention, participants=participants))
    return drafts


def _leads(joiner: Joiner, knowledge: Knowledge, date: PartialDate | None) -> bool:
    """Only a head of state or government joins a meeting of leaders; a minister who sits in belongs to a
    delegation (GUIDELINES rule 10)."""
    person = joiner.person.person
    if person is None:  # a leader the data lacks, named with a role and a country
        role = joiner.person.role
        return role is not None and bool(set(role.titles) & HEAD_TITLES)
    return knowledge.qualifies(person, date)[1]


def _fold_back_references(drafts: list[Draft]) -> list[Mention]:
    """A noun that refers back ('het gesprek tussen Rutte en Merkel', undated) to a meeting of the same
    leaders told elsewhere adds its place to that meeting and makes none of its own. A sentence about a
    meeting reported elsewhere ('hun eerste gesprek sinds 2020') counts only when the article reports no
    meeting of those leaders otherwise."""
    reports = [d for d in drafts if not d.refers_back and not d.sentence_reference]
    mentions = [d.mention for d in reports]
    named = {name for d in reports for name in d.mention.participant_key}
    for draft in drafts:
        if draft.sentence_reference:
            if not named & set(draft.mention.participant_key):
                mentions.append(draft.mention)
            continue
        if not draft.refers_back:
            continue
        # The meeting of those leaders (or of more, the reference naming only some), not one of another
        # time or place; the reference's date counts only when its own sentence gives it, and its status is
        # that of the clause it stands in ("Met zijn bezoek wil Biden ..."), not of the meeting.
        own_date = draft.mention.date if draft.own_date else ""
        names = set(draft.mention.participant_key)
        same = [i for i, d in enumerate(reports) if names <= set(d.mention.participant_key)
                and dates_compatible(d.mention.date, own_date)
                and places_compatible(d.mention.place, draft.mention.place)]
        if not same:
            mentions.append(draft.mention)
            continue
        exact = [i for i in same if reports[i].mention.participant_key == draft.mention.participant_key]
        nearest = min(exact or same, key=lambda i: abs(reports[i].mention.char_start - draft.mention.char_start))
        if draft.own_place:
            mentions[nearest] = replace(mentions[nearest], place=finer_place(mentions[nearest].place,
                                                                             draft.mention.place))
    return mentions
