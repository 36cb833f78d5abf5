"""Dyads on the full pipeline: who acts on whom once the actor resolver has run.

Each sentence pins one rule of the coder that picks a participant where the
parse alone does not give it: a dateline is no subject, a possessive points
back, an evaluation is the speaker's, the sides of a meeting named by their
adjectives, an agentless noun naming again an event already told.
"""

from __future__ import annotations

import pytest


def _dyads(record) -> set[tuple[str, str | None, str | None]]:
    def c(actor):
        return actor.country if actor is not None else None

    return {(e.type, c(e.source), c(e.target)) for e in record.events}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an upper-case dateline before a dash is no subject
        ("OTTAWA — Le Japon a décidé mardi d'imposer de nouvelles sanctions à l'Iran.",
         ("SANCTION", "JPN", "IRN")),
        # a possessive on an event noun: the actor named before it, not the target
        ("Le Maroc a condamné l'Algérie, un an après son invasion du Sahara.",
         ("ASSAULT", "DZA", None)),
        # also when the parse gives the evaluation no subject
        ("Le fait que Pékin cherche à imposer ses vues aux pays voisins viole clairement le "
         "droit international, estime le ministre japonais de la Défense Minoru Kihara.",
         ("ACCUSE", "JPN", "CHN")),
        # an evaluation: the speaker judges the actor named in its subject
        ("Les demandes de Pékin sont inacceptables, a affirmé le président philippin.",
         ("REJECT", "PHL", "CHN")),
        # "les délégations arménienne et azerbaïdjanaise": two sides
        ("Les délégations arménienne et azerbaïdjanaise se sont réunies lundi à Genève.",
         ("CONSULT", "ARM", "AZE")),
        # a copular noun predicate takes its subject as source
        ("Le ministre indien Subrahmanyam Jaishankar sera au téléphone avec son "
         "homologue chinois lundi.", ("CONSULT", "IND", "CHN")),
        # the partner hung on the adjunct of manner; one event, not two phrases
        # interleaved ("est … au téléphone" is no "être au téléphone")
        ("Stéphane Séjourné s'est entretenu au téléphone avec son homologue libanais.",
         ("CONSULT", "FRA", "LBN")),
        # also with the copula parsed as the head of the phrase
        ("D'après les médias turcs, le ministre des Affaires étrangères Hakan Fidan sera "
         "également au téléphone avec le ministre grec des Affaires étrangères Giorgos "
         "Gerapetritis lundi.", ("CONSULT", "TUR", "GRC")),
        # "être forcé de répondre": the one forced is the one threatening
        ("Si rien ne change, la Chine sera forcée de répondre.", ("THREATEN", "CHN", None)),
        # a participle of the event noun carries its target too
        ("Une plainte, déposée par Amnesty International contre l'armée tchadienne, a été "
         "jugée recevable.", ("ACCUSE", None, "TCD")),
        # a seized place names its state
        ("La Russie a annoncé l'annexion de la Crimée.", ("COERCE", "RUS", "UKR")),
        # the words of a phrase trigger are no arguments; their complements are
        ("Washington a annoncé des livraisons d'armes à l'Ukraine.", ("AID", "USA", "UKR")),

        # a complex preposition, past a quantity that is no participant
        ("Le Japon a annoncé une aide de 10 millions de dollars en faveur des réfugiés "
         "soudanais.", ("AID", "JPN", "SDN")),
        # a deployment along a state's border is aimed at it
        ("L'Arménie a déployé des chars le long de la frontière azerbaïdjanaise.",
         ("MOBILIZE", "ARM", "AZE")),
        # "aux" is "à", also when the parser hangs it on the object
        ("Les États-Unis ont livré des missiles aux forces ukrainiennes.",
         ("AID", "USA", "UKR")),
        # "X a exigé que…" is active even when the parser labels X a passive subject
        ("D'après Ankara, le président turc a aussi exigé que la Grèce et Chypre cessent "
         "leurs manœuvres navales.", ("REQUEST", "TUR", "GRC")),
        # an event noun parsed as the adjective of "prétendue" keeps its complements
        ("Pékin dénonce les rumeurs sur la prétendue invasion chinoise de Taïwan.",
         ("ASSAULT", "CHN", "TWN")),
        # "par X" hung on the governor of the event noun is still its agent
        ("Tbilissi a commémoré jeudi le quinzième anniversaire de l'invasion de la Géorgie par "
         "la Russie.", ("ASSAULT", "RUS", "GEO")),
        ("Les drapeaux ont été mis en berne pour le dixième anniversaire de l'annexion de la "
         "Crimée par la Russie.", ("COERCE", "RUS", "UKR")),
        # a share of a group acts as the group
        ("La plupart des soldats tchadiens se sont retirés de la ville.", ("RETREAT", "TCD", None)),
        # a noun resuming the clause: the act's author is the one supported
        ("Le Ghana a proposé une médiation, une initiative saluée par le Nigeria.",
         ("SUPPORT", "NGA", "GHA")),
        # the object hung on a day name by the parser still takes the verb's subject
        ("Les Vingt-Sept ont adopté vendredi un nouveau paquet de sanctions contre l'Iran.",
         ("SANCTION", None, "IRN")),
        # "de son côté" misparsed: a participle with an object is no passive
        ("Le chef de la diplomatie européenne a de son côté appelé la Chine à cesser toute "
         "livraison de drones.", ("REQUEST", None, "CHN")),
        # a condemnation is aimed at the author of the act condemned
        ("Le Liban dénonce les frappes israéliennes sur Tyr.", ("ACCUSE", "LBN", "ISR")),
        # a possessive may point back to the recipient after "à"
        ("Ottawa a infligé des sanctions à l'Azerbaïdjan, deux mois après son offensive contre "
         "l'Arménie.", ("ASSAULT", "AZE", "ARM")),
        # the one tried is the trial's genitive or possessor
        ("Le tribunal a fixé la date du procès de Jean-Pierre Bemba.", ("ACCUSE", None, "COD")),
        ("Les avocats de Jean-Pierre Bemba ont demandé le report de son procès.",
         ("ACCUSE", None, "COD")),
    ],
)
def test_events_coder_dyads(code, text, expected):
    assert expected in _dyads(code(text))


def test_events_coder_dyads_anaphoric_noun_takes_earlier_source(code):
    record = code(
        "Le Japon a imposé des sanctions à la Corée du Nord. "
        "Ces sanctions visent une dizaine de banques."
    )
    later = [e for e in record.events if e.trigger.text == "sanctions"]
    assert later and all(e.source is not None and e.source.country == "JPN" for e in later)


def test_events_coder_dyads_attacks_are_not_anaphoric(code):
    # many attacks are many incidents: a later agentless one keeps no source
    record = code(
        "Des rebelles ont attaqué la caserne de Gao lundi. "
        "Une attaque a aussi visé un marché mardi."
    )
    later = [e for e in record.events if e.type == "ASSAULT" and e.trigger.text == "attaque"]
    assert later and all(e.source is None or e.source.kind != "REB" for e in later)


def test_events_coder_dyads_guessed_partner_is_another_state(code):
    # no partner named: the French soldiers of the sentence are not France's partner
    record = code(
        "Paris et Berlin ont signé un accord de défense. "
        "Paris a proposé un cessez-le-feu, selon des soldats français."
    )
    agree = [e for e in record.events if e.type == "AGREE" and e.source is not None]
    assert agree
    assert all(
        e.target is None or e.target.country != e.source.country for e in agree
    )


def test_events_coder_dyads_meeting_venue_is_no_party(code):
    found = _dyads(code(
        "Les négociateurs arméniens et azerbaïdjanais se sont réunis lundi à Genève."))
    assert ("CONSULT", "ARM", "AZE") in found
    assert not any(t == "CHE" for _type, _s, t in found)


def test_events_coder_dyads_target_hung_on_the_genitive(code):
    record = code("L'armée congolaise revendique la reprise de la localité de Kindu aux rebelles.")
    coerce = [e for e in record.events if e.type == "COERCE"]
    assert coerce and coerce[0].target is not None and coerce[0].target.kind == "REB"


def test_events_coder_dyads_both_parties_are_the_main_pair(code):
    # the release of prisoners in between is no exchange between two sides
    found = _dyads(code(
        "Les délégations arménienne et azerbaïdjanaise se sont réunies lundi à Genève. "
        "Des prisonniers ont été libérés. "
        "Les deux parties se sont mises d'accord sur un nouvel échange."
    ))
    assert ("AGREE", "ARM", "AZE") in found or ("AGREE", "AZE", "ARM") in found


def test_events_coder_dyads_rejected_proposal_names_the_other_side(code):
    found = _dyads(code(
        "L'Arménie a proposé une trêve à l'Azerbaïdjan. Bakou a rejeté cette proposition."))
    assert ("REJECT", "AZE", "ARM") in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a number noun heads the subject: its complement is the actor
        ("Une vingtaine d'hommes armés ont incendié plusieurs échoppes du marché.",
         ("ASSAULT", "hommes armés")),
        # a series noun between the support verb and the event
        ("Le JNIM revendique une série d'attaques contre l'armée malienne.",
         ("ASSAULT", "JNIM")),
        # a purpose infinitive the parser hung on a noun keeps the clause's subject
        ("Des manifestants sont descendus lundi dans la capitale Dakar pour protester "
         "contre l'arrestation de l'opposant.", ("PROTEST", "manifestants")),
        # "attribuées à X" names the author
        ("Une série d'attaques attribuées au groupe Ansarul Islam a visé trois villages.",
         ("ASSAULT", "Ansarul Islam")),
    ],
)
def test_events_coder_dyads_source_through_the_noun_phrase(code, text, expected):
    etype, name = expected
    record = code(text)
    assert any(e.type == etype and e.source is not None and e.source.name == name
               for e in record.events)


@pytest.mark.parametrize(
    "text",
    [
        "Selon plusieurs sources, les rebelles auraient mené quatre attaques dans l'Ouest, "
        "près du Cameroun.",
        "Les insurgés ont multiplié les embuscades dans la province orientale du Tchad.",
        "Boko Haram a multiplié les attaques dans la région de l'Extrême-Nord, près de la "
        "frontière avec le Tchad.",
        # nor the medium a source spoke to
        "Des rebelles ont lancé une attaque lundi soir, a déclaré un officier au site local "
        "« Bangui Matin ».",
        # nor an actor that only describes the source
        "Le JNIM, principale coalition jihadiste du Sahel et affiliée à Al-Qaïda, a "
        "revendiqué l'opération lundi.",
    ],
)
def test_events_coder_dyads_a_place_is_no_guessed_target(code, text):
    attacks = [e for e in code(text).events if e.type == "ASSAULT"]
    assert attacks and all(e.target is None for e in attacks)


def test_events_coder_dyads_a_recipient_is_no_place(code):
    # "à l'Ukraine" after a verb of giving is the recipient, not where
    found = _dyads(code("Les États-Unis ont livré des munitions à l'Ukraine dans la nuit."))
    assert ("AID", "USA", "UKR") in found


def test_events_coder_dyads_ce_que_resumes_the_act_before(code):
    found = _dyads(code("Le Mali a expulsé le représentant de l'ONU, ce que Washington a dénoncé."))
    assert ("ACCUSE", "USA", "MLI") in found


def test_events_coder_dyads_aid_to_a_place_goes_to_its_people(code):
    record = code("La Norvège a acheminé des vivres vers la bande de Gaza.")
    aid = [e for e in record.events if e.type == "AID" and e.target is not None]
    assert aid and aid[0].target.country == "PSE" and aid[0].target.kind == "CVL"


def test_events_coder_dyads_tous_deux_as_main_subject(code):
    found = _dyads(code("Le président turc a reçu son homologue grec à Ankara. "
                        "Tous deux ont exprimé une volonté de poursuivre le dialogue."))
    assert sum(1 for t, s_, t_ in found if t == "CONSULT" and {s_, t_} == {"TUR", "GRC"}) >= 1


def test_events_coder_dyads_owner_of_a_rejected_call(code):
    found = _dyads(code("L'OTAN rejette les demandes de la Russie."))
    assert ("REJECT", None, "RUS") in found


def test_events_coder_dyads_a_city_after_a_is_no_guessed_target(code):
    record = code("Grève des transports : 80 interpellations à Lyon dans la nuit.")
    coerce = [e for e in record.events if e.type == "COERCE"]
    assert coerce and all(e.target is None or e.target.kind != "GOV" for e in coerce)


def test_events_coder_dyads_part_of_a_body_acts_for_it(code):
    found = _dyads(code("Le comité quotidien de l'OTAN prépare de nouvelles sanctions contre "
                        "la Biélorussie."))
    assert any(t == "SANCTION" and tgt == "BLR" for t, _s, tgt in found)
    record = code("Le comité quotidien de l'OTAN prépare de nouvelles sanctions contre "
                  "la Biélorussie.")
    assert any(e.source is not None and e.source.kind == "IGO" for e in record.events)


def test_events_coder_dyads_named_agent_is_not_replaced_by_context(code):
    record = code("Le chef de l'armée malienne a quitté ses fonctions. Le groupe est accusé de "
                  "nombreux enlèvements par des associations de victimes.")
    accuse = [e for e in record.events if e.type == "ACCUSE"]
    assert accuse and (accuse[0].source is None or accuse[0].source.kind != "MIL")


def test_events_coder_dyads_a_victim_is_no_agent_for_the_next_sentence(code):
    record = code("Un berger a été tué mardi près de Mora. Plus tard, des hommes ont "
                  "incendié le village.")
    fires = [e for e in record.events if e.trigger.text == "incendié"]
    assert fires and (fires[0].source is None or fires[0].source.name != "berger")



@pytest.mark.parametrize(
    ("text", "etype", "field", "value"),
    [
        # a reported act whose subject the parse does not give is the speaker's
        ("Des civils ont été évacués vers la frontière. Le président malien a redit son "
         "intention de retirer ses troupes du nord, a indiqué la présidence.",
         "RETREAT", "kind", "GOV"),
        # a possessive skips an actor itself named through a possessive
        ("Le président malien a redit à son homologue ivoirien son intention de retirer "
         "ses troupes du nord.", "RETREAT", "country", "MLI"),
        # a name beats the demonym of its phrase
        ("Le groupe paramilitaire russe Wagner a quitté la Libye.", "RETREAT", "kind", "REB"),
        # a possessed subject naming no actor is its owner
        ("Les forces armées nigériennes ont affirmé que leurs unités avaient riposté aux "
         "assaillants.", "ASSAULT", "country", "NER"),
        # the forces deployed are the means of whoever commands it…
        ("Le chef du gouvernement indien a ordonné jeudi le déploiement de la police au "
         "Manipur.", "MOBILIZE", "kind", "GOV"),
        # …but not of whoever denies their presence
        ("Le régime a toujours démenti la présence de mercenaires russes dans le pays.",
         "MOBILIZE", "kind", "REB"),
        # an agent hung deeper in a noun event's phrase
        ("Moscou dénonce les livraisons de munitions aux forces kurdes par les Américains.",
         "AID", "country", "USA"),
        ("Moscou critique les livraisons de chars et de munitions aux troupes ukrainiennes par "
         "les Allemands.", "AID", "country", "DEU"),
    ],
)
def test_events_coder_dyads_source_of_the_event(code, text, etype, field, value):
    found = [e for e in code(text, published="2024-05-15").events if e.type == etype]
    assert found and found[0].source is not None
    assert getattr(found[0].source, field) == value


def test_events_coder_dyads_members_of_an_organisation_act_as_it(code):
    record = code("Les ministres des pays membres de l'Union africaine ont décidé de lever la "
                  "suspension contre le Gabon.", published="2024-02-24")
    concede = [e for e in record.events if e.type == "CONCEDE"]
    assert concede and concede[0].source is not None and concede[0].source.kind == "IGO"


def test_events_coder_dyads_meeting_named_after_its_topic_keeps_the_chair(code):
    record = code("Le président sénégalais Bassirou Diomaye Faye a renoncé à un déplacement "
                  "pour pouvoir présider une réunion de suivi.", published="2024-05-15")
    consult = [e for e in record.events if e.type == "CONSULT"]
    assert consult and consult[0].source is not None and consult[0].source.country == "SEN"


def test_events_coder_dyads_proposal_goes_to_the_other_side(code):
    found = _dyads(code("Les délégations arménienne et azerbaïdjanaise se sont réunies à Genève. "
                        "Erevan a proposé un cessez-le-feu immédiat, une idée saluée par "
                        "plusieurs pays voisins."))
    assert ("AGREE", "ARM", "AZE") in found


def test_events_coder_dyads_dont_names_the_target(code):
    record = code("À la fin du délai, Amadou Diallo, dont le président ghanéen a salué lundi le "
                  "courage, était toujours à Accra.")
    support = [e for e in record.events if e.type == "SUPPORT"]
    assert support and support[0].target is not None and support[0].target.name == "Amadou Diallo"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "perdre la vie": the subject is the victim, "par X" the assailant
        ("Trois gendarmes tchadiens ont perdu la vie dans une embuscade tendue par des "
         "rebelles.", ("ASSAULT", "REB", "GOV")),
        # an agentless passive continues the violent act told just before
        ("Des hommes armés ont pillé des boutiques à Kidal. Plusieurs commerçants ont été "
         "roués de coups.", ("ASSAULT", "REB", "CVL")),
        # a guess from the sentence before takes the whole phrase, not the name inside it
        ("Des jihadistes ont attaqué des positions des forces armées du Niger près de "
         "Tillabéri. Les attaques ont été revendiquées par l'État islamique.",
         ("ASSAULT", "REB", "MIL")),
    ],
)
def test_events_coder_dyads_kinds(code, text, expected):
    def k(actor):
        return actor.kind if actor is not None else None

    assert expected in {(e.type, k(e.source), k(e.target)) for e in code(text).events}


def test_events_coder_dyads_continued_act_only_from_the_sentence_before(code):
    record = code("Des hommes armés ont pillé des boutiques à Kidal. Le marché a rouvert mardi. "
                  "Le calme est revenu le soir. Plusieurs commerçants ont été roués de "
                  "coups.")
    beaten = [e for e in record.events if e.type == "ASSAULT"]
    assert beaten and beaten[0].source is None




def test_events_coder_dyads_other_side_from_recent_sentences_only(code):
    near = _dyads(code("La Serbie a convoqué l'ambassadeur du Kosovo. "
                       "Belgrade a ensuite rejeté toute discussion."))
    assert ("REJECT", "SRB", "XKX") in near
    far = _dyads(code("La Serbie a convoqué l'ambassadeur du Kosovo. Le Premier ministre a parlé "
                      "aux journalistes. La presse nationale a commenté. Le lendemain, le match "
                      "a eu lieu. Belgrade a ensuite rejeté toute discussion."))
    assert ("REJECT", "SRB", "XKX") not in far


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # the diplomat named by the phrase is its target, his post is no target
        ("Le Mali va expulser l'ambassadeur de France à Bamako.", "FRA"),
        ("Le gouvernement malien a ordonné l'expulsion de l'ambassadeur de France à Bamako.",
         "FRA"),
        # one's own ambassador is no target
        ("La France a rappelé son ambassadeur au Mali.", "MLI"),
    ],
)
def test_events_coder_dyads_diplomat_in_a_phrase(code, text, target):
    sanctions = [e for e in code(text).events if e.type == "SANCTION"]
    assert [e.target.country if e.target else None for e in sanctions] == [target]


def test_events_coder_dyads_a_state_does_not_attack_its_own_soldiers(code):
    record = code("L'Arménie a convoqué l'ambassadeur russe. Des soldats arméniens ont été tués "
                  "lundi.")
    killed = [e for e in record.events if e.type == "ASSAULT"]
    assert killed and killed[0].source is None


def test_events_coder_dyads_media_report_the_agent_of_the_next_sentence(code):
    # the media's subject carries to "Il", and a counted genitive is still a target
    record = code("La télévision d'État tunisienne affirme que Kaïs Saïed prépare un remaniement. "
                  "Il a aussi ordonné l'arrestation de deux députés.", published="2024-05-15")
    arrests = [e for e in record.events if e.type == "COERCE"]
    assert arrests and arrests[0].source is not None and arrests[0].source.kind == "GOV"
    assert arrests[0].target is not None and arrests[0].target.name == "députés"


@pytest.mark.parametrize(
    "text",
    [
        "La milice est accusée de nombreux massacres de villageois par Human Rights Watch.",
        "Amnesty International accuse l'armée birmane de massacres contre les Rohingyas.",
    ],
)
def test_events_coder_dyads_the_accused_is_the_author_of_the_charge(code, text):
    events = code(text, published="2024-05-15").events
    accuser = next(e.source for e in events if e.type == "ACCUSE" and e.source is not None)
    charged = [e for e in events if e.type == "ASSAULT"]
    assert charged and charged[0].source is not None and charged[0].source.id != accuser.id
    assert charged[0].target is None or charged[0].target.id != accuser.id


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Des rebelles ont attaqué un poste militaire près de Kidal.", "MLI"),
        ("Des jihadistes ont attaqué lundi la caserne de Gao.", "MLI"),
        # the victim of "sauter sur une mine" is its subject
        ("Un convoi militaire a sauté sur une mine au Burkina Faso.", "BFA"),
        # the site's genitive is no attacker
        ("L'attaque du poste militaire de Gao a fait dix morts.", "MLI"),
    ],
)
def test_events_coder_dyads_a_military_site_stands_for_its_state_forces(code, text, country):
    attacks = [e for e in code(text).events if e.type == "ASSAULT"]
    assert attacks and attacks[0].target is not None
    assert attacks[0].source is None or attacks[0].source.kind != "MIL"
    assert (attacks[0].target.country, attacks[0].target.kind) == (country, "MIL")


def test_events_coder_dyads_a_civil_site_is_no_military_target(code):
    attacks = [e for e in code("Des rebelles ont attaqué un camp de réfugiés près de Kidal.").events
               if e.type == "ASSAULT"]
    assert attacks and (attacks[0].target is None or attacks[0].target.kind != "MIL")


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        ("« Le préfet nous a promis un dialogue », a écrit la CGT.", "AGREE"),
        # a union delegate is civil society, and the speaker is not also the source
        ("« Le préfet nous a promis un dialogue », a déclaré un délégué syndical au quotidien "
         "Ouest-France.", "AGREE"),
        ("« Le ministère nous menace de sanctions chaque semaine », a déclaré la Fédération "
         "nationale des enseignants.", "THREATEN"),
    ],
)
def test_events_coder_dyads_nous_in_a_quote_is_the_speaker(code, text, etype):
    found = [e for e in code(text, published="2024-05-15").events if e.type == etype]
    assert found and found[0].claimed_by is not None and found[0].target is not None
    assert found[0].target.id == found[0].claimed_by.id
    assert found[0].target.kind == "CVL"
    assert found[0].source is None or found[0].source.id != found[0].target.id


@pytest.mark.parametrize(
    ("text", "detainer", "detained"),
    [
        # the participle hung on the event noun: the noun's target is its patient
        ("Washington a réclamé la « libération immédiate »du journaliste américain Evan "
         "Gershkovich, détenu par les services russes depuis un an.", "RUS", "USA"),
        # hung on the verb: the name before the comma, not the verb's subject
        ("L'ONU a demandé la libération de l'opposant Kizza Besigye, détenu par l'armée "
         "ougandaise depuis novembre.", "UGA", "UGA"),
    ],
)
def test_events_coder_dyads_apposed_participle(code, text, detainer, detained):
    held = [e for e in code(text, published="2024-05-15").events if e.type == "COERCE"]
    assert len(held) == 1 and held[0].source is not None and held[0].target is not None
    assert (held[0].source.country, held[0].target.country) == (detainer, detained)


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # the state where the coup happened: its place…
        ("Un coup d'État a renversé le président Alpha Condé en Guinée.", "GIN"),
        # …or the state actor whose phrase holds it
        ("La junte guinéenne, au pouvoir depuis le coup d'État de septembre 2021, a suspendu "
         "deux partis.", "GIN"),
    ],
)
def test_events_coder_dyads_a_coup_is_by_the_state_forces(code, text, country):
    coups = [e for e in code(text, published="2024-05-15").events if e.trigger.text.startswith(
        "coup")]
    assert coups and coups[0].source is not None
    assert (coups[0].source.country, coups[0].source.kind) == (country, "MIL")
    assert coups[0].target is None or coups[0].target.country == country


@pytest.mark.parametrize(
    "text",
    [
        "On ignore si Kizza Besigye va rester en prison.",
        "Une dizaine de militants croupissent en prison depuis mars.",
    ],
)
def test_events_coder_dyads_the_subject_of_a_stay_in_prison_is_held(code, text):
    held = [e for e in code(text, published="2024-05-15").events if e.type == "COERCE"]
    assert held and held[0].target is not None and held[0].target.kind == "CVL"


def test_events_coder_dyads_one_call_one_event(code):
    record = code("Le ministre français des Affaires étrangères s'est entretenu au téléphone "
                  "avec son homologue libanais.", published="2024-06-15")
    assert len([e for e in record.events if e.type == "CONSULT"]) == 1


@pytest.mark.parametrize(
    "text",
    [
        "L'armée et les rebelles s'affrontent depuis lundi près de Goma.",
        "Israël et le Hezbollah échangent des tirs depuis octobre.",
    ],
)
def test_events_coder_dyads_two_sides_fighting_each_other(code, text):
    fights = [e for e in code(text, published="2024-06-15").events if e.type == "ASSAULT"]
    assert len(fights) == 1 and fights[0].source is not None and fights[0].target is not None


def test_events_coder_dyads_condemned_act_names_the_target(code):
    record = code("Le Burkina Faso a condamné l'attaque du JNIM contre la ville de Djibo.")
    accuse = [e for e in record.events if e.type == "ACCUSE"]
    assert accuse and accuse[0].target is not None and accuse[0].target.name == "JNIM"


def test_events_coder_dyads_recall_for_consultations_is_no_meeting(code):
    record = code("Rabat a rappelé son ambassadeur à Alger pour consultations.")
    assert [e.type for e in record.events] == ["SANCTION"]
    assert record.events[0].target is not None and record.events[0].target.country == "DZA"


def test_events_coder_dyads_sanctions_adopted_on_a_day_are_the_adopter_s(code):
    record = code("Les Vingt-Sept ont adopté vendredi un nouveau paquet de sanctions contre "
                  "l'Iran.", published="2024-06-22")
    sanctions = [e for e in record.events if e.type == "SANCTION"]
    assert sanctions and sanctions[0].source is not None and sanctions[0].source.kind == "IGO"


def test_events_coder_dyads_nous_as_subject_is_the_speaker(code):
    record = code("La junte a interdit les manifestations. « Nous ne céderons pas à "
                  "l'intimidation », a déclaré un responsable du mouvement.")
    conceded = [e for e in record.events if e.type == "CONCEDE"]
    assert conceded and conceded[0].source is not None
    assert conceded[0].source.id == conceded[0].claimed_by.id


@pytest.mark.parametrize(
    ("text", "etype", "country"),
    [
        # "exhorter X à + infinitif": X is the one to act, not the one exhorting
        ("Washington a exhorté le Rwanda à retirer ses troupes du territoire congolais.",
         "RETREAT", "RWA"),
        # a day the parser took for the object controls nothing
        ("L'Union africaine a convenu samedi d'imposer des sanctions au Gabon.", "SANCTION",
         None),
    ],
)
def test_events_coder_dyads_object_control(code, text, etype, country):
    found = [e for e in code(text, published="2024-05-02").events if e.type == etype]
    assert found and found[0].source is not None and found[0].source.country == country
