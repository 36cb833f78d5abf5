"""The sentence presetter: sentences start after terminal punctuation, headings stand alone."""

from __future__ import annotations

import pytest


def sentences(document, text: str) -> list[str]:
    doc = document(text)
    return [doc.text[s:e] for s, e in (doc.span_offsets(sent) for sent in doc.doc.sents)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Un non clair de l’OTAN\n\nL’OTAN rejette les demandes de la Russie.",
            ["Un non clair de l’OTAN", "L’OTAN rejette les demandes de la Russie."],
        ),
        (
            "Des garanties au cœur des discussions\nLes deux délégations se retrouveront lundi.",
            ["Des garanties au cœur des discussions",
             "Les deux délégations se retrouveront lundi."],
        ),
        (
            "Selon l’état-major, la présidente recevra son homologue dans la soirée.",
            ["Selon l’état-major, la présidente recevra son homologue dans la soirée."],
        ),
        (
            "Mi-janvier, la Maison Blanche a publié une liste de 12 mesures.",
            ["Mi-janvier, la Maison Blanche a publié une liste de 12 mesures."],
        ),
        (
            "M. Macron a reçu M. Scholz à l’Élysée. Ils ont parlé de l’Ukraine.",
            ["M. Macron a reçu M. Scholz à l’Élysée.", "Ils ont parlé de l’Ukraine."],
        ),
        (
            "Le rapport de J. K. Dupont a été publié mardi. Il accuse Moscou.",
            ["Le rapport de J. K. Dupont a été publié mardi.", "Il accuse Moscou."],
        ),
        (
            "« Nous tiendrons. » Le colonel a ensuite quitté la salle.",
            ["« Nous tiendrons. »", "Le colonel a ensuite quitté la salle."],
        ),
        (
            "L’ONU a réagi mardi. 17 pays ont signé la déclaration.",
            ["L’ONU a réagi mardi.", "17 pays ont signé la déclaration."],
        ),
        (
            "Le bilan s’élève à 1.500 morts, selon les autorités.",
            ["Le bilan s’élève à 1.500 morts, selon les autorités."],
        ),
        (
            "Est-ce la fin... Personne ne le sait. Quoi ?! Il est parti.",
            ["Est-ce la fin...", "Personne ne le sait.", "Quoi ?!", "Il est parti."],
        ),
        (
            "« Cela ruine le commerce. Qui va payer les dégâts ? » réagit un artisan.",
            ["« Cela ruine le commerce. Qui va payer les dégâts ? » réagit un artisan."],
        ),
        (
            'Le ministre a parlé. "La haine n’a pas sa place", a-t-il dit. "Nous tiendrons."',
            ["Le ministre a parlé.", '"La haine n’a pas sa place", a-t-il dit.',
             '"Nous tiendrons."'],
        ),
        (
            'Elle insiste : "Il n’y a pas eu de violence. Tout était calme." Puis elle part.',
            ['Elle insiste : "Il n’y a pas eu de violence. Tout était calme."',
             "Puis elle part."],
        ),
        (
            "« Nous reviendrons. Le combat continue, a-t-il dit. Personne ne répond.",
            ["« Nous reviendrons.", "Le combat continue, a-t-il dit.", "Personne ne répond."],
        ),
        (
            "Est-ce la fin ? Personne ne le sait à Bamako.",
            ["Est-ce la fin ?", "Personne ne le sait à Bamako."],
        ),
    ],
)
def test_parse_sentences_presetter(document, text, expected):
    assert sentences(document, text) == expected


def test_parse_sentences_component_runs_before_the_parser(nlp):
    names = nlp.pipe_names
    assert "selon_sentences" in names
    assert names.index("selon_sentences") < names.index("parser")


def test_parse_sentences_load_nlp_is_cached(nlp):
    from selon.parse import load_nlp

    assert load_nlp() is nlp
