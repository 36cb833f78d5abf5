"""HTML end to end: furniture left inside the article by trafilatura is dropped by clean."""

from __future__ import annotations

from selon.ingest.html import article_from_html
from selon.pipeline import extract_many

PAGE = """<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">
<title>Manœuvres en mer Égée : Athènes proteste</title></head><body>
<header><nav><a href="/">Accueil</a> <a href="/europe">Europe</a></nav></header>
<article>
<h1>Manœuvres en mer Égée : Athènes proteste</h1>
<p>Publié le 14 mars 2024 à 9 h 30, mis à jour le 14 mars 2024 à 11 h</p>
<p>La Grèce a convoqué jeudi l’ambassadeur de Turquie après l’annonce de manœuvres navales
au large de plusieurs îles, a indiqué le ministère grec des Affaires étrangères.</p>
<figure><img src="x.jpg">
<figcaption>Une frégate grecque au large de Rhodes. © AFP</figcaption></figure>
<p>Lire aussi : Entre Athènes et Ankara, le dégel reste fragile</p>
<p>Selon un communiqué du ministère, ces manœuvres constitueraient « une provocation inutile »
à quelques jours d’une rencontre prévue entre les deux ministres de la Défense.</p>
<p>Partager sur Facebook Partager sur X Envoyer par e-mail</p>
<p>Abonnez-vous à notre newsletter pour ne rien manquer de l’actualité européenne.</p>
</article>
<footer><p>© 2024 Journal de test – Tous droits réservés</p></footer>
</body></html>"""

FURNITURE = ("Publié le", "Lire aussi", "Partager", "Abonnez-vous", "© AFP", "Accueil",
             "Tous droits")


def test_pipeline_html_furniture_never_reaches_the_sentences(nlp):
    article = article_from_html(PAGE, "page.html", default_published="2024-03-14")
    (record,) = extract_many([article], nlp=nlp)
    assert not record.errors
    sentences = [record.text[s.start : s.end] for s in record.sentences]
    assert any("convoqué jeudi l’ambassadeur" in s for s in sentences)
    assert any(s.startswith("Selon un communiqué du ministère") for s in sentences)
    for furniture in FURNITURE:
        assert not any(furniture in s for s in sentences), furniture
    # what trafilatura kept of the furniture, clean dropped, with a reason
    for d in record.dropped:
        assert d.reason and record.text[d.start : d.end].strip()
    for furniture in FURNITURE:
        at = record.text.find(furniture)
        if at >= 0:  # trafilatura kept it: clean must have dropped it
            assert any(d.start <= at < d.end for d in record.dropped), furniture
