"""Boilerplate removal: page furniture is dropped with its reason, news prose never is."""

from __future__ import annotations

import pytest

from selon.clean import classify, clean, patterns
from selon.ingest import article_from_text
from selon.model import Document

DROPPED = [
    ("Laisser un commentaire", "comment_form"),
    ("Laissez un commentaire.", "comment_form"),
    ("Votre adresse e-mail ne sera pas publiée. Les champs obligatoires sont indiqués avec *",
     "comment_form"),
    ("Votre adresse de messagerie ne sera pas publiée.", "comment_form"),
    ("Enregistrer mon nom, mon e-mail et mon site dans le navigateur.", "comment_form"),
    ("12 commentaires", "comment_form"),
    ("Répondre", "comment_form"),
    ("Vous devez être connecté pour publier un commentaire.", "comment_form"),
    ("Partager sur Facebook Partager sur X Envoyer par e-mail", "share_menu"),
    ("Partager : Facebook Twitter LinkedIn WhatsApp", "share_menu"),
    ("Facebook | Twitter | Imprimer | Copier le lien", "share_menu"),
    ("Partager cet article", "share_menu"),
    ("Suivez-nous sur Twitter et Instagram", "share_menu"),
    ("Accueil > Monde > Afrique", "share_menu"),
    ("Lire aussi : Au Sahel, la route du pétrole sous tension", "related_link"),
    ("À lire aussi", "related_link"),
    ("LIRE AUSSI >> Ukraine : ce que l’on sait de la contre-offensive", "related_link"),
    ("Sur le même sujet", "related_link"),
    (">> Voir notre dossier sur la guerre au Soudan", "related_link"),
    ("Publié le 13 mars 2024 à 18 h 40, mis à jour le 14 mars 2024 à 8 h", "dateline"),
    ("Publié le 13/03/2024 à 18:40 Mis à jour le 13/03/2024 à 19:02", "dateline"),
    ("Mis à jour le mercredi 13 mars 2024", "dateline"),
    ("Temps de lecture : 3 min", "dateline"),
    ("Par Jean Dupont - publié le 12 mars 2024 à 10h", "dateline"),
    ("Par Jean Dupont, envoyé spécial à Kiev", "byline"),
    ("Par la rédaction", "byline"),
    ("Avec AFP", "byline"),
    ("(avec AFP et Reuters)", "byline"),
    ("Abonnez-vous à notre newsletter pour recevoir l’essentiel de l’actualité.", "subscription"),
    ("Inscrivez-vous à la newsletter", "subscription"),
    ("Recevez chaque matin notre sélection d’articles.", "subscription"),
    ("Cet article est réservé aux abonnés.", "subscription"),
    ("Il vous reste 75 % de cet article à lire.", "subscription"),
    ("Déjà abonné ? Connectez-vous", "subscription"),
    ("Nous utilisons des cookies pour améliorer votre expérience sur notre site.", "cookie_banner"),
    ("En poursuivant votre navigation, vous acceptez l’utilisation de cookies.", "cookie_banner"),
    ("Accepter les cookies", "cookie_banner"),
    ("Publicité", "advertisement"),
    ("Contenu sponsorisé", "advertisement"),
    ("Tags : Ukraine, Russie, OTAN", "tags"),
    ("Mots-clés : diplomatie, Sahel", "tags"),
    ("Cet article a été publié initialement sur le site de nos confrères.", "republication"),
    ("Cette tribune est parue dans notre édition du 3 mars.", "republication"),
    ("Photo : une patrouille de l’armée malienne, en 2023 (archives).", "photo_credit"),
    ("Crédit : Jean Dupont / AFP", "photo_credit"),
    ("Crédit photo © Reuters", "photo_credit"),
    ("© AFP", "photo_credit"),
    ("(Photo AFP)", "photo_credit"),
    ("AFP / Archives", "photo_credit"),
    ("Des manifestants à Paris, le 12 mars. © Reuters / Jean Dupont", "photo_credit"),
    ("Illustration : Getty Images", "photo_credit"),
    ("Tous droits réservés", "copyright"),
    ("Reproduction interdite sans autorisation.", "copyright"),
    ("Amateur de jazz. Accro aux séries professionnel. Gourou typique des podcasts. "
     "Rêveur primé. Fan de la culture geek invétéré.", "author_bio"),
    ("« Fan de télévision. Pionnier du bacon. Expert en voyages. Évangéliste d’Internet. »",
     "author_bio"),
    ("Passionné de géopolitique. Fan de rugby.", "author_bio"),
    ("Imprimer l’article", "share_menu"),
    ("Offrir cet article", "share_menu"),
    ("Suivez toute l’actualité de France 24 sur Google Actualités", "share_menu"),
    ("Signaler une erreur", "comment_form"),
    ("Voir plus", "related_link"),
    ("Recommandé pour vous", "related_link"),
    ("Le Monde avec AFP", "byline"),
    ("France 24 avec AFP", "byline"),
    ("La rédaction avec Reuters", "byline"),
    ("(AFP)", "byline"),
    ("Propos recueillis par Jean Dupont", "byline"),
    ("Propos recueillis par notre correspondante à Dakar", "byline"),
    ("Chaque matin, recevez l’essentiel de l’actualité dans votre boîte mail.", "subscription"),
    ("Cet article vous a plu ?", "subscription"),
    ("Soutenez-nous", "subscription"),
    ("Pour voir ce contenu, vous devez accepter les cookies.", "cookie_banner"),
    ("Ce contenu est bloqué car vous n’avez pas accepté les cookies.", "cookie_banner"),
    ("Contenus sponsorisés", "advertisement"),
    ("Menu", "menu"),
    ("Haut de page", "menu"),
    ("Article suivant", "menu"),
    ("Publié Mis à jour", "dateline"),
    ("Publié le", "dateline"),
    ("Des soldats maliens à Gao, le 3 mars 2024. (JEAN DUPONT / AFP)", "photo_credit"),
]

KEPT = [
    "Les experts interrogés restent prudents. Un spécialiste du Sahel parle de crise durable.",
    "Les fans du club ont manifesté devant le stade samedi.",
    "Le fan-club du président a été dissous.",
    "Expert en explosifs, il avait été formé en Syrie. Il a été arrêté mardi.",
    "Un expert de l’ONU. Un spécialiste des sanctions. Ils ont rendu leur rapport en 2023.",
    "Le ministre a reçu ses homologues. Les discussions ont duré six heures. Rien n’a été signé.",
    "Par ailleurs, le président a reçu son homologue sénégalais à l’Élysée.",
    "Publié le 12 mars, le rapport de l’ONU accuse les deux camps de crimes de guerre.",
    "La photo publiée par le ministère montre des soldats dans un village détruit.",
    "Partager les renseignements reste une priorité pour les deux armées, selon l’état-major.",
    "Voir encore des civils mourir est insupportable, a déclaré la ministre.",
    "Lire le rapport prendra du temps aux enquêteurs, a reconnu le procureur.",
    "Selon l’AFP, au moins six soldats ont été tués.",
    "Recevoir des armes de l’Occident reste la priorité de Kiev.",
    "Crédit d’impôt : le gouvernement recule face aux syndicats",
    "Publicité mensongère : l’entreprise condamnée à payer 2 millions d’euros",
    "Newsletter ou pas, les lecteurs restent fidèles au journal, selon une étude.",
    "Commentaire de l’ambassadeur : « C’est une provocation. »",
    "Accueil chaleureux pour le président à Dakar",
    "Tous droits réservés aux auteurs, a rappelé le tribunal dans son jugement sur le plagiat.",
    "Photos et vidéos circulent sur les réseaux sociaux depuis mardi.",
    "» Nous reviendrons, a promis le chef rebelle.",
    "« Nous ne céderons pas », a-t-il dit.",
    "Un non clair de l’OTAN",
    "Des garanties sécuritaires au cœur des discussions",
    "La Russie et l’Ukraine ont échangé des prisonniers mardi.",
    "Le président a démissionné.",
    "Abonné au conflit, le Sahel attend toujours une solution politique.",
    "Répondre aux accusations de Moscou n’est pas la priorité de Paris, selon un diplomate.",
    "Tags et graffitis ont été effacés des murs de l’ambassade.",
    "Suivez le guide, a lancé le ministre.",
    "Le ministre a travaillé avec l’AFP.",
    "Le journaliste travaillait avec Reuters",
    "Reportage par temps de guerre",
    "Retour au calme à Bamako",
    "Menu chargé pour le sommet de Bruxelles",
    "Kiev devra accepter les conditions de Moscou, selon le Kremlin.",
    "Rechercher la paix reste l’objectif, a-t-il dit.",
    "Texte par texte, les députés ont examiné la réforme.",
    "Écrit par un ancien ministre, le livre accuse l’Élysée.",
    "Offrir des garanties à l’Ukraine divise les Européens.",
    "Sauvegarder l’accord sur le nucléaire iranien reste possible, estime Paris.",
    "Recevez-vous des menaces ? a demandé le juge au témoin.",
    "Photographe de l’AFP, il a été blessé à Gaza.",
    "Par Allah, nous vaincrons, a crié le chef du groupe armé dans une vidéo.",
    "Publié mardi, le rapport accuse l’armée.",
    "Mis à jour chaque année, le classement place la France en tête.",
    "Le bilan a été revu à la hausse (source : ministère de la Santé).",
]


@pytest.mark.parametrize(("paragraph", "reason"), DROPPED)
def test_clean_boilerplate_dropped_with_reason(paragraph, reason):
    assert classify(paragraph, patterns()) == reason


@pytest.mark.parametrize("paragraph", KEPT)
def test_clean_boilerplate_news_prose_kept(paragraph):
    assert classify(paragraph, patterns()) is None


def cleaned(text: str) -> Document:
    return clean(Document(article=article_from_text(text), text=text))


def kept_text(document: Document) -> list[str]:
    return [document.text[p.start : p.end] for p in document.paragraphs]


def test_clean_content_farm_tail_byline_bio_and_comment_form():
    text = (
        "Kiev et Varsovie signent un accord sur les céréales\n\n"
        "Les gouvernements ukrainien et polonais ont signé lundi un accord sur le transit "
        "des céréales, selon le ministère polonais de l’Agriculture.\n\n"
        "Les deux pays s’opposaient depuis des mois sur ce dossier.\n\n"
        "Camille Fontaine\n\n"
        "\"Amatrice de café. Fan de voyages incurable. Pionnière des médias sociaux. "
        "Experte en culture pop.\"\n\n"
        "Laisser un commentaire\n\n"
        "Votre adresse e-mail ne sera pas publiée. Les champs obligatoires sont indiqués avec *\n"
    )
    document = cleaned(text)
    reasons = [(d.reason, text[d.start : d.end][:20]) for d in document.dropped]
    assert [r for r, _ in reasons] == ["byline", "author_bio", "comment_form", "comment_form"]
    assert kept_text(document) == [
        "Kiev et Varsovie signent un accord sur les céréales",
        "Les gouvernements ukrainien et polonais ont signé lundi un accord sur le transit "
        "des céréales, selon le ministère polonais de l’Agriculture.",
        "Les deux pays s’opposaient depuis des mois sur ce dossier.",
    ]


def test_clean_dropped_offsets_point_into_the_original_text():
    text = "Titre de l’article\n\nLe ministre a parlé.\n\n  Partager sur Facebook  \n\n© AFP\n"
    document = cleaned(text)
    assert [text[d.start : d.end] for d in document.dropped] == ["Partager sur Facebook", "© AFP"]


def test_clean_headings_and_short_paragraphs_stay():
    text = (
        "Le Niger et le Bénin rouvrent leur frontière\n\n"
        "Les deux pays ont annoncé mardi la réouverture de leur frontière.\n\n"
        "Une crise de plusieurs mois\n\n"
        "La fermeture avait coûté cher aux commerçants.\n\n"
        "Il a démissionné.\n\n"
        "Non.\n\n"
        "Des experts prudents\n\n"
        "Les analystes attendent des gestes concrets des deux capitales.\n"
    )
    document = cleaned(text)
    assert document.dropped == []
    assert len(document.paragraphs) == 8


def test_clean_trailing_menu_lines_are_dropped_but_a_final_heading_alone_is_not():
    prose = "Les deux délégations se retrouveront à Lomé dans les prochaines semaines."
    document = cleaned(f"Titre\n{prose}\nInfos à la une\nCommuniqués\nCôte d'Ivoire\n")
    assert [d.reason for d in document.dropped] == ["menu", "menu", "menu"]
    assert kept_text(document) == ["Titre", prose]
    document = cleaned(f"Titre\n\n{prose}\n\nLa suite au prochain sommet\n")
    assert document.dropped == []
    document = cleaned(f"{prose}\n\nttn-fr-3\n")
    assert [d.reason for d in document.dropped] == ["menu"]


def test_clean_whole_article_of_boilerplate_leaves_nothing_to_parse():
    document = cleaned("Laisser un commentaire\n\nPartager sur Facebook\n")
    assert document.paragraphs == [] and len(document.dropped) == 2


def test_clean_patterns_are_compiled_once():
    assert patterns() is patterns()


def test_clean_headline_before_boilerplate_is_not_a_byline():
    document = cleaned("Kiev Répond À Moscou\n\nLaisser un commentaire\n")
    assert kept_text(document) == ["Kiev Répond À Moscou"]
    assert [d.reason for d in document.dropped] == ["comment_form"]


def test_clean_boilerplate_data_file_is_well_formed():
    import yaml

    from selon.clean import DATA

    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    reasons = [rule["reason"] for rule in data["rules"]]
    assert len(reasons) == len(set(reasons)), "one entry per reason"
    for rule in data["rules"]:
        assert set(rule) <= {"reason", "max_words", "patterns"}, rule["reason"]
        assert rule["patterns"], rule["reason"]
        assert rule.get("max_words") is None or int(rule["max_words"]) > 0
    assert set(data["bio"]) == {"min_fragments", "min_share", "max_words_per_fragment",
                                "short_fragment_words"}
    assert all(isinstance(w, str) and w == w.lower() for w in data["bio_words"])
    compiled = patterns()
    assert sum(len(r.patterns) for r in compiled.rules) == sum(
        len(r["patterns"]) for r in data["rules"]
    )
    assert not any("{" in rx.pattern and "}" in rx.pattern and "{networks}" in rx.pattern
                   for r in compiled.rules for rx in r.patterns), "macros are expanded"
