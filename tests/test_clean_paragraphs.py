"""Paragraph splitting: blank lines always, single line breaks unless the line wraps."""

from __future__ import annotations

import pytest

from selon.clean import split_paragraphs


def paragraphs(text: str) -> list[str]:
    return [text[p.start : p.end] for p in split_paragraphs(text)]


def test_clean_paragraphs_blank_lines_and_trimming():
    text = "  Titre  \n\n\nPremier paragraphe.\n \t\nSecond paragraphe.\n\u00a0\nFin."
    assert paragraphs(text) == ["Titre", "Premier paragraphe.", "Second paragraphe.", "Fin."]


def test_clean_paragraphs_one_per_line_when_lines_are_paragraphs():
    text = (
        "L’armée annonce avoir repoussé une attaque\n"
        "Une attaque repoussée\n"
        "Les militaires ont riposté dimanche, selon un communiqué.\n"
        "« Nous tiendrons », a déclaré le colonel.\n"
        "- un premier point\n"
        "- un second point"
    )
    assert len(paragraphs(text)) == 6


@pytest.mark.parametrize(
    "text",
    [
        "Le ministre suédois a rejeté les demandes de la Russie et\net d’autres pays nordiques.",
        "Selon l’état-major, le président\ns’entretiendra avec son homologue « dans la soirée ».",
    ],
)
def test_clean_paragraphs_a_break_before_lower_case_is_a_wrap(text):
    assert paragraphs(text) == [text]


def test_clean_paragraphs_hard_wrapped_block_is_one_paragraph():
    text = (
        "Le gouvernement a annoncé mardi soir une série de mesures destinées à\n"
        "soutenir les agriculteurs, après plusieurs semaines de mobilisation dans\n"
        "Paris et en province. Le Premier ministre doit détailler ces annonces\n"
        "mercredi."
    )
    assert paragraphs(text) == [text]


def test_clean_paragraphs_crlf_and_offsets():
    text = "Titre\r\n\r\nLe ministre a parlé.\r\nLe président a répondu."
    spans = split_paragraphs(text)
    assert [text[p.start : p.end] for p in spans] == [
        "Titre", "Le ministre a parlé.", "Le président a répondu."
    ]


def test_clean_paragraphs_empty_text():
    assert split_paragraphs("") == [] and split_paragraphs(" \n\n \n") == []
