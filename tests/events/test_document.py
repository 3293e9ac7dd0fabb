"""The document stage (issue 13): one meeting told over several sentences is one row with what all of them
say; references, joiners and cancellations change the meeting in focus and make no meeting of their own.

Sentences written for these tests in Dutch news style. Dates by hand from the calendar: 2019-09-05 is a
Thursday, so past-tense "dinsdag" is 2019-09-03; 2025-10-23 is a Thursday.
"""
from __future__ import annotations

from tests.conftest import meetings, names, only_meeting, where


def test_a_back_reference_adds_its_place_and_makes_no_meeting():
    found = only_meeting("Premier Rutte ontmoette dinsdag president Macron. Die ontmoeting vond plaats in Lyon, "
                         "waar de twee ook een fabriek bezochten.")
    assert names(found) == {"Mark Rutte", "Emmanuel Macron"}
    assert where(found) == ("Lyon", "FRA") and found.date == "2019-09-03"


def test_a_reference_never_changes_a_meeting_of_another_time():
    found = only_meeting("Bondskanselier Scholz sprak dinsdag in Berlijn met premier Rutte. Het bezoek volgde op "
                         "een conferentie die in maart in Genève werd gehouden.", "2023-09-07")
    assert where(found) == ("Berlin", "DEU") and found.date == "2023-09-05"


def test_a_reference_after_sinds_is_a_point_in_time_not_the_meeting_in_focus():
    found = meetings("President Trump en Kim Jong-un ontmoetten elkaar in juni 2018 in Singapore. Een tweede top "
                     "is in voorbereiding. Sinds de top in Hanoi is het overleg vastgelopen.", "2019-09-05")
    planned = [m for m in found if m.status == "planned"]
    assert len(planned) == 1 and where(planned[0]) == ("", "")


def test_a_meeting_noun_with_people_of_its_own_is_no_reference():
    found = only_meeting("Premier Rutte sprak dinsdag met president Macron. Het bezoek van minister Blinken aan "
                         "Taiwan kwam daarbij ter sprake.")
    assert where(found) == ("", "")


def test_a_leader_who_joins_extends_the_meeting_instead_of_making_a_pair():
    found = only_meeting("President Biden had dinsdag in Brussel een gesprek met koning Filip. Later schoof ook "
                         "premier De Croo aan.", "2021-06-17")
    assert names(found) == {"Joe Biden", "Philippe of Belgium", "Alexander De Croo"}


def test_a_leader_connected_by_phone_does_not_join():
    found = only_meeting("President Biden had dinsdag in Brussel een gesprek met koning Filip. De Franse president "
                         "Macron was telefonisch aangesloten.", "2021-06-17")
    assert names(found) == {"Joe Biden", "Philippe of Belgium"}


def test_a_planned_meeting_the_article_reports_called_off_is_no_row():
    assert meetings("Trump en Poetin zouden elkaar volgende maand in Boedapest zien. Donderdag blies Trump de "
                    "ontmoeting met Poetin af.", "2025-10-23") == []


def test_a_meeting_called_off_leaves_the_other_meetings_of_those_leaders():
    found = only_meeting("Trump en Poetin ontmoetten elkaar in augustus in Alaska. Een nieuwe top met Poetin in "
                         "Boedapest is inmiddels afgeblazen.", "2025-10-23")
    assert found.status == "occurred" and found.date == "2025-08"


def test_the_head_of_an_international_body_named_with_his_role_is_no_participant():
    assert meetings("Trump stond donderdag samen met NAVO-baas Mark Rutte de pers te woord.", "2025-10-23") == []


def test_a_phone_call_vetoes_its_own_clause_not_the_announced_visit():
    found = only_meeting("Na een telefoongesprek met Poetin zei Trump dat hij president Zelensky volgende week in "
                         "Washington ontvangt.", "2025-10-23")
    assert names(found) == {"Donald Trump", "Volodymyr Zelenskyy"} and found.status == "planned"


def test_a_modal_inside_a_quote_does_not_make_the_press_conference_planned():
    found = only_meeting('"We zullen Oekraïne blijven steunen", zei Macron dinsdag op een gezamenlijke '
                         "persconferentie met bondskanselier Scholz in Berlijn.", "2023-09-07")
    assert found.status == "occurred" and where(found) == ("Berlin", "DEU")


def test_longer_than_planned_is_a_meeting_that_took_place():
    found = only_meeting("Poetin en Erdogan spraken dinsdag in Sotsji langer dan gepland met elkaar.")
    assert found.status == "occurred" and found.date == "2019-09-03"


def test_a_joint_appearance_before_the_press_is_a_meeting_with_its_place():
    found = only_meeting("Obama en Balkenende stonden dinsdag in de Oval Office samen de pers te woord.",
                         "2009-07-15")
    assert names(found) == {"Barack Obama", "Jan Peter Balkenende"} and where(found) == ("Washington", "USA")


def test_a_relative_clause_between_subject_and_verb_keeps_the_subject_and_the_date():
    found = only_meeting("In Berlijn hebben bondskanselier Merkel en François Hollande, die als Franse president "
                         "zijn laatste week ingaat, gisteravond samen gedineerd.", "2017-05-09")
    assert names(found) == {"Angela Merkel", "François Hollande"}
    assert found.date == "2017-05-08" and where(found) == ("Berlin", "DEU")


def test_the_antecedent_of_a_relative_clause_is_its_meeting_participant():
    found = only_meeting("Analisten verwachten dat Trump, die eind februari naar Vietnam reist voor een ontmoeting "
                         "met Kim Jong-un, daar ook over handel praat.", "2019-02-10")
    assert names(found) == {"Donald Trump", "Kim Jong-un"} and found.date == "2019-02"


def test_a_relative_clause_after_a_meeting_noun_tells_who_made_the_visit_and_when():
    found = only_meeting("President Bush valt weinig meer te verwijten. Op het bezoek aan het Witte Huis, dat de "
                         "Nederlandse premier gisteren aflegde, reageert de Kamer lauw.", "2008-06-06")
    assert names(found) == {"George W. Bush", "Jan Peter Balkenende"}
    assert found.date == "2008-06-05" and where(found) == ("Washington", "USA")


def test_an_indefinite_role_after_an_ordinal_names_nobody():
    found = only_meeting("President Biden ontmoet vandaag koning Filip. Zo komt al een tweede vorst aan bod, nadat "
                         "hij zondag op de thee was bij de Britse koningin Elizabeth.", "2021-06-14")
    assert names(found) == {"Joe Biden", "Philippe of Belgium"}


def test_only_a_head_of_state_or_government_joins_a_meeting():
    found = only_meeting("President Biden had maandag in Brussel een audiëntie bij koning Filip. Premier De Croo en "
                         "minister van Buitenlandse Zaken Blinken schoven later mee aan.", "2021-06-15")
    assert names(found) == {"Joe Biden", "Philippe of Belgium", "Alexander De Croo"}


def test_the_first_trip_since_is_no_back_reference_when_the_meeting_is_in_its_own_clause():
    found = meetings("President Biden ontmoet vandaag koning Filip. Het is zijn eerste trip sinds zijn aantreden, "
                     "nadat hij zondag op bezoek was bij de Britse koningin Elizabeth.", "2021-06-14")
    assert {frozenset(names(m)) for m in found} == {frozenset({"Joe Biden", "Elizabeth II"}),
                                                   frozenset({"Joe Biden", "Philippe of Belgium"})}


def test_a_group_phrase_is_the_meeting_in_focus_not_the_last_names():
    found = meetings("WASHINGTON (ANP) - President Trump ontving dinsdag de Franse president Macron in het Witte "
                     "Huis. Macron had eerder kritiek geuit op Poetin. Beide heren spraken ook over handel.",
                     "2025-04-09")
    assert {frozenset(names(m)) for m in found} == {frozenset({"Donald Trump", "Emmanuel Macron"})}


def test_a_group_named_after_the_meeting_in_focus_is_a_group_of_its_own():
    found = meetings("Erdogan ontving dinsdag president Zelensky in Ankara. In 2022 onderhandelden beide landen in "
                     "Istanbul, zonder dat Poetin en Zelensky elkaar zagen. De twee presidenten zaten in december "
                     "2019 in Parijs samen aan tafel.", "2025-05-15")
    assert frozenset({"Vladimir Putin", "Volodymyr Zelenskyy"}) in {frozenset(names(m)) for m in found}


def test_the_trio_named_without_a_meeting_is_the_group_a_later_ze_refers_to():
    found = only_meeting("Met de nachttrein bereikten Macron, Scholz en Draghi donderdag Kyiv. Het trio werd op het "
                         "station onthaald door een minister. Met president Zelensky zullen ze er later praten.",
                         "2022-06-16")
    assert names(found) == {"Emmanuel Macron", "Olaf Scholz", "Mario Draghi", "Volodymyr Zelenskyy"}


def test_elided_coordinated_roles_are_two_leaders():
    found = only_meeting("In Genève spraken de Amerikaanse en de Russische president woensdag drie uur met elkaar.",
                         "2021-06-17")
    assert names(found) == {"Joe Biden", "Vladimir Putin"}


def test_a_meeting_noun_denied_in_its_own_clause_is_no_meeting():
    assert meetings("Een ontmoeting tussen de Russische en de Belgische premier was er al jaren niet meer "
                    "geweest.", "2018-01-30") == []


def test_a_programme_meeting_naming_only_the_partner_is_the_travellers():
    found = meetings("Op maandag reist premier Schoof naar België en Luxemburg. Eerst staat een ontmoeting met de "
                     "Belgische premier De Croo gepland. Daarna gaat de reis van premier Schoof verder naar "
                     "Luxemburg; daar volgt een ontmoeting met premier Frieden.", "2024-07-11")
    assert {frozenset(names(m)) for m in found} == {frozenset({"Dick Schoof", "Alexander De Croo"}),
                                                   frozenset({"Dick Schoof", "Luc Frieden"})}


def test_a_programme_follows_a_pronoun_subject_to_its_leader():
    found = meetings("De Chinese president Xi heeft een vol programma. Morgen spreekt hij met de Australische "
                     "premier Albanese. Ook een gesprek met de Franse president Macron staat op de agenda.",
                     "2022-11-14")
    assert frozenset({"Xi Jinping", "Emmanuel Macron"}) in {frozenset(names(m)) for m in found}


def test_a_meeting_noun_naming_one_leader_outside_a_programme_makes_no_pair():
    assert meetings("Premier Rutte sprak dinsdag in de Kamer. Het gesprek met Poetin blijft volgens hem "
                    "uitgesloten.", "2014-02-05") == []


def test_the_host_of_a_state_visit_is_the_head_of_state():
    found = only_meeting("Koning Willem-Alexander en premier Rutte spraken gisteren over China. In maart 2014 was "
                         "Xi in Nederland voor een staatsbezoek.", "2018-01-20")
    assert names(found) == {"Willem-Alexander of the Netherlands", "Xi Jinping"} and found.date == "2014-03"


def test_a_tour_of_two_countries_meets_no_single_host():
    assert meetings("Premier De Croo en premier Frieden zijn gastheer. Kennismakingsbezoeken van premier Schoof "
                    "aan België en Luxemburg.", "2024-07-11") == []


def test_a_meeting_the_article_reports_held_by_video_is_no_meeting_in_person():
    assert meetings('"We moeten verkeersregels afspreken", zei Biden toen zijn gesprek met Xi net begonnen was. '
                    "In een periode van spanning ontmoetten de beide wereldleiders elkaar virtueel.",
                    "2021-11-16") == []


def test_a_video_meeting_leaves_a_dated_meeting_in_person_of_the_same_leaders():
    found = only_meeting("Modi bezocht gisteren in Lahore premier Sharif. Vorige week hadden Modi en Sharif nog "
                         "een videogesprek.", "2015-12-26")
    assert found.date == "2015-12-25"


def test_the_place_of_an_attribution_is_not_the_meetings():
    found = only_meeting("MADRID (ANP) - Volgende week brengt premier Sánchez een staatsbezoek aan de Chinese "
                         "president Xi, zo bevestigt de regering in Madrid.", "2023-03")
    assert where(found) == ("", "CHN")


def test_a_visit_to_a_person_is_in_that_persons_country():
    found = only_meeting("Premier Rutte wordt vandaag op visite verwacht bij de Amerikaanse president Trump.",
                         "2018-07")
    assert where(found) == ("", "USA") and found.status == "planned"


# --- dates and places told once for several sentences (2023-10-12 and 2019-09-05 are Thursdays) ----------

def test_a_date_that_names_another_event_does_not_date_the_meeting():
    found = only_meeting("Premier Rutte sprak in Den Haag met bondskanselier Scholz over de verkiezingen van "
                         "22 november.", "2023-10-12")
    assert found.date == ""  # undated rather than the election's date


def test_a_summit_named_as_the_goal_of_a_working_session_is_not_that_session():
    found = only_meeting("Met president Macron nam premier Rutte in Parijs de agenda door voor de NAVO-top van "
                         "11 juli.", "2023-06-29")
    assert names(found) == {"Mark Rutte", "Emmanuel Macron"}
    assert found.date == "" and where(found) == ("Paris", "FRA")  # not the summit's date


def test_die_dag_is_the_day_named_before():
    found = meetings("Koning Willem-Alexander ontving president Macron dinsdag in Amsterdam.\n\nMacron had die dag "
                     "in Den Haag al een gesprek gehad met premier Rutte.")
    talk = next(m for m in found if names(m) == {"Emmanuel Macron", "Mark Rutte"})
    assert talk.date == "2019-09-03" and where(talk) == ("The Hague", "NLD")


def test_die_namiddag_is_not_a_month_named_since():
    found = meetings("Bondskanselier Merkel werd woensdag in Brussel ontvangen door koning Filip.\n\nZe staat sinds "
                     "november 2005 aan het hoofd van de Duitse regering. Later die namiddag had ze in Brussel een "
                     "onderhoud met premier De Croo.", "2021-10-07")  # a Thursday
    talk = next(m for m in found if names(m) == {"Angela Merkel", "Alexander De Croo"})
    assert talk.date == "2021-10-06"


def test_a_relative_clause_right_after_a_meeting_noun_tells_that_meeting():
    found = only_meeting("Bij het bezoek dat premier Rutte gisteren in Berlijn aflegde bij bondskanselier Scholz, "
                         "ging het vooral over migratie.", "2023-10-12")
    assert names(found) == {"Mark Rutte", "Olaf Scholz"}
    assert found.date == "2023-10-11" and where(found) == ("Berlin", "DEU")


def test_a_reception_by_a_foreign_host_is_not_in_the_dateline_city():
    found = meetings("PARIJS - President Macron ontving dinsdag premier Rutte in Parijs. Rutte was die dag al "
                     "eerder onthaald door koning Filip.")
    reception = next(m for m in found if names(m) == {"Mark Rutte", "Philippe of Belgium"})
    assert where(reception)[1] == "BEL" and reception.date == "2019-09-03"


def test_listed_places_pair_crosswise_with_the_partners_by_country():
    found = meetings("Premier Rutte voerde dinsdag zowel in Berlijn als in Parijs gesprekken met president Macron "
                     "en bondskanselier Scholz.", "2023-10-12")
    places = {frozenset(names(m)) - {"Mark Rutte"}: where(m) for m in found}
    assert places == {frozenset({"Emmanuel Macron"}): ("Paris", "FRA"), frozenset({"Olaf Scholz"}): ("Berlin", "DEU")}


def test_places_listed_in_a_topic_do_not_move_the_meeting():
    found = only_meeting("Biden en Poetin spraken woensdag in Genève over de terugkeer van hun ambassadeurs naar "
                         "Moskou en Washington.", "2021-06-17")
    assert where(found) == ("Geneva", "CHE")


def test_partners_on_a_programme_each_meet_the_traveller_the_text_follows():
    # 2024-08-20 is a Tuesday; the pronoun of the fronted clause points ahead to Modi
    found = meetings("Voordat hij naar Oekraïne reist, doet premier Modi eerst Polen aan. Met president Duda en "
                     "premier Tusk staan daar ontmoetingen op het programma.", "2024-08-20")
    assert sorted(sorted(names(m)) for m in found) == [["Andrzej Duda", "Narendra Modi"],
                                                       ["Donald Tusk", "Narendra Modi"]]
    assert {(m.status, m.date, where(m)) for m in found} == {("planned", "2024-08-20", ("", "POL"))}


def test_plural_ze_takes_along_a_leader_travelling_with_a_minister():
    found = only_meeting("Premier Schoof (VVD) en Veldkamp (NSC) zijn dinsdag in Kyiv aangekomen. Daar hadden ze "
                         "een ontmoeting met president Zelensky.", "2025-01-16")
    assert names(found) == {"Dick Schoof", "Volodymyr Zelenskyy"}


def test_a_country_that_hosts_the_summit_is_its_place():
    found = only_meeting("In 2014 schudde premier Rutte president Obama de hand; Nederland was toen gastheer van een "
                         "top over kernwapens.", "2018-07-16")
    assert where(found) == ("", "NLD") and found.date == "2014"


def test_a_visit_whose_host_meeting_is_told_apart_is_that_meeting_and_frames_the_others():
    found = meetings("Premier De Croo is dinsdag voor een officieel bezoek naar Peking gereisd; in de loop daarvan "
                     "zal hij ook president Xi ontmoeten. In het gesprek met premier Li Qiang liet De Croo "
                     "verstaan dat hij de handel wil verruimen.", "2023-11-09")
    by_partner = {frozenset(names(m)) - {"Alexander De Croo"}: m for m in found}
    assert set(by_partner) == {frozenset({"Xi Jinping"}), frozenset({"Li Qiang"})}
    assert by_partner[frozenset({"Xi Jinping"})].status == "planned"
    talk = by_partner[frozenset({"Li Qiang"})]
    assert talk.status == "occurred" and where(talk) == ("Beijing", "CHN") and talk.date == "2023-11-07"


def test_a_landmark_places_a_meeting_in_its_city_but_a_visit_there_meets_no_host():
    found = only_meeting("President Biden bracht dinsdag een bezoek aan de Invalides. Woensdagavond dineerde hij met "
                         "president Macron in de Eiffeltoren.", "2021-06-10")  # a Thursday
    assert found.date == "2021-06-09" and where(found) == ("Paris", "FRA")


def test_an_end_point_does_not_date_the_next_sentence():
    found = only_meeting("Hongarije is voorzitter van de EU tot het eind van het jaar. Daar sprak premier Orbán met "
                         "president Zelensky.", "2024-07-10")
    assert found.date == ""  # the sentence names no time of its own


# --- several meetings in one clause (issue 13, item 6) ---------------------------------------------------

def test_a_date_after_each_partner_dates_that_partners_meeting():
    found = meetings("Premier Rutte sprak eerder met president Obama in 2015, met president Trump in 2017.")
    assert {(frozenset(names(m)) - {"Mark Rutte"}, m.date) for m in found} == {
        (frozenset({"Barack Obama"}), "2015"), (frozenset({"Donald Trump"}), "2017")}


def test_a_date_and_place_before_each_partner_make_one_row_each():
    found = meetings("In maart sprak premier Rutte in Genève met president Macron en in oktober in Jakarta met "
                     "president Widodo.", "2023-12-12")
    assert {(frozenset(names(m)) - {"Mark Rutte"}, m.date, where(m)) for m in found} == {
        (frozenset({"Emmanuel Macron"}), "2023-03", ("Geneva", "CHE")),
        (frozenset({"Joko Widodo"}), "2023-10", ("Jakarta", "IDN"))}


def test_a_meeting_in_a_fronted_phrase_is_the_subjects_and_keeps_its_own_time():
    found = meetings("Na zijn ontmoeting met president Macron vorige week zal premier Rutte volgende maand "
                     "bondskanselier Scholz in Berlijn ontmoeten.", "2023-10-12")
    by_partner = {frozenset(names(m)) - {"Mark Rutte"}: m for m in found}
    assert set(by_partner) == {frozenset({"Emmanuel Macron"}), frozenset({"Olaf Scholz"})}
    earlier, later = by_partner[frozenset({"Emmanuel Macron"})], by_partner[frozenset({"Olaf Scholz"})]
    assert (earlier.status, earlier.date) == ("occurred", "2023-10")  # the week of 2 October
    assert (later.status, later.date, where(later)) == ("planned", "2023-11", ("Berlin", "DEU"))


def test_ik_and_u_in_a_quote_are_the_speaker_and_the_one_spoken_to():
    found = only_meeting('"Ik zal u volgende maand in Parijs ontmoeten", zei premier Rutte tegen president Macron.',
                         "2023-10-12")
    assert names(found) == {"Mark Rutte", "Emmanuel Macron"}
    assert (found.status, found.date, where(found)) == ("planned", "2023-11", ("Paris", "FRA"))


def test_a_meeting_in_a_condition_is_neither_reported_nor_planned():
    assert meetings("Bondskanselier Scholz zei dat er niets gebeurt tot president Poetin en hij elkaar "
                    "ontmoeten.", "2023-10-12") == []


# --- headlines: the short lines above the lede (sentences written for these tests) ---------------------
# 2023-09-07 and 2015-10-22 are Thursdays: "maandag" with "zullen" is 2023-09-11, past "dinsdag" 2015-10-20.

def test_a_headline_in_the_present_yields_to_the_ledes_planned_meeting():
    found = only_meeting("Macron en Scholz zien elkaar in Parijs\n\nPresident Macron en bondskanselier Scholz "
                         "zullen elkaar maandag in Parijs ontmoeten. Op de agenda staat de defensie.", "2023-09-07")
    assert (found.status, found.date) == ("planned", "2023-09-11") and where(found) == ("Paris", "FRA")


def test_the_lede_takes_the_headlines_finer_place():
    found = only_meeting("Koningin ontvangt Xi in Buckingham Palace\n\nDe Britse koningin Elizabeth heeft de "
                         "Chinese president Xi Jinping dinsdag in Groot-Brittannië ontvangen.", "2015-10-22")
    assert where(found) == ("London", "GBR") and found.date == "2015-10-20"


def test_a_headline_that_tells_two_meetings_keeps_them_beside_the_ledes_one():
    found = meetings("De Croo naar Berlijn voor gesprekken met Scholz en Steinmeier\n\nPremier De Croo reist "
                     "in mei naar Berlijn, waar hij een ontmoeting heeft met bondskanselier Scholz en "
                     "bondspresident Steinmeier.", "2022-04-14")
    pairs = [names(m) for m in found]
    assert {"Alexander De Croo", "Olaf Scholz"} in pairs and {"Alexander De Croo", "Frank-Walter Steinmeier"} in pairs


def test_a_headline_meeting_the_body_does_not_tell_stays():
    found = only_meeting("Rutte spreekt met Macron over Oekraïne\n\nDe premier is vanochtend naar Parijs "
                         "vertrokken. Daar opent hij ook een tentoonstelling over Vincent van Gogh.", "2023-09-07")
    assert names(found) == {"Mark Rutte", "Emmanuel Macron"}


def test_a_headline_without_a_full_stop_can_call_a_meeting_off():
    assert meetings("Trump blaast top met Kim Jong-un af\n\nHet Witte Huis maakte donderdag een brief van de Amerikaanse "
                    "president aan de Noord-Koreaanse leider openbaar.", "2018-05-24") == []


def test_a_headline_with_its_own_date_keeps_its_meeting_beside_a_later_one():
    found = meetings("Rutte ontmoette maandag Merkel in Berlijn\n\nDe twee regeringsleiders spraken over de "
                     "Europese begroting en over migratie. Merkel en Rutte zien elkaar volgende maand opnieuw in "
                     "Den Haag.", "2019-04-11")
    assert sorted((m.status, m.date) for m in found) == [("occurred", "2019-04-08"), ("planned", "2019-05")]


def test_a_leader_who_attended_the_talk_joins_it():
    found = only_meeting("Koning Filip ontving donderdag de Oekraïense president Zelensky. Ook premier De Croo "
                         "woonde het onderhoud bij.", "2023-02-09")
    assert names(found) == {"Philippe of Belgium", "Volodymyr Zelenskyy", "Alexander De Croo"}


def test_a_headline_that_leaves_out_a_leader_who_attended_yields_to_the_whole_meeting():
    found = only_meeting("Zelensky op audiëntie bij koning Filip\n\nKoning Filip heeft donderdag de Oekraïense "
                         "president Zelensky ontvangen. Ook premier De Croo woonde het onderhoud bij.", "2023-02-09")
    assert names(found) == {"Philippe of Belgium", "Volodymyr Zelenskyy", "Alexander De Croo"}


def test_a_long_headline_without_a_full_stop_is_no_lede_and_the_lede_sets_the_scene():
    # the headline has 15 words but no full stop; the lede after it puts the news in Buenos Aires
    found = meetings("Een high five, een lang diner en een ereplaats voor de koningin: de G20 in vijf momenten\n\n"
                     "De Chinese president Xi en zijn Amerikaanse ambtgenoot Trump hebben zaterdagavond in Buenos "
                     "Aires samen gedineerd. Over handel zijn ze het voorlopig eens.\n\nPremier Rutte heeft een "
                     "gesprek gehad met de Turkse president Erdogan over de betrekkingen tussen beide landen.",
                     "2018-12-02")
    rutte = next(m for m in found if "Mark Rutte" in names(m))
    assert where(rutte) == ("Buenos Aires", "ARG")


def test_a_frame_passes_on_through_meetings_that_share_a_leader():
    found = meetings("De leiders van de G20 hebben dit weekend vergaderd over handel, klimaat en de oorlog in Oekraïne, en "
                     "dat leverde opvallende beelden op.\n\n"
                     "President Trump en president Xi dineerden zaterdag samen in Buenos Aires.\n\nIn de gangen van de "
                     "top sprak Trump ook even met president Poetin.\n\nMeer leverde een onderonsje van bondskanselier "
                     "Merkel met Poetin op.", "2018-12")
    merkel = next(m for m in found if "Angela Merkel" in names(m))  # a month-dated article: "zaterdag" is 2018-12
    assert merkel.date == "2018-12" and where(merkel) == ("Buenos Aires", "ARG")


def test_a_visit_to_come_is_not_the_phone_call_the_leaders_had():
    found = only_meeting("Premier Rutte gaat binnenkort langs bij president Trump. De twee spraken elkaar eerder al "
                         "telefonisch.", "2018-06-05")
    assert found.status == "planned" and names(found) == {"Mark Rutte", "Donald Trump"}
