"""Plain nouns for people, demonyms naming a population, and "le groupe"
referring back to an armed group (issue #4, dyad accuracy).

Sentences written for these tests."""

from __future__ import annotations

import pytest

from selon.actors import actor_of

#: publication date of the test sentences (the `resolved` fixture's default)
PUBLISHED = "2024-05-15"


def find(d, word: str, nth: int = 0):
    return [t for t in d.doc if t.text == word][nth]


def dyad(d, word: str, nth: int = 0):
    a = actor_of(d, find(d, word, nth))
    return None if a is None else (a.country, a.kind)


@pytest.mark.parametrize(
    "text,word,expected",
    [
        ("Le Togo a connu une nuit agitée. Au total, 57 personnes ont été arrêtées à Lomé.",
         "personnes", ("TGO", "CVL")),
        ("La police togolaise enquête. Un homme a été blessé par balle près du marché.",
         "homme", ("TGO", "CVL")),
        ("Le Niger pleure ses morts : un militaire a été tué dans une embuscade.",
         "militaire", ("NER", "MIL")),
        ("Des émeutiers ont incendié deux mairies en Belgique dans la nuit.",
         "émeutiers", ("BEL", "CVL")),
        ("Au Tchad, quatre jeunes bergers ont disparu avec leurs troupeaux.",
         "bergers", ("TCD", "CVL")),
        ("Washington sanctionne des individus et des entités liés au Venezuela.",
         "entités", ("USA", "CVL")),
        # a party named by its members, a businessman with a demonym
        ("En Belgique, les Verts soutiennent la grève des cheminots.", "Verts",
         ("BEL", "CVL")),
        ("Un homme d'affaires libanais a été enlevé à Bamako.", "homme", ("LBN", "CVL")),
        # political camps are party figures
        ("En Espagne, la réforme est réclamée à droite et à l'extrême droite.", "droite",
         ("ESP", "CVL")),
        # European governments named by their capitals belong to no one state
        ("Kiev a proposé une trêve, appuyée par plusieurs capitales européennes.",
         "capitales", (None, "GOV")),
        # human-rights NGOs said to be international belong to no state
        ("Au Tchad, des organisations internationales de défense des droits de l'homme "
         "dénoncent les arrestations.", "organisations", (None, "CVL")),
    ],
)
def test_actors_people_plain_nouns_are_civil_society(resolved, text, word, expected):
    assert dyad(resolved(text), word) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [("gouvernement", "group:gouvernement"), ("police", "group:police")],
)
def test_actors_people_state_body_is_not_the_body_named_before(resolved, word, expected):
    # a state has many bodies: "le gouvernement" is not the assembly named before
    d = resolved("Le Bundestag a adopté la loi. Le gouvernement a salué le vote et la "
                 "police a renforcé la sécurité.")
    a = actor_of(d, find(d, word))
    assert a is not None and (a.id, a.country, a.kind) == (expected, "DEU", "GOV")


@pytest.mark.parametrize(
    "text,word",
    [
        ("Au Tchad, Amnesty dénonce des violations des droits de l'homme.", "homme"),
        ("« Nous partons », indique le communiqué de presse du gouvernement.", "presse"),
        ("Les espaces verts de Liège sont fermés.", "verts"),
    ],
)
def test_actors_people_set_phrases_are_no_actor(resolved, text, word):
    d = resolved(text)
    assert actor_of(d, find(d, word)) is None


@pytest.mark.parametrize(
    "text,word,expected",
    [
        # a noun for people or companies with a demonym: that country's civil society
        ("Londres a gelé les avoirs de deux banques russes.", "banques", ("RUS", "CVL")),
        ("Des entreprises iraniennes sont visées par Washington.", "entreprises",
         ("IRN", "CVL")),
        ("Les civils ukrainiens fuient la ville.", "civils", ("UKR", "CVL")),
        # known agents keep their kind
        ("L'armée malienne a repoussé l'attaque.", "armée", ("MLI", "MIL")),
        ("Le ministère russe a protesté.", "ministère", ("RUS", "GOV")),
    ],
)
def test_actors_people_demonym_adjective(resolved, text, word, expected):
    assert dyad(resolved(text), word) == expected


@pytest.mark.parametrize(
    "text,word,expected",
    [
        # counted, indefinite, placed or acted upon: people
        ("Plus de 30 Tunisiens sont détenus en Libye.", "Tunisiens", ("TUN", "CVL")),
        ("Des milliers de Soudanais ont fui vers le Tchad.", "Soudanais", ("SDN", "CVL")),
        ("Les Libanais du sud ont quitté leurs villages.", "Libanais", ("LBN", "CVL")),
        ("Les Afghans ont été évacués par avion.", "Afghans", ("AFG", "CVL")),
        # a definite people that acts, or whose offer it is, speaks for its state
        ("Les Russes ont bombardé le port pendant la nuit.", "Russes", ("RUS", "GOV")),
        ("L'offre des Américains a été rejetée par Téhéran.", "Américains", ("USA", "GOV")),
        ("La proposition des Russes est sur la table.", "Russes", ("RUS", "GOV")),
    ],
)
def test_actors_people_population_or_state(resolved, text, word, expected):
    assert dyad(resolved(text), word) == expected


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        # "le groupe", "le mouvement" refer back to the armed group named before
        ("Le JNIM a attaqué un poste de l'armée burkinabè. "
         "Le groupe affirme avoir tué dix soldats.", "groupe", "org:JNIM"),
        ("Les shebab ont attaqué une base de l'Amisom. "
         "Le mouvement revendique l'opération.", "mouvement", "org:SHABAAB"),
        # fighters of a named group are the group
        ("L'armée a visé les miliciens nigérians de Boko Haram près du lac.",
         "miliciens", "org:BOKOHARAM"),
        # an armed-group description with an adjective, definite or demonstrative
        ("Le FLA a repris la ville de Tessalit. Ce groupe rebelle, allié à la CMA, "
         "dit contrôler la route.", "groupe", "org:FLA"),
        ("Les shebab ont frappé un hôtel de Mogadiscio. Le groupe islamiste a "
         "ensuite revendiqué l'attentat.", "groupe", "org:SHABAAB"),
        # in a lead, the description comes first and the name in a later sentence,
        # never a group named in its own sentence
        ("Le groupe jihadiste, proche d'Al-Qaïda, a revendiqué l'embuscade de mardi. "
         "L'opération a été revendiquée par le GSIM dans un message.", "groupe", "org:JNIM"),
        # fighters named by the origin of a stateless group the article named
        ("Wagner a quitté Bangui en juin. Des mercenaires russes resteront au nord, "
         "selon le ministre.", "mercenaires", "org:WAGNER"),
        ("Le Hezbollah a tiré des roquettes sur la Galilée. Israël a riposté contre le "
         "mouvement islamiste libanais.", "mouvement", "org:HEZBOLLAH"),
        ("Le groupe paramilitaire russe Wagner a démenti.", "groupe", "org:WAGNER"),
        # a loosely spelt group name is read by the acronym in brackets after it
        ("Selon l'armée, les rebelles de l'« Alliance des patriotes centrafricains » (CPC) "
         "ont tendu l'embuscade.", "rebelles", "org:CPC"),
        # the group that acted is also a passive's agent, not the group it is tied to
        ("L'attaque a été revendiquée par le JNIM, affilié à Al-Qaïda. L'armée a "
         "ensuite poursuivi les assaillants.", "assaillants", "org:JNIM"),
        # members and fighters of a named group act as the group
        ("Des affrontements opposent les éléments de Wagner et l'armée.", "éléments",
         "org:WAGNER"),
        ("Quatre membres du Hamas ont été arrêtés à Hébron.", "membres", "org:HAMAS"),
        # a description set in apposition to the group's name is the group
        ("Le JNIM, principal groupe jihadiste du Sahel, a revendiqué l'attaque.", "groupe",
         "org:JNIM"),
    ],
)
def test_actors_people_refers_to_the_armed_group(resolved, text, word, expected):
    d = resolved(text)
    a = actor_of(d, find(d, word))
    assert a is not None and a.id == expected


@pytest.mark.parametrize(
    "text",
    [
        "Le groupe de contact se réunit à Minsk.",
        "Le maire a reçu le groupe dans la soirée.",
    ],
)
def test_actors_people_group_without_antecedent_is_no_actor(resolved, text):
    d = resolved(text)
    assert actor_of(d, find(d, "groupe")) is None


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        # fighters by their origin with no group of that origin named: that state's
        ("Des paramilitaires russes ont été vus à Bangui.", "paramilitaires",
         ("RUS", "REB")),
        # an indefinite group is a new one, not the group named before
        ("Le FLA a repris Tessalit. Un groupe armé a ensuite attaqué Kidal.", "groupe",
         (None, "REB")),
        # rebels of a group the dictionary does not know are not the group named before
        ("Le FLA a attaqué Kidal. Plus tard, les rebelles du Front patriotique du Nord "
         "ont revendiqué une autre attaque.", "rebelles", (None, "REB")),
        # soldiers are not the armed group of their country
        ("Le Hezbollah a tiré des roquettes. Les soldats libanais ont été déployés.",
         "soldats", ("LBN", "MIL")),
    ],
)
def test_actors_people_generic_armed_group_stays_generic(resolved, text, word, expected):
    d = resolved(text)
    a = actor_of(d, find(d, word))
    assert a is not None and a.id.startswith("group:")
    assert (a.country, a.kind) == expected


def test_actors_people_bare_title_is_main_state_holder(resolved):
    d = resolved("La France a durci le ton face aux violences. "
                 "Le Premier ministre doit présider une cellule de crise jeudi.")
    a = actor_of(d, find(d, "Premier"))
    assert a is not None and (a.name, a.country) == ("Gabriel Attal", "FRA")


@pytest.mark.parametrize(
    "text,word,expected",
    [
        # a demonym further along the phrase, or on its "de" complement
        ("Ottawa sanctionne les décideurs civils et militaires biélorusses.", "décideurs",
         ("BLR", "GOV")),
        ("Tokyo vise les entreprises de l'industrie navale chinoise.", "entreprises",
         ("CHN", "CVL")),
        ("Le gel frappe quatre « entités » syriennes.", "entités", ("SYR", "CVL")),
    ],
)
def test_actors_people_demonym_further_on(resolved, text, word, expected):
    assert dyad(resolved(text), word) == expected


def test_actors_people_agent_as_adjective_is_no_actor(resolved):
    d = resolved("Ottawa sanctionne les décideurs militaires biélorusses.")
    a = actor_of(d, find(d, "militaires"))
    assert a is None or a.kind == "GOV"


def test_actors_people_junta_named_again_without_country(resolved):
    d = resolved("Les militaires au pouvoir au Gabon ont suspendu la Constitution. "
                 "Paris a protesté. Lundi, les militaires au pouvoir ont fermé les "
                 "frontières.")
    a = actor_of(d, find(d, "militaires", 1))
    assert a is not None and (a.country, a.kind) == ("GAB", "GOV")


@pytest.mark.parametrize(
    "text,word,expected",
    [
        ("Téhéran a répondu. La République islamique dément tout lien.", "République",
         ("IRN", "GOV")),
        ("L'État hébreu a fermé le point de passage.", "État", ("ISR", "GOV")),
    ],
)
def test_actors_people_state_metonyms(resolved, text, word, expected):
    assert dyad(resolved(text), word) == expected


@pytest.mark.parametrize("text,word", [
    ("Moscou a répondu aux pays occidentaux.", "pays"),
    ("Les Occidentaux ont promis des chars.", "Occidentaux"),
    ("Pékin accuse l'Occident d'ingérence.", "Occident"),
])
def test_actors_people_the_west_is_one_actor(resolved, text, word):
    a = actor_of(d := resolved(text), find(d, word))
    assert a is not None and (a.id, a.country, a.kind) == ("org:WEST", None, "GOV")


def test_actors_people_kidnappers_are_the_armed_group_named_before(resolved):
    d = resolved("L'EIGS a attaqué un village nigérien. Les ravisseurs réclament une rançon.")
    a = actor_of(d, find(d, "ravisseurs"))
    assert a is not None and a.kind == "REB"


def test_actors_people_bare_demonyms_meeting_are_states(resolved):
    d = resolved("Une rencontre entre Américains et Iraniens aura lieu samedi à Oman.")
    a = actor_of(d, find(d, "Américains"))
    assert a is not None and (a.country, a.kind) == ("USA", "GOV")


def test_actors_people_other_first_name_same_initial(resolved):
    # a dictionary surname after a first name sharing only its initial
    d = resolved("« Il restera en prison », a déclaré son avocat, Bamba Cissé, lundi à Dakar.",
                 published="2023-08-01")
    a = actor_of(d, find(d, "Cissé"))
    assert a is None or a.name != "Boubou Cissé"


def test_actors_people_full_name_after_unknown_word_is_the_person(resolved):
    d = resolved("La chancelière et le français Dito Emmanuel Macron ont dîné ensemble.",
                 published="2022-01-10")
    a = actor_of(d, find(d, "Macron"))
    assert a is not None and (a.name, a.country) == ("Emmanuel Macron", "FRA")


@pytest.mark.parametrize(
    "text,word,name",
    [
        # a bare definite title with a dictionary role: the main state's holder
        ("La France a connu une nuit de violences. Le ministre de l'Intérieur "
         "annonce 150 interpellations.", "ministre", "Gérald Darmanin"),
        # a title that names one state's office: that state's holder
        ("Kiev attend des munitions. Le secrétaire à la Défense a promis une réponse.",
         "secrétaire", "Lloyd Austin"),
    ],
)
def test_actors_people_bare_title_with_role(resolved, text, word, name):
    d = resolved(text, published="2023-06-30")
    a = actor_of(d, find(d, word))
    assert a is not None and a.name == name


def test_actors_people_foreign_states_have_no_country(resolved):
    d = resolved("Le Mali accuse des États étrangers de soutenir les putschistes.")
    a = actor_of(d, find(d, "États"))
    assert a is not None and (a.country, a.kind) == (None, "GOV")


@pytest.mark.parametrize(
    "text,word,expected",
    [
        # a possessive generic agent belongs to the last subject: an armed
        # group's officials are the group, a state's soldiers that state's
        ("Le départ des Shebab a été annoncé. Selon ses responsables, la trêve est finie.",
         "responsables", ("org:SHABAAB", None, "REB")),
        ("Le Niger a rappelé ses soldats du front.", "soldats", (None, "NER", "MIL")),
    ],
)
def test_actors_people_possessive_agent(resolved, text, word, expected):
    a = actor_of(d := resolved(text), find(d, word))
    assert a is not None
    aid, country, kind = expected
    assert (a.country, a.kind) == (country, kind) and (aid is None or a.id == aid)


def test_actors_people_rank_apposed_to_a_national_body(resolved):
    d = resolved("Le Niger a menacé Paris. Jeudi, le porte-parole de l'état-major "
                 "français, le colonel Pierre Dupont, a répondu.")
    a = actor_of(d, find(d, "colonel"))
    assert a is not None and (a.name, a.country, a.kind) == ("Pierre Dupont", "FRA", "MIL")


@pytest.mark.parametrize(
    "text,word,expected",
    [
        ("Les forces de sécurité burkinabè ont repoussé l'attaque.", "forces", ("BFA", "MIL")),
        ("Les forces de l'ordre ont dispersé la foule à Lyon, en France.", "forces",
         ("FRA", "GOV")),
    ],
)
def test_actors_people_security_forces_and_police(resolved, text, word, expected):
    assert dyad(resolved(text), word) == expected


def test_actors_people_holder_of_a_post_named_before(resolved):
    d = resolved("Niamey a ordonné l'expulsion de l'ambassadeur de France. Selon une "
                 "lettre, l'ambassadeur Marc Durand n'a plus d'immunité.")
    a = actor_of(d, find(d, "Durand"))
    assert a is not None and (a.name, a.country, a.kind) == ("Marc Durand", "FRA", "GOV")


def test_actors_people_qualified_movement_is_not_the_armed_group(resolved):
    d = resolved("Le JNIM a frappé Kayes. Le mouvement syndical proteste contre la vie chère. "
                 "Le mouvement armé revendique l'attaque.")
    assert actor_of(d, find(d, "mouvement")) is None
    a = actor_of(d, find(d, "mouvement", 1))
    assert a is not None and a.id == "org:JNIM"
