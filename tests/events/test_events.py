"""Behaviour of the event stage (issue 7) on short Dutch news sentences, through the rule pipeline.

Sentences are written for these tests in Dutch news style (not taken from corpus/ or tests/data/dev/).
Expected dates were worked out by hand with a calendar (`python3 -m calendar 2019 9`): 2019-09-05 is a
Thursday, so past-tense "maandag", "dinsdag", "woensdag" are 2019-09-02, -03, -04. Expected
participants, places and statuses follow corpus/gold/GUIDELINES.md.
"""
from __future__ import annotations

import pytest

from pipeline.records import Mention
from tests.conftest import THURSDAY, defect, meetings, names, only_meeting, process, where

# --- trigger families ---------------------------------------------------------------------------------
TRIGGERS = [
    # a plural subject talking, without met/elkaar
    ("Poetin en Xi spraken maandag urenlang in Peking.", {"Vladimir Putin", "Xi Jinping"}),
    ("President Emmanuel Macron ontmoette woensdag in Parijs de Indiase premier Narendra Modi.",
     {"Emmanuel Macron", "Narendra Modi"}),
    ("Bondskanselier Angela Merkel trof maandag in Berlijn de Japanse premier Shinzo Abe.",
     {"Angela Merkel", "Shinzo Abe"}),
    ("Poetin ontving dinsdag de Turkse president Erdogan in het Kremlin.",
     {"Vladimir Putin", "Recep Tayyip Erdoğan"}),
    ("De Franse president Macron werd dinsdag in Den Haag ontvangen door premier Rutte.",
     {"Emmanuel Macron", "Mark Rutte"}),
    ("Poetin sprak dinsdag met Trump over de wapenbeheersing.", {"Vladimir Putin", "Donald Trump"}),
    ("Poetin en Erdogan spraken elkaar dinsdag urenlang in Moskou.", {"Vladimir Putin", "Recep Tayyip Erdoğan"}),
    ("Merkel overlegde dinsdag in Berlijn met Macron over de Brexit.", {"Angela Merkel", "Emmanuel Macron"}),
    ("De top tussen Trump en Poetin in Helsinki vond maandag plaats.", {"Donald Trump", "Vladimir Putin"}),
    ("Trump had dinsdag een topontmoeting met Kim Jong-un in Hanoi.", {"Donald Trump", "Kim Jong-un"}),
    ("Kim Jong-un en Moon Jae-in schudden elkaar dinsdag de hand in Panmunjom.", {"Kim Jong-un", "Moon Jae-in"}),
    ("Trump en Xi spraken elkaar zaterdag tijdens de G20-top in Osaka.", {"Donald Trump", "Xi Jinping"}),
]


@pytest.mark.parametrize("text, participants", TRIGGERS)
def test_meeting_trigger_finds_the_two_leaders(text, participants):
    mention = only_meeting(text)
    assert names(mention) == participants
    assert mention.rule_id


@pytest.mark.parametrize("text", [
    "Poetin, Erdogan en de Iraanse president Hassan Rohani kwamen maandag in Ankara bijeen.",
    "Poetin, Erdogan en de Iraanse president Hassan Rohani kwamen maandag in Ankara samen.",
])
def test_samenkomen_with_separated_particle_gives_one_row_of_three(text):
    assert names(only_meeting(text)) == {"Vladimir Putin", "Recep Tayyip Erdoğan", "Hassan Rouhani"}


def test_compound_meeting_noun_names_its_participants():
    text = ("Kim Jong-un vertrok per trein naar Vietnam. "
            "De Trump-Kim-ontmoeting in Hanoi begint woensdag.")
    mention = only_meeting(text, "2019-02-24")
    assert names(mention) == {"Donald Trump", "Kim Jong-un"}
    assert where(mention) == ("Hanoi", "VNM")


def test_nato_summit_noun_gives_place_to_bilateral_on_its_margins():
    mention = only_meeting("Rutte en Macron spraken elkaar dinsdag op de NAVO-top in Londen.", "2019-12-05")
    assert names(mention) == {"Emmanuel Macron", "Mark Rutte"}
    assert where(mention) == ("London", "GBR")


# --- participants -------------------------------------------------------------------------------------
PARTICIPANTS = [
    # subject and object
    ("Bondskanselier Olaf Scholz ontmoette vrijdag in Peking de Chinese president Xi Jinping.", "2022-11-05",
     {"Olaf Scholz", "Xi Jinping"}),
    # "met X"
    ("Premier Rutte had maandag in Den Haag een ontmoeting met de Canadese premier Justin Trudeau.", "2019-09-05",
     {"Mark Rutte", "Justin Trudeau"}),
    # coordination of three names: one row of three
    ("Xi, Poetin en Kim Jong-un troffen elkaar dinsdag in Peking.", "2019-09-05",
     {"Xi Jinping", "Vladimir Putin", "Kim Jong-un"}),
    # reciprocal "elkaar" with two coordinated subjects
    ("Biden en Xi hebben elkaar maandag op Bali ontmoet.", "2022-11-15", {"Joe Biden", "Xi Jinping"}),
    # a role phrase resolved at the article date (2016: Petro Poroshenko was president of Ukraine)
    ("Merkel ontving maandag de Oekraïense president in Berlijn.", "2016-08-24",
     {"Angela Merkel", "Petro Poroshenko"}),
    # an unknown leader (Kenya is not in models/actors) keeps the name the article gives
    ("Koning Willem-Alexander ontving dinsdag de Keniaanse president William Ruto op paleis Noordeinde.",
     "2019-09-05", {"Willem-Alexander of the Netherlands", "William Ruto"}),
]


@pytest.mark.parametrize("text, published, participants", PARTICIPANTS)
def test_participants_are_found_in_subject_object_and_coordination(text, published, participants):
    assert names(only_meeting(text, published)) == participants


def test_state_visit_meets_the_host_named_earlier_in_the_article():
    text = ("De Italiaanse premier Giuseppe Conte sprak van een historisch moment. "
            "Xi begon donderdag een staatsbezoek aan Italië.")
    mention = only_meeting(text, "2019-03-23")
    assert (names(mention), where(mention)) == ({"Giuseppe Conte", "Xi Jinping"}, ("", "ITA"))


def test_ze_with_a_singular_verb_is_one_leader():
    mention = only_meeting("Merkel reist volgende week naar Peking, waar ze president Xi Jinping ontmoet.", THURSDAY)
    assert names(mention) == {"Angela Merkel", "Xi Jinping"}


def test_ze_with_a_plural_verb_is_not_one_leader():
    found = meetings("Erdogan en Poetin spraken elkaar dinsdag in Ankara. In juli zaten ze in Teheran aan tafel "
                     "met de Iraanse president Hassan Rohani.", THURSDAY)
    assert {"Recep Tayyip Erdoğan", "Hassan Rouhani"} not in [names(m) for m in found]
    assert {"Vladimir Putin", "Hassan Rouhani"} not in [names(m) for m in found]


def test_een_tweede_top_is_the_next_meeting_of_the_leaders_named_before():
    found = meetings("Trump en Kim Jong-un ontmoetten elkaar vorig jaar in Singapore. Volgens een Zuid-Koreaanse "
                     "krant zou een tweede top in Vietnam plaatsvinden.", "2019-01-10")
    # the second summit looks ahead: planned, and not dated by the "vorig jaar" of the sentence before
    assert sorted((m.date, where(m), m.status) for m in found) == [
        ("", ("", "VNM"), "planned"), ("2018", ("Singapore", "SGP"), "occurred")]
    assert all(names(m) == {"Donald Trump", "Kim Jong-un"} for m in found)


def test_pronoun_hij_refers_to_the_leader_of_the_previous_sentence():
    text = ("Kim Jong-un is met zijn gepantserde trein in Vladivostok aangekomen. "
            "Daar ontmoette hij donderdag president Poetin.")
    mention = only_meeting(text, "2019-04-26")
    assert names(mention) == {"Kim Jong-un", "Vladimir Putin"}
    assert where(mention) == ("Vladivostok", "RUS")


def test_visit_meets_the_host_when_the_article_names_the_host():
    text = "De Japanse premier Shinzo Abe staat onder druk. Modi bracht woensdag een bezoek aan Japan."
    mention = only_meeting(text, "2018-10-30")
    assert names(mention) == {"Narendra Modi", "Shinzo Abe"}
    assert where(mention) == ("", "JPN")


def test_visit_to_a_country_whose_leader_is_not_named_is_no_meeting():
    assert meetings("Modi bracht woensdag een bezoek aan Japan.", "2018-10-30") == []


def test_plural_summits_with_two_partners_are_two_meetings():
    text = "Kim Jong-un bereidt topontmoetingen voor met de Zuid-Koreaanse president Moon Jae-in en president Trump."
    found = meetings(text, "2018-03-28")
    assert sorted(sorted(names(m)) for m in found) == [["Donald Trump", "Kim Jong-un"], ["Kim Jong-un", "Moon Jae-in"]]


# --- place --------------------------------------------------------------------------------------------
PLACES = [
    ("Poetin en Kim Jong-un hebben elkaar donderdag ontmoet in het Russische Vladivostok.", "2019-04-26",
     ("Vladivostok", "RUS")),
    ("Kim Jong-un en Xi Jinping hebben elkaar dinsdag ontmoet in de Chinese hoofdstad.", "2019-01-09",
     ("Beijing", "CHN")),
    ("Xi Jinping ontving donderdag Moon Jae-in in de Grote Hal van het Volk in Peking.", "2017-12-15",
     ("Beijing", "CHN")),
    ("Trump ontving dinsdag de Franse president Macron in het Witte Huis.", "2018-04-26", ("Washington", "USA")),
    ("Koning Willem-Alexander ontving dinsdag president Macron op Paleis Noordeinde.", "2019-09-05",
     ("The Hague", "NLD")),
    # the common lower-case spelling of the palace
    ("Koning Willem-Alexander ontving dinsdag president Macron op paleis Noordeinde.", "2019-09-05",
     ("The Hague", "NLD")),
    ("Trump en Kim Jong-un ontmoetten elkaar dinsdag in Singapore.", "2018-06-14", ("Singapore", "SGP")),
]


@pytest.mark.parametrize("text, published, place", PLACES)
def test_meeting_place_is_the_city_with_its_country(text, published, place):
    assert where(only_meeting(text, published)) == place


@pytest.mark.parametrize("text, place", [
    ("President Erdogan heeft een uitnodiging van Poetin aanvaard om Rusland te bezoeken.", ("", "RUS")),
    ("Premier Modi bezocht Japan in 2014, toen hij werd ontvangen door premier Shinzo Abe.", ("", "JPN")),
])
def test_visited_country_without_preposition_is_the_place(text, place):
    assert where(only_meeting(text, THURSDAY)) == place


def test_place_has_coordinates():
    mention = only_meeting("Poetin en Kim Jong-un hebben elkaar donderdag ontmoet in Vladivostok.", "2019-04-26")
    assert (mention.place.latitude, mention.place.longitude) == pytest.approx((43.11, 131.87), abs=0.05)


def test_place_of_origin_is_not_the_meeting_place():
    mention = only_meeting("Trump vloog vanuit Washington naar Singapore voor een ontmoeting met Kim Jong-un.",
                           "2018-06-10")
    assert where(mention) != ("Washington", "USA")


# --- date ---------------------------------------------------------------------------------------------
# (sentence, article date, expected date, expected date_end)
DATES = [
    # a weekday in a past-tense sentence: the most recent such day (2019-09-05 is a Thursday)
    ("Macron en Modi ontmoetten elkaar woensdag in Parijs.", THURSDAY, "2019-09-04", ""),
    # a present-perfect report of the meeting itself without a time expression: the article date
    ("Macron en Merkel hebben elkaar in Aken ontmoet.", "2019-01-22", "2019-01-22", ""),
    # a weekday in a present-perfect sentence of that same weekday is the article date
    ("De Russische president Vladimir Poetin heeft donderdag in Vladivostok de Noord-Koreaanse leider "
     "Kim Jong-un ontmoet.", "2019-04-25", "2019-04-25", ""),
    # a present tense with a weekday points forward (2019-02-24 is a Sunday)
    ("Trump ontmoet Kim Jong-un woensdag in Hanoi.", "2019-02-24", "2019-02-27", ""),
    # an explicit day and month
    ("Trump en Kim Jong-un ontmoetten elkaar op 12 juni in Singapore.", "2018-06-20", "2018-06-12", ""),
    # a multi-day visit: first and last day (2018-03-28 is a Wednesday; Sunday before is 03-25)
    ("Xi Jinping ontving Kim Jong-un van zondag tot woensdag in Peking.", "2018-03-28", "2018-03-25", "2018-03-28"),
    ("Premier Shinzo Abe ontving Modi van 28 tot 29 oktober in Tokio.", "2018-11-02", "2018-10-28", "2018-10-29"),
    # a background meeting keeps its own year
    ("Poetin is al twintig jaar aan de macht. In 2001 ontmoette hij president George W. Bush in Slovenië.",
     THURSDAY, "2001", ""),
    # the future: "volgende maand" is the month
    ("Merkel gaat Macron volgende maand in Parijs ontmoeten.", THURSDAY, "2019-10", ""),
    ("Modi was van 7 tot 9 april op staatsbezoek in Japan, waar hij premier Shinzo Abe ontmoette.",
           "2019-04-26", "2019-04-07", "2019-04-09"),
    ("Merkel bezocht dinsdag Moskou, waar zij Poetin ontmoette.", THURSDAY, "2019-09-03", ""),
]


@pytest.mark.parametrize("text, published, date, date_end", DATES)
def test_meeting_date_resolved_against_article_date(text, published, date, date_end):
    mention = only_meeting(text, published)
    assert (mention.date, mention.date_end) == (date, date_end)


def test_date_precision_follows_the_expression():
    mention = only_meeting("Poetin en Xi ontmoetten elkaar vorige maand in Sjanghai.", THURSDAY)
    assert (mention.date, mention.date_precision) == ("2019-08", "month")


def test_sentence_without_date_goes_on_in_the_time_and_place_set_before_it():
    # 2019-09-05 is a Thursday: past-tense "dinsdag" is 2019-09-03
    mention = only_meeting("Poetin kwam dinsdag aan in Ankara. Hij had direct na aankomst een ontmoeting met "
                           "president Erdogan.", THURSDAY)
    assert (mention.date, where(mention)) == ("2019-09-03", ("Ankara", "TUR"))


def test_time_set_before_makes_a_following_meeting_planned():
    mention = only_meeting("Morgen reist Macron naar Den Haag. Daarna heeft hij een gesprek met premier Rutte.",
                           THURSDAY)
    assert (mention.date, mention.status, where(mention)) == ("2019-09-06", "planned", ("The Hague", "NLD"))


def test_background_time_before_the_leaders_took_office_does_not_date_the_meeting():
    mention = only_meeting("Turkije sloot in 1996 een douane-unie met de Europese Unie. President Erdogan "
                           "ontving bondskanselier Olaf Scholz in Ankara.", "2022-10-13")
    assert mention.date == ""


def test_time_does_not_carry_over_into_a_new_paragraph():
    mention = only_meeting("Scholz had maandag urenlang overleg met zijn ministers over de energieprijzen en de "
                           "steun aan de industrie.\n\nScholz ontving president Macron in Berlijn.", "2022-10-13")
    assert mention.date == ""  # not the maandag (2022-10-10) of the paragraph before


def test_earlier_meeting_in_a_toen_clause_keeps_its_own_date_and_place():
    # 2019-09-05 is a Thursday: "dinsdag" is 2019-09-03; "sinds maart" ... "toen" refers to 2019-03
    found = meetings("Poetin en Erdogan spraken elkaar dinsdag in Sotsji. Het was hun eerste gesprek sinds maart, "
                     "toen ze elkaar troffen in Ankara.", THURSDAY)
    assert sorted((m.date, where(m)) for m in found) == [("2019-03", ("Ankara", "TUR")),
                                                          ("2019-09-03", ("Sochi", "RUS"))]


def test_date_in_a_clause_about_a_participant_does_not_date_the_meeting():
    mention = only_meeting("Bondskanselier Merkel had in Berlijn een gesprek met de Franse president Macron, die dit "
                           "jaar de G7 voorzit.", THURSDAY)
    assert mention.date == ""


def test_toen_takes_the_date_and_place_of_the_sentence_it_refers_to():
    mention = only_meeting("Het vorige Chinese staatsbezoek aan Frankrijk was in 2014. President François Hollande "
                           "ontving toen president Xi Jinping.", THURSDAY)
    assert (mention.date, where(mention)) == ("2014", ("", "FRA"))


def test_past_meeting_without_time_expression_has_no_date():
    mention = only_meeting("Xi Jinping ontving Moon Jae-in in de Grote Hal van het Volk in Peking.", THURSDAY)
    assert (mention.date, mention.date_precision) == ("", "")


# --- status -------------------------------------------------------------------------------------------
# (sentence, article date, expected status)
STATUS = [
    ("Poetin en Erdogan spraken elkaar dinsdag urenlang in Moskou.", THURSDAY, "occurred"),
    ("Merkel zal volgende week in Parijs Macron ontmoeten.", THURSDAY, "planned"),
    ("Merkel en Macron zullen elkaar volgende week in Parijs ontmoeten.", THURSDAY, "planned"),
    ("Merkel gaat Macron volgende maand in Parijs ontmoeten.", THURSDAY, "planned"),
    ("Een ontmoeting tussen Merkel en Macron staat gepland voor oktober.", THURSDAY, "planned"),
    ("Een ontmoeting tussen Merkel en Macron wordt in oktober verwacht.", THURSDAY, "planned"),
    ("Rutte is op weg naar Washington voor een ontmoeting met Trump.", THURSDAY, "planned"),
    ("Xi heeft een uitnodiging van Poetin aanvaard voor een bezoek aan Moskou.", THURSDAY, "planned"),
    ("Poetin zou Kim Jong-un vorige maand in het geheim hebben ontmoet.", THURSDAY, "occurred"),
    ("Poetin is al twintig jaar aan de macht. In 2001 ontmoette hij president George W. Bush in Slovenië.",
     THURSDAY, "occurred"),
    ("Xi ontvangt vandaag de Russische president Poetin in Peking.", "2023-03-20", "occurred"),
    # Dutch uses the present for the near future: a present tense with a bare weekday is planned
    ("Trump ontmoet Kim Jong-un woensdag in Hanoi.", "2019-02-24", "planned"),
    # "heeft" with a meeting noun is the present of "hebben", not a perfect
    ("Woensdag heeft Merkel in Parijs een gesprek met president Macron.", "2019-09", "planned"),
    ("De Russische president Vladimir Poetin heeft donderdag in Vladivostok de Noord-Koreaanse leider "
     "Kim Jong-un ontmoet.", "2019-04-25", "occurred"),
    ("Premier Mark Rutte bracht dinsdag een bezoek aan bondskanselier Angela Merkel in Berlijn.",
           THURSDAY, "occurred"),
    ("Merkel en Macron overlegden dinsdag in Berlijn over de Brexit.", THURSDAY, "occurred"),
    ("Kim Jong-un zou Poetin in augustus in het geheim hebben ontmoet.", THURSDAY, "occurred"),
    ("De Chinese president Xi Jinping brengt volgende week een staatsbezoek aan Frankrijk, waar hij "
           "president Emmanuel Macron ontmoet.", THURSDAY, "planned"),
    ("Poetin ontvangt volgende week Xi Jinping in Sint-Petersburg.", "2019-06-01", "planned"),
    ("De Italiaanse premier Giuseppe Conte sprak van een historisch moment. "
           "Xi begon donderdag een staatsbezoek aan Italië.", "2019-03-23", "occurred"),
    ("Kim Jong-un bereidt topontmoetingen voor met de Zuid-Koreaanse president Moon Jae-in en "
           "president Trump.", "2018-03-28", "planned"),
]


@pytest.mark.parametrize("text, published, status", STATUS)
def test_status_from_tense_modals_and_cues(text, published, status):
    assert {m.status for m in meetings(text, published)} == {status}


def test_reported_past_keeps_the_month_before_the_article():
    mention = only_meeting("Poetin zou Kim Jong-un vorige maand in het geheim hebben ontmoet.", THURSDAY)
    assert mention.date == "2019-08"


# --- negatives ----------------------------------------------------------------------------------------
NOT_MEETINGS = [
    # plural "spraken" with an object, a particle or "van/over" is no talk between them
    "Poetin en Xi spraken hun steun uit voor het akkoord.",
    "Macron en Scholz spraken van een doorbraak in de onderhandelingen.",
    "Macron en Scholz spraken zich dinsdag uit tegen het plan.",
    "Poetin had dinsdag een telefoongesprek met Trump over Syrië.",
    "Poetin belde dinsdag met Trump over de wapenbeheersing.",
    "Merkel en Macron spraken dinsdag via een videovergadering met elkaar.",
    "In een brief aan Kim Jong-un sprak Trump zijn bewondering uit.",
    "In een toespraak in Berlijn sprak Merkel over de plannen van Macron.",
    "Poetin ontving dinsdag een delegatie van de Turkse regering.",
    "Trump en Kim Jong-un waren beiden in Hanoi, maar vertrokken zonder elkaar te ontmoeten.",
    "De geplande top tussen Trump en Poetin in Helsinki is afgelast.",
    "De ontmoeting tussen Biden en Xi op Bali ging niet door.",
    "Rutte sprak dinsdag in Brussel met Commissievoorzitter Ursula von der Leyen.",
    ("Xi Jinping ontmoette dinsdag de Zuid-Koreaanse parlementsvoorzitter Moon Hee-sang."),
]


@pytest.mark.parametrize("text", NOT_MEETINGS)
def test_remote_contact_speech_delegation_negation_or_cancellation_is_no_meeting(text):
    assert meetings(text) == []


@pytest.mark.parametrize("negative, positive", [
    ("Poetin had dinsdag een telefoongesprek met Trump.", "Poetin had dinsdag een gesprek met Trump."),
    ("Trump en Kim Jong-un waren in Hanoi zonder elkaar te ontmoeten.",
     "Trump en Kim Jong-un waren in Hanoi en ontmoetten elkaar daar."),
])
def test_negative_cue_alone_removes_the_meeting(negative, positive):
    assert (len(meetings(negative)), len(meetings(positive))) == (0, 1)


# --- one mention per meeting per document -------------------------------------------------------------
def test_two_sentences_about_one_meeting_give_one_row():
    text = ("Macron en Merkel hebben elkaar dinsdag in Aken ontmoet. "
            "De ontmoeting in Aken stond in het teken van het nieuwe vriendschapsverdrag.")
    mention = only_meeting(text, "2019-01-23")
    assert (mention.date, where(mention)) == ("2019-01-22", ("Aachen", "DEU"))


def test_trilateral_and_separate_bilateral_are_two_rows():
    text = ("Poetin, Xi en Kim Jong-un kwamen donderdag bijeen in Peking. "
            "Daarna sprak Xi nog apart met Poetin.")
    found = sorted(sorted(names(m)) for m in meetings(text, "2019-04-26"))
    assert found == [["Kim Jong-un", "Vladimir Putin", "Xi Jinping"], ["Vladimir Putin", "Xi Jinping"]]


def test_trilateral_is_not_split_into_pairs():
    found = meetings("Xi, Poetin en Kim Jong-un troffen elkaar dinsdag in Peking.")
    assert [len(m.participants) for m in found] == [3]


# --- confidence ---------------------------------------------------------------------------------------
def test_explicit_fully_specified_meeting_is_more_confident_than_an_inferred_one():
    explicit = only_meeting("Bondskanselier Angela Merkel ontmoette dinsdag in Berlijn de Japanse premier Shinzo Abe.")
    inferred = only_meeting("De Japanse premier Shinzo Abe staat onder druk. Merkel bracht een bezoek aan Japan.")
    assert explicit.confidence > inferred.confidence


def test_meeting_with_place_and_date_is_more_confident_than_without():
    full = only_meeting("Poetin en Erdogan spraken elkaar dinsdag in Moskou.")
    bare = only_meeting("Poetin en Erdogan spraken elkaar.")
    assert full.confidence > bare.confidence


def test_evidence_and_offsets_point_at_the_sentence_in_the_raw_text():
    text = "Het was een lange dag. Poetin en Erdogan spraken elkaar dinsdag in Moskou."
    mention = only_meeting(text)
    assert text[mention.char_start:mention.char_end] == mention.evidence == text[23:]


# --- rules added after the first table: each sentence written for the rule, values checked by hand ---

def test_leaders_of_one_country_together_make_no_summit():
    text = "Koning Willem-Alexander ontving dinsdag premier Mark Rutte op paleis Noordeinde."
    assert meetings(text, THURSDAY) == []


def test_onder_wie_lists_separate_meetings_with_the_host():
    text = ("Gastheer Poetin sprak dinsdag in Kazan met tientallen leiders, onder wie de Indiase premier "
            "Narendra Modi en de Chinese president Xi Jinping.")
    assert sorted(sorted(names(m)) for m in meetings(text, THURSDAY)) == [
        ["Narendra Modi", "Vladimir Putin"], ["Vladimir Putin", "Xi Jinping"]]


def test_role_without_country_refers_to_the_holder_named_before():
    text = ("Koning Filip is in Peking aangekomen voor een staatsbezoek. "
            "Woensdag heeft de koning een onderhoud met de Chinese premier Li Keqiang.")
    found = [sorted(names(m)) for m in meetings(text, "2015-06-23")]
    assert ["Li Keqiang", "Philippe of Belgium"] in found


# --- transitive spreken and zien (issue 13, item 4); 2023-10-12 is a Thursday -----------------------------

@pytest.mark.parametrize("text", [
    "Premier Rutte sprak president Macron dinsdag in Parijs.",
    "Bondskanselier Scholz zag president Macron dinsdag in Berlijn.",
    "Premier Rutte sprak de Franse president dinsdag in Parijs.",
])
def test_a_leader_spoken_or_seen_is_met(text):
    found = only_meeting(text, "2023-10-12")
    assert found.date == "2023-10-10" and len(found.participants) == 2


@pytest.mark.parametrize("text", [
    "Premier Rutte sprak president Macron toe.",
    "Premier Rutte sprak president Macron tegen over de begroting.",
    "Bondskanselier Scholz ziet president Macron als een bondgenoot.",
    "Premier Rutte zag president Macron dinsdag op televisie.",
    "Premier Rutte sprak dinsdag Frans tegen president Macron.",
])
def test_a_leader_addressed_judged_or_watched_is_not_met(text):
    assert meetings(text, "2023-10-12") == []


def test_an_inverted_subject_after_spreken_is_no_object():
    found = only_meeting("Aan de rand van de top sprak president Macron dinsdag met premier Rutte.", "2023-10-12")
    assert names(found) == {"Emmanuel Macron", "Mark Rutte"}


def test_an_event_named_after_its_city_places_the_meeting_there():
    found = only_meeting("Premier Rutte sprak president Macron op de Veiligheidsconferentie van München.", "2023-02-20")
    assert where(found) == ("Munich", "DEU")


def test_an_event_named_in_a_topic_does_not_place_the_meeting():
    found = only_meeting("Premier Rutte sprak president Macron over de top van Madrid.", "2023-02-20")
    assert where(found) == ("", "")


@pytest.mark.parametrize("text", [
    "President Macron was dinsdag in Parijs gastheer voor premier Rutte.",
    "Premier Rutte was dinsdag te gast bij president Macron in Parijs.",
    "Premier Rutte was dinsdag in Parijs de gast van president Macron.",
    "President Macron kreeg dinsdag in Parijs premier Rutte over de vloer.",
])
def test_host_and_guest_wording_is_a_meeting(text):
    found = only_meeting(text, "2023-10-12")
    assert names(found) == {"Emmanuel Macron", "Mark Rutte"} and where(found) == ("Paris", "FRA")


def test_light_verbs_with_a_talk_noun_make_a_meeting_of_a_coordinated_subject():
    # 2023-10-12 is a Thursday: past "dinsdag" is 2023-10-10, present "maandag" the coming 2023-10-16
    found = only_meeting("Premier Rutte en president Macron voerden dinsdag in Parijs een gesprek over Oekraïne.",
                         "2023-10-12")
    assert names(found) == {"Emmanuel Macron", "Mark Rutte"} and (found.date, found.status) == ("2023-10-10", "occurred")
    found = only_meeting("Premier Rutte en president Macron voeren maandag in Parijs overleg over Oekraïne.",
                         "2023-10-12")
    assert (found.date, found.status) == ("2023-10-16", "planned")


def test_a_passive_in_the_present_with_a_weekday_is_the_coming_day():
    found = only_meeting("Premier Meloni wordt maandag in het Witte Huis ontvangen door president Biden.", "2023-10-12")
    assert (found.date, found.status) == ("2023-10-16", "planned") and where(found) == ("Washington", "USA")


def test_a_guest_of_an_organisation_meets_nobody():
    assert meetings("Premier Modi was in Hiroshima als gast van de G7, net als president Lula.", "2023-05-21") == []


@pytest.mark.parametrize("text, published, participants", [
    # "X is de eerste (...) die ...": the relative clause's subject is the main clause's subject
    ("Scholz is de eerste regeringsleider die deze week een onderhoud krijgt met president Macron.",
     "2023-03-02", {"Emmanuel Macron", "Olaf Scholz"}),
    ("Merkel was de laatste die in Peking een ontmoeting had met president Xi.", "2019-09-06",
     {"Angela Merkel", "Xi Jinping"}),
    # a longer predicate, and the relative pronoun as the object of its own clause
    ("President Lenín Moreno was de eerste hoge gast van buiten Europa die koning Willem-Alexander ontving.",
     "2019-07-12", {"Lenín Moreno", "Willem-Alexander of the Netherlands"}),
])
def test_a_relative_clause_after_de_eerste_has_the_main_subject(text, published, participants):
    assert names(only_meeting(text, published)) == participants


def test_a_relative_clause_after_a_noun_keeps_its_own_subject():
    # "de journalist die ...": no predicate word, so the clause does not borrow Scholz as its subject
    text = "Scholz las het stuk van de journalist die een onderhoud had met president Macron."
    assert all("Olaf Scholz" not in names(mention) for mention in meetings(text, "2023-03-02"))


@pytest.mark.parametrize("text", [
    "Premier Rutte ontving eerder al Leterme in 2011 en Di Rupo in 2012.",   # each date after its partner
    "In 2011 sprak premier Rutte met Leterme, in 2012 met Di Rupo.",         # each date before its partner
])
def test_partners_each_with_a_date_of_their_own_are_separate_meetings(text):
    found = meetings(text, "2020-02-04")
    assert sorted((sorted(names(m)), m.date) for m in found) == [
        (["Elio Di Rupo", "Mark Rutte"], "2012"), (["Mark Rutte", "Yves Leterme"], "2011")]


def test_partners_each_with_a_date_after_them_share_the_place_before_the_verb():
    found = meetings("In het Catshuis ontving premier Rutte Leterme in 2011 en Di Rupo in 2012.", "2020-02-04")
    assert [where(m) for m in found] == [("The Hague", "NLD")] * 2 and len({m.date for m in found}) == 2


def test_partners_after_one_date_are_one_meeting():
    found = only_meeting("Premier Rutte ontving in 2011 Leterme en Di Rupo.", "2020-02-04")
    assert names(found) == {"Mark Rutte", "Yves Leterme", "Elio Di Rupo"} and found.date == "2011"


def test_a_weekday_in_a_past_clause_before_a_talk_noun_dates_a_past_talk():
    # 2018-05-24 is a Thursday: "dinsdag" with "liet" (past) is 2018-05-22
    found = only_meeting("„Misschien gaat het niet door”, liet president Trump dinsdag weten, kort voor een onderhoud "
                         "met de Zuid-Koreaanse president Moon Jae-in.", "2018-05")
    assert found.status == "occurred"


def test_never_before_negates_its_whole_clause():
    assert meetings("Premier Rutte is nog niet eerder bij president Trump op bezoek geweest.", "2018-06-05") == []


def test_langs_bij_a_leader_is_a_visit():
    found = only_meeting("President Macron kwam dinsdag langs bij premier Rutte in Den Haag.", "2018-06-07")
    assert names(found) == {"Emmanuel Macron", "Mark Rutte"} and where(found) == ("The Hague", "NLD")


@pytest.mark.parametrize("text", [
    "Premier Rutte landde maandag in Parijs. Zijn ontmoeting met president Macron duurde twee uur.",
    "Premier Rutte landde maandag in Parijs. Tijdens zijn gesprek met president Macron ging het over Oekraïne.",
])
def test_the_leader_a_possessive_before_a_meeting_noun_refers_to_takes_part(text):
    found = only_meeting(text, "2020-02-04")
    assert names(found) == {"Mark Rutte", "Emmanuel Macron"} and found.status == "occurred"


def test_zijn_as_a_verb_before_a_meeting_noun_owns_nothing():
    assert meetings("Premier Rutte was maandag in Parijs. Er zijn gesprekken gevoerd met president Macron.",
                    "2020-02-04") == []
