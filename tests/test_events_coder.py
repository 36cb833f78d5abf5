"""Event coder: triggers, types and argument frames, on sentences written for the tests."""

from __future__ import annotations

import pytest

from selon.events.coder import load_lexicon
from selon.model import EVENT_TYPES, QUAD


def test_events_coder_lexicon_covers_every_type():
    lex = load_lexicon()
    covered = {e.type for table in (lex.verbs, lex.nouns, lex.phrases)
               for entries in table.values() for e in entries}
    assert covered == set(EVENT_TYPES)
    assert sum(len(v) for v in lex.verbs.values()) + sum(len(v) for v in lex.nouns.values()) > 300


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        ("Les rebelles ont attaqué une base de l'armée près de Gao.", "ASSAULT"),
        # a killing next to a word naming the wounded is still an event
        ("Au moins douze villageois ont été tués et des dizaines d'autres blessés, a indiqué "
         "un infirmier.", "ASSAULT"),
        ("Des hommes armés ont pris d'assaut la mairie du village.", "ASSAULT"),
        ("La police a interpellé une dizaine de militants à Dakar.", "COERCE"),
        ("Les gendarmes ont dispersé les manifestants à coups de gaz lacrymogène.", "COERCE"),
        ("Le Tchad a dénoncé l'accord de coopération militaire signé avec Paris.", "REJECT"),
        ("La Pologne a finalement levé son veto au budget européen.", "CONCEDE"),
        ("Le gouvernement a décrété un couvre-feu dans la capitale.", "COERCE"),
        ("Paris a rappelé son ambassadeur à Alger pour consultations.", "SANCTION"),
        ("L'Union européenne a décidé de geler les avoirs de trois ministres.", "SANCTION"),
        ("Les deux présidents se sont entretenus au téléphone mardi.", "CONSULT"),
        ("Les belligérants se sont mis d'accord sur une trêve de trois jours.", "AGREE"),
        ("Des milliers de personnes ont manifesté samedi contre la réforme.", "PROTEST"),
        ("Le ministre a dénoncé une ingérence inacceptable de son voisin.", "ACCUSE"),
        ("L'opposition a rejeté le projet de budget.", "REJECT"),
        ("Le chef de la junte a menacé de fermer les frontières.", "THREATEN"),
        ("Berlin va livrer des chars à l'armée ukrainienne.", "AID"),
        ("Le Tchad a déployé des soldats à la frontière soudanaise.", "MOBILIZE"),
        ("Les soldats étrangers se sont retirés de la ville de Tessalit.", "RETREAT"),
        ("Le syndicat exige la libération immédiate des grévistes.", "REQUEST"),
        ("La France a salué le courage des secouristes marocains.", "SUPPORT"),
        ("Les autorités ont libéré quarante prisonniers politiques.", "CONCEDE"),
        ("Les deux pays vont renforcer leur coopération militaire.", "COOPERATE"),
        # hyphenated compounds are one token, also inside phrases
        ("Le gouverneur a levé le couvre-feu dans la province.", "CONCEDE"),
        ("L'armée a lancé une contre-offensive contre les rebelles.", "ASSAULT"),
        # a present tense the lemmatiser leaves as is
        ("Kiev réclame davantage d'armes à ses alliés.", "REQUEST"),
        # a subject that names people is no event of its own
        ("Un kamikaze s'est fait exploser devant la mosquée.", "ASSAULT"),
        ("Des émeutiers ont affronté la police toute la nuit.", "PROTEST"),
        ("Washington a envoyé un porte-avions en Méditerranée orientale.", "MOBILIZE"),
        ("L'ONU s'est dite préoccupée par la répression des manifestations.", "ACCUSE"),
        ("Le groupe État islamique a revendiqué l'attentat dans la soirée.", "ASSAULT"),
        ("La junte a annoncé la réouverture des frontières avec le Bénin.", "CONCEDE"),
        ("Le Quai d'Orsay a condamné fermement l'attaque contre l'ambassade.", "ACCUSE"),
        ("La cour a émis un mandat d'arrêt contre l'ancien ministre.", "ACCUSE"),
        ("Le Niger a rejeté l'ultimatum de ses voisins.", "REJECT"),
        ("La Chine a opposé son veto à la résolution.", "REJECT"),
        ("Téhéran menace de fermer le détroit d'Ormuz.", "THREATEN"),
        ("Le Burkina Faso a expulsé trois diplomates français.", "SANCTION"),
        ("Les syndicats appellent à une grève générale jeudi.", "PROTEST"),
        ("Des hommes armés ont enlevé une vingtaine d'élèves dans le nord du pays.", "ASSAULT"),
        ("L'armée affirme avoir neutralisé une trentaine de terroristes.", "ASSAULT"),
        ("Le président a gracié une centaine de détenus.", "CONCEDE"),
        ("Washington et Pékin ont repris leur dialogue militaire.", "CONSULT"),
        ("La gendarmerie a appelé les habitants à rester chez eux.", "REQUEST"),
        ("Mali : Attaque d'un groupe armé contre un poste de police", "ASSAULT"),
    ],
)
def test_events_coder_finds_type(code, text, etype):
    types = [e.type for e in code(text).events]
    assert etype in types


@pytest.mark.parametrize(
    "text",
    [
        "Le musée rouvre ses portes après deux ans de travaux.",
        "La température a atteint quarante degrés à Niamey.",
        "Le film sortira en salles au printemps prochain.",
        "Le taux de chômage a reculé de deux points cette année.",
        "Le club a signé un milieu de terrain argentin pour trois saisons.",
        "Le Groupe de soutien aux familles tiendra son assemblée générale.",
        "Le groupe n'a pas fourni de bilan détaillé.",
        "La banque centrale a relevé ses taux directeurs.",
        # "ignorer si/où": not knowing, no rejection; "le marché" is no "marche"
        "Les autorités ignorent quand le pont sera rouvert.",
        "La brume s'est dispersée en fin de matinée.",
        "Le marché central a rouvert mardi à Dakar.",
    ],
)
def test_events_coder_no_event_in_plain_sentences(code, text):
    assert code(text).events == []


def test_events_coder_event_fields(code):
    text = "Les rebelles ont attaqué un convoi militaire près de Kidal."
    record = code(text)
    (event,) = [e for e in record.events if e.type == "ASSAULT"]
    assert event.quad == QUAD["ASSAULT"]
    assert record.text[event.trigger.start:event.trigger.end] == event.trigger.text
    assert event.sentence.start == 0 and event.sentence.end <= len(text)


def test_events_coder_adjective_is_no_present_tense(code):
    """"critique" as an adjective is no form of "critiquer"."""
    record = code("La situation humanitaire reste critique dans le nord du pays.")
    assert not [e for e in record.events if e.type == "ACCUSE"]


def test_events_coder_a_charge_is_no_event_of_its_own(code):
    record = code("Le gouvernement accuse l'opposant de soutenir les rebelles.")
    types = [e.type for e in record.events]
    assert "ACCUSE" in types and "SUPPORT" not in types
