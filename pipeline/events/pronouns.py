"""Pronouns and pronoun phrases that refer back to leaders: 'hij', 'hem', 'ze', 'de twee', 'de drie leiders'."""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span

from pipeline.events.cues import words_before
from pipeline.events.lexicon import EventLexicon
from pipeline.events.positions import before, within
from pipeline.events.surface import in_quote, words_of
from pipeline.records import PersonMention


def _plural_verb_near(doc: Doc, index: int, end: int, lexicon: EventLexicon) -> bool:
    """Is 'ze' plural? Its verb stands beside it ('zaten ze', 'ze ontmoetten') or ends the stretch
    ('waar ze Xi ontmoeten'); a plural finite verb has a plural ending."""
    endings = tuple(lexicon.words("plural_verb_ending"))
    last = next((i for i in range(end - 1, index, -1) if not doc[i].is_punct), index)
    near = {i for i in (index - 1, index + 1, last) if 0 <= i < len(doc) and i != index}
    return any(len(doc[i].text) > 4 and doc[i].lower_.endswith(endings) for i in near)


def resolve_pronouns(doc: Doc, ranges: list[tuple[int, int]], persons: list[PersonMention],
                     lexicon: EventLexicon, focus: tuple[PersonMention, ...] = ()) -> list[PersonMention]:
    """'hij' is the first leader of the last earlier sentence naming one; a group ('de twee', 'beide heren',
    'het trio', plural 'ze') is the group in focus (`focus`: the participants of the meeting last told, or
    the group last named) when it has that many leaders, else the last leaders named."""
    found = []
    singles, objects = lexicon.words("pronoun_one"), lexicon.words("pronoun_object")
    words, starters = words_of(doc), _starters(lexicon)
    for start, end in ranges:
        for index in range(start, end):
            if words[index] not in starters:
                continue  # most words start no pronoun or group phrase: skip them cheaply
            token = doc[index]
            is_object = token.lower_ in objects
            by_number = token.lower_ in lexicon.words("pronoun_by_number")
            plural = by_number and _plural_verb_near(doc, index, end, lexicon)
            if plural and not _is_possessive_context(doc, index, lexicon):  # "zullen ze er praten"
                group = _group(doc, index, persons, focus, None) or _with_companion(doc, index, persons, lexicon)
                found.extend(replace(p, start=index, end=index + 1, text=token.text, rule=f"pronoun:{p.rule}")
                             for p in group)
            single = token.lower_ in singles or (by_number and not plural)
            if (single or is_object) and not _is_possessive_context(doc, index, lexicon):
                antecedent = previous_sentence_subject(doc, index, persons, lexicon, same_sentence_first=not is_object)
                if antecedent is not None:
                    found.append(replace(antecedent, start=index, end=index + 1, text=token.text,
                                         rule=f"pronoun:{antecedent.rule}"))
            following = doc[index + 1].lower_ if index + 1 < len(doc) else ""
            if token.is_sent_start and token.lower_ in lexicon.words("pronoun_pair_initial") \
                    and following in lexicon.words("pair_next"):  # "Die spraken elkaar vorige week ..."
                found.extend(replace(p, start=index, end=index + 1, text=token.text, rule=f"pronoun:{p.rule}")
                             for p in _group(doc, index, persons, focus, 2))
            found.extend(_group_phrase(doc, index, persons, lexicon, focus))
            found.extend(_quoted_person(doc, index, persons, lexicon))
    return found


def _quoted_person(doc: Doc, index: int, persons: list[PersonMention], lexicon: EventLexicon) -> list[PersonMention]:
    """Inside a quote 'ik' is the speaker, 'u' the one spoken to, 'we' both: '"Ik zie u volgende maand in
    Parijs", zei Rutte tegen Macron.'"""
    word = doc[index].lower_
    kinds = [kind for kind in ("quote_speaker", "quote_addressee", "quote_both") if word in lexicon.words(kind)]
    if not kinds or not in_quote(doc[index]):
        return []
    speaker, addressee = _speech_roles(doc[index].sent, persons, lexicon)
    wanted = {"quote_speaker": [speaker], "quote_addressee": [addressee],
              "quote_both": [speaker, addressee] if addressee else []}[kinds[0]]
    return [replace(p, start=index, end=index + 1, text=doc[index].text, rule=f"quote:{p.rule}")
            for p in wanted if p is not None]


def _speech_roles(sent: Span, persons: list[PersonMention],
                  lexicon: EventLexicon) -> tuple[PersonMention | None, PersonMention | None]:
    """Who speaks and to whom in a sentence with a quote: the person right after a speech verb outside the
    quote ('zei Rutte', or before it: 'Rutte zei: "..."'), and the person after 'tegen' there."""
    doc = sent.doc
    outside = [p for p in within(persons, sent.start, sent.end) if not in_quote(doc[p.start])]
    verbs = [t.i for t in sent if t.lower_ in lexicon.words("speech_verb") and not in_quote(t)]
    if not verbs or not outside:
        return None, None
    addressee = next((p for p in outside if doc[p.start - 1].lower_ in lexicon.words("addressee_prep")
                      or (p.start > 1 and doc[p.start - 2].lower_ in lexicon.words("addressee_prep"))), None)
    speakers = [p for p in outside if p is not addressee]
    after = [p for p in speakers if 0 < p.start - verbs[0] <= 3]
    before = [p for p in speakers if p.start < verbs[0]]
    speaker = (after or before[-1:] or [None])[0]
    return speaker, addressee


_GROUP_KINDS = ((2, "pronoun_pair"), (3, "pronoun_three"), (4, "pronoun_four"))
_STARTER_KINDS = ("pronoun_one", "pronoun_object", "pronoun_by_number", "pronoun_pair_initial", "quote_speaker",
                  "quote_addressee", "quote_both")


_STARTERS: list = [None, frozenset()]  # the lexicon last asked about, and its starters


def _starters(lexicon: EventLexicon) -> frozenset[str]:
    """The words a pronoun or a group phrase can begin with (worked out once per lexicon)."""
    if _STARTERS[0] is not lexicon:
        _STARTERS[:] = [lexicon, frozenset().union(
            *(lexicon.words(kind) for kind in _STARTER_KINDS),
            *({phrase[0] for phrase in lexicon.phrases(kind)} for _, kind in _GROUP_KINDS))]
    return _STARTERS[1]


def _group(doc: Doc, index: int, persons: list[PersonMention], focus: tuple[PersonMention, ...],
           count: int | None) -> list[PersonMention]:
    """The leaders a group phrase stands for: those its own sentence names before it ("Rutte en Trump bij
    hun ontmoeting"), else the group in focus when it has `count` leaders (any number when None), else the
    last ones named."""
    sentence_start = doc[index].sent.start
    own = {p.key: p for p in within(persons, sentence_start, index)}
    if len(own) >= (count or 2):
        return _last_n(index, within(persons, sentence_start, index), count or len(own))
    keys = {p.key for p in focus}
    # Leaders named after the meeting in focus make a group of their own ("..., zonder dat Poetin en
    # Zelensky elkaar zagen. De twee presidenten ...").
    since = {p.key for p in within(persons, max(f.end for f in focus), sentence_start)
             if p.person is not None} if focus else set()
    if len(keys) >= 2 and (count is None or len(keys) == count) and (len(since) < (count or 2) or since <= keys):
        return list({p.key: p for p in focus}.values())
    return _last_n(index, persons, count or 2)


def _with_companion(doc: Doc, index: int, persons: list[PersonMention], lexicon: EventLexicon) -> list[PersonMention]:
    """Plural 'ze' after "De Croo (Open VLD) en Lahbib zijn in Kyiv aangekomen": a leader travelling with
    someone the actor data does not hold (a minister); 'ze' takes the leader along."""
    subject = previous_sentence_subject(doc, index, persons, lexicon)
    if subject is None or subject.start >= index:
        return []
    at = subject.end
    if at < len(doc) and doc[at].text == "(":  # a party in brackets
        at = next((t.i + 1 for t in doc[at:min(len(doc), at + 6)] if t.text == ")"), at)
    if at + 1 >= len(doc) or doc[at].lower_ not in lexicon.words("conjunct") or not doc[at + 1].text[:1].isupper():
        return []
    if within(persons, at + 1, at + 2):
        return []  # a leader of its own: the group case
    return [subject]


def group_at(doc: Doc, sent, persons: list[PersonMention], lexicon: EventLexicon,
             focus: tuple[PersonMention, ...]) -> tuple[PersonMention, ...]:
    """The group a sentence names with a group phrase ("Het drietal bereikte Kyiv"), for the focus."""
    words, starters = words_of(doc), _starters(lexicon)
    for index in range(sent.start, sent.end):
        if words[index] not in starters:
            continue
        group = _group_phrase(doc, index, persons, lexicon, focus)
        if group:
            return tuple(group)
    return ()


def _group_phrase(doc: Doc, index: int, persons: list[PersonMention], lexicon: EventLexicon,
                  focus: tuple[PersonMention, ...]) -> list[PersonMention]:
    """'de twee', 'beide heren', 'het trio', 'de vier leiders' starting at `index`."""
    found = []
    words = words_of(doc)
    for count, kind in _GROUP_KINDS:
        for phrase in lexicon.phrases_by_first_word(kind).get(words[index], ()):
            following = words[index + len(phrase)] if index + len(phrase) < len(doc) else ""
            if phrase in lexicon.phrases("pronoun_needs_next") and following not in lexicon.words("pair_next"):
                continue  # "de twee landen" is no pronoun; "de twee elkaar" is
            if tuple(words[index:index + len(phrase)]) == phrase:
                found.extend(replace(p, start=index, end=index + len(phrase), text=" ".join(phrase),
                                     rule=f"pronoun:{p.rule}") for p in _group(doc, index, persons, focus, count))
    return found


def _is_possessive_context(doc: Doc, index: int, lexicon: EventLexicon) -> bool:
    """"van hem" is a possessor, not a participant."""
    return index > 0 and doc[index - 1].lower_ in lexicon.words("possessive")


def previous_sentence_subject(doc: Doc, index: int, persons: list[PersonMention], lexicon: EventLexicon,
                               same_sentence_first: bool = True) -> PersonMention | None:
    """For 'hij': the first person earlier in the same sentence ("Modi kwam uit Polen, waar hij ..."), else
    the first person of the last earlier sentence naming one. For 'hem' the same, but never someone of its
    own clause: "Steinmeier ontving hem" is not Steinmeier; "Modi bezocht Dhaka, toen Hasina hem ontving"
    is Modi. A loop, not a recursion: a thousand sentences led by 'hij' hand the antecedent on."""
    breaks, singles = lexicon.words("clause_break"), lexicon.words("pronoun_one")
    while True:
        sentence_start = doc[index].sent.start
        # "Modi kwam uit Polen, waar hij ...": only across a clause word; "Samen met Meloni werd hij ..." not.
        same_sentence = [p for p in within(persons, sentence_start, index)
                         if any(doc[i].lower_ in breaks for i in range(p.end, index))]
        # "Na een telefoongesprek met Poetin zei Trump dat hij ...": a person after a preposition is no subject.
        subjects = [p for p in same_sentence if not set(words_before(doc, p.start, lexicon, "prepositional",
                                                                     sentence_start)) & lexicon.words("prepositional")]
        same_sentence = subjects or same_sentence
        if not same_sentence_first:
            clause_start = max((t.i for t in doc[sentence_start:index] if t.text == ","), default=sentence_start)
            same_sentence = [p for p in same_sentence if p.start < clause_start]
        if same_sentence:
            return same_sentence[0]
        previous = doc[sentence_start - 1].sent if sentence_start > 0 else None
        if previous is not None:
            # "Hij schreef dat ... Xi sprak. Vanochtend had hij ...": a sentence led by 'hij' hands its
            # antecedent on.
            named = within(persons, previous.start, previous.end)
            first_person = named[0].start if named else previous.end
            leading = next((t.i for t in doc[previous.start:first_person] if t.lower_ in singles), None)
            if leading is not None:
                ahead = _named_after_fronted_clause(doc, previous, leading, persons, lexicon)
                if ahead is not None:
                    return ahead
                index, same_sentence_first = leading, True
                continue
        earlier = before(persons, sentence_start)
        if not earlier:
            earlier = before(persons, index)
            return earlier[-1] if earlier else None
        last_sentence = doc[earlier[-1].start].sent.start
        return within(persons, last_sentence, sentence_start)[0]


def _named_after_fronted_clause(doc: Doc, sent: Span, pronoun: int, persons: list[PersonMention],
                                lexicon: EventLexicon) -> PersonMention | None:
    """"Voordat hij naar Oekraïne reist, doet Modi eerst Polen aan": a pronoun in a fronted subordinate
    clause points ahead, to the subject the main clause names."""
    if sent[0].lower_ not in lexicon.words("fronted_subordinator"):
        return None
    comma = next((t.i for t in doc[pronoun:sent.end] if t.text == ","), None)
    if comma is None:
        return None
    main = within(persons, comma + 1, sent.end)
    first = main[0] if main else None
    if first is None or set(words_before(doc, first.start, lexicon, "prepositional", comma)) & \
            lexicon.words("prepositional"):
        return None
    return first


def _last_n(index: int, persons: list[PersonMention], count: int) -> list[PersonMention]:
    """The last `count` different leaders named before `index` ("de drie leiders"), or none."""
    chosen: list[PersonMention] = []
    names: set[str] = set()
    for mention in reversed(before(persons, index)):
        key = mention.person.name if mention.person else mention.text
        if key not in names:
            chosen.append(mention)
            names.add(key)
        if len(chosen) == count:
            break
    return chosen if len(chosen) == count else []


def possessive_owner(doc: Doc, hit_start: int, persons: list[PersonMention],
                     lexicon: EventLexicon) -> list[PersonMention]:
    """'Zijn ontmoeting met Macron duurde twee uur', 'tijdens haar eerste bezoek aan Peking': the leader that
    'zijn'/'haar' before a meeting noun refers to owns the meeting and takes part. Only where the word can
    be no verb: at the start of the sentence or after a preposition ("Er zijn gesprekken gevoerd" is not
    his)."""
    words, sentence = words_of(doc), doc[hit_start].sent
    start = max(sentence.start, hit_start - lexicon.window("possessive_owner"))
    spot = next((i for i in range(start, hit_start) if words[i] in lexicon.words("possessive_owner")), None)
    if spot is None or not (spot == sentence.start or words[spot - 1] in lexicon.words("possessive_owner_after")):
        return []
    antecedent = previous_sentence_subject(doc, spot, persons, lexicon, same_sentence_first=spot != sentence.start)
    if antecedent is None:
        return []
    return [replace(antecedent, start=spot, end=spot + 1, text=doc[spot].text, rule=f"pronoun:{antecedent.rule}")]
