"""The candidate meetings of one sentence: one per trigger and participant set."""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span

from pipeline.events.clauses import Clause, clause_structure, trigger_scopes
from pipeline.events.cues import has_cue, words_before
from pipeline.events.surface import in_quote
from pipeline.events.groups import split_by_dates, split_plural
from pipeline.events.hosts import visit_host_persons, visit_hosts
from pipeline.events.surface import text_of
from pipeline.events.lexicon import EventLexicon
from pipeline.events.positions import within
from pipeline.events.participants import after_not_participant, bystander, compound_participants, persons_in
from pipeline.events.pronouns import possessive_owner, previous_sentence_subject, resolve_pronouns
from pipeline.events.triggers import ordinal_reference
from pipeline.knowledge.bundle import Knowledge
from pipeline.records import Candidate, PersonMention, TriggerHit


def unique_people(people: list[PersonMention]) -> list[PersonMention]:
    """One mention per person, the first."""
    seen, result = set(), []
    for mention in people:
        if mention.key not in seen:
            seen.add(mention.key)
            result.append(mention)
    return result


def candidates_in_sentence(doc: Doc, sent: Span, hits: list[TriggerHit], knowledge: Knowledge,
                           lexicon: EventLexicon, previous: tuple[PersonMention, ...] = (),
                           focus: tuple[PersonMention, ...] = ()) -> list[Candidate]:
    """`previous`: the participants of the last meeting named in the sentence before, for "een tweede top";
    `focus`: the group in focus (the last meeting's participants, or a group last named), for 'beide heren'."""
    persons = doc._.persons or []
    found: list[Candidate] = []
    lone = len(hits) == 1
    structure = clause_structure(sent, lexicon)
    for number, part in enumerate(structure):
        clause = (part.start, part.end)
        scopes = trigger_scopes(doc, hits, clause, lexicon)
        for hit, scope in scopes:
            trigger = lexicon.triggers[hit.rule_id]
            scope = _with_insertions(doc, hit, trigger.form == "noun", scope, part, structure[number + 1:], persons,
                                     lexicon)
            people = [p for p in persons_in(scope, persons) + resolve_pronouns(doc, scope, persons, lexicon, focus)
                      if not after_not_participant(doc, p, lexicon) and not bystander(doc, hit, trigger, p, lexicon)]
            people += compound_participants(doc, hit, persons, knowledge)
            if trigger.form == "noun":  # "Zijn ontmoeting met Macron duurde twee uur"
                people += possessive_owner(doc, hit.start, persons, lexicon)
            if trigger.kind == "receive" and _received_by_nobody(doc, hit, scope, persons, lexicon):
                continue  # "Het trio werd onthaald door een minister": guests received by no leader
            inferred = any(p.inferred for p in people)
            if trigger.kind in ("visit", "receive") and len(unique_people(people)) == 1:
                places = visit_hosts(doc, hit, trigger, scope, doc._.places, lexicon)
                state_visit = doc[hit.start].lower_.startswith(lexicon.phrases("state_visit")[0][0])
                hosts = visit_host_persons(doc, places, people, knowledge, state_visit)
                people, inferred = people + hosts, True
            if trigger.form == "noun" and people and _partners_only(doc, clause, people, lexicon) \
                    and not in_quote(doc[hit.start]) and has_cue(doc[clause[0]:clause[1]], lexicon, "programme"):
                # "Maandag staat een ontmoeting met De Croo gepland", "Met Duda en Tusk staan ontmoetingen op
                # het programma": the traveller the text is following
                people, inferred = people + protagonist(doc, sent, unique_people(people), persons, lexicon), True
            if trigger.form == "noun" and people and _partners_only(doc, clause, people, lexicon) \
                    and doc[clause[0]].lower_ in lexicon.words("fronted_preposition"):
                # "Na zijn ontmoeting met Macron vorige week zal Rutte ...": the main clause's subject
                people = people + _subject_after(doc, scope[-1][1], clause, persons, lexicon)
            groups = split_plural(doc, hit, trigger, unique_people(people), scope, lexicon)
            if trigger.kind in ("gathering", "meet") and not people:
                if found:
                    groups = [(list(found[-1].people), None)]  # "een tweede X-Y-ontmoeting, na de top in Z"
                elif previous and ordinal_reference(doc, hit, lexicon):
                    groups = [(list(previous), None)]  # "... een tweede Trump-Kim-ontmoeting. [...] een tweede top"
            ranged = [(group, (own,) if own else None) for group, own in groups]
            if len(groups) == 1:
                ranged = split_by_dates(doc, sent, hit, unique_people(people)) or ranged
            for group, own in ranged:
                if len(group) >= 2:
                    found.append(Candidate(hit, trigger, tuple(group), inferred, own or tuple(scope),
                                           clause, lone and not own, len(scopes) == 1 and not own))
    return found


def _with_insertions(doc: Doc, hit: TriggerHit, noun: bool, scope: list[tuple[int, int]], part: Clause,
                     following: list[Clause], persons: list[PersonMention],
                     lexicon: EventLexicon) -> list[tuple[int, int]]:
    """A clause interrupted by an inserted clause keeps its subject ("Merkel en Hollande, die ..., hebben
    gisteravond samen gedineerd"); an inserted relative clause has its antecedent as subject ("Trump, die
    naar Vietnam reist voor zijn ontmoeting met Kim"); a meeting noun right before an inserted clause owns
    it ("het bezoek aan het Witte Huis, dat de premier gisteren aflegde, ..."), and so does a meeting noun
    a relative clause follows at once ("het bezoek dat Rutte gisteravond bij Merkel aflegde")."""
    scope = list(scope)
    if part.head is not None and hit.start >= part.start:
        scope.insert(0, part.head)
    if part.relative and part.antecedent is not None:
        antecedent = next((p for p in within(persons, part.antecedent - 8, part.antecedent + 1)
                           if p.end == part.antecedent + 1), None)
        if antecedent is not None:
            scope.insert(0, (antecedent.start, antecedent.end))
    insertion = following[0] if following else None
    if noun and insertion is not None and insertion.relative and insertion.start == part.end \
            and not any(doc[i].is_punct for i in range(hit.end, insertion.start - 1)):
        scope.insert(len(scope) - 1, (insertion.start, insertion.end))  # the trigger's own stretch stays last
    elif noun and insertion is not None and insertion.start == hit.end \
            and doc[insertion.start].lower_ in lexicon.words("noun_relative"):
        # "het bezoek dat Rutte gisteravond aflegde bij Merkel, ...": the relative clause up to its comma
        end = next((i for i in range(insertion.start, insertion.end) if doc[i].text == ","), insertion.end)
        scope.insert(len(scope) - 1, (insertion.start, end))
    return scope


def _received_by_nobody(doc: Doc, hit: TriggerHit, scope: list[tuple[int, int]], persons: list[PersonMention],
                        lexicon: EventLexicon) -> bool:
    """A passive reception whose agent ('door ...') names no leader."""
    own_start, own_end = scope[-1]
    agents = [i for i in range(max(own_start, hit.start - lexicon.window("agent")), own_end)
              if doc[i].lower_ in lexicon.words("agent")]
    if not agents:
        return False
    stop = next((i for i in range(agents[0], own_end) if doc[i].is_punct), own_end)
    return not within(persons, agents[0] + 1, stop)


def _subject_after(doc: Doc, start: int, clause: tuple[int, int], persons: list[PersonMention],
                   lexicon: EventLexicon) -> list[PersonMention]:
    """The first person after `start` in the clause who is not after a preposition: the subject that
    follows the finite verb in Dutch when a phrase is put first."""
    following = within(persons, start, clause[1])
    if not following:
        return []
    person = following[0]
    before = set(words_before(doc, person.start, lexicon, "prepositional", start))
    return [] if before & lexicon.words("prepositional") else [replace(person, rule="fronted_subject")]


def _partners_only(doc: Doc, clause: tuple[int, int], people: list[PersonMention], lexicon: EventLexicon) -> bool:
    """Does the clause name only the partners of a meeting: one person, or people after a 'met' that no
    person precedes ("Met Duda en Tusk staan ontmoetingen op het programma")?"""
    if len(unique_people(people)) == 1:
        return True
    first = min(p.start for p in people)
    return any(doc[i].lower_ in lexicon.words("comitative") for i in range(clause[0], first)) and \
        not within(doc._.persons or [], clause[0], first)


def protagonist(doc: Doc, sent: Span, partners: list[PersonMention], persons: list[PersonMention],
                lexicon: EventLexicon) -> list[PersonMention]:
    """The leader the text is following, for a programme's meeting noun that names only the partner: a
    leader in an earlier clause of the sentence who is not another party ("De reis van Schoof gaat verder
    naar Luxemburg; daar volgt een ontmoeting met Frieden"), else the subject of the sentence before, in
    the same paragraph ("Morgen spreekt hij met Albanese. Ook een gesprek met Macron staat op de agenda")."""
    breaks = lexicon.words("clause_break")
    partner, keys = partners[0], {p.key for p in partners}
    same = [p for p in within(persons, sent.start, partner.start) if p.key not in keys
            and any(doc[i].lower_ in breaks for i in range(p.end, partner.start))
            and not set(words_before(doc, p.start, lexicon, "other_party", sent.start)) & lexicon.words("other_party")]
    if same:
        return [replace(same[0], rule="protagonist")]
    subject = previous_sentence_subject(doc, sent.start, persons, lexicon)
    if subject is None or subject.key in keys or "\n\n" in text_of(doc)[doc[subject.start].idx:sent.start_char]:
        return []
    return [replace(subject, rule="protagonist")]
