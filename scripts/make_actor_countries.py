"""Write ``src/selon/actors/data/countries.csv`` (run once, by hand).

Why a script: the French names of every ISO 3166 country come from the
iso-codes translations shipped with pycountry, which the runtime must not need.
ISO names are inverted or official ("Russie, Fédération de"), and it knows
nothing of demonyms or seats of power, so the usual press name, the demonym
(masculine/feminine singular; plurals are derived below), capitals and seats
of power used as metonyms are written by hand in TABLE, from general knowledge
of French usage, in actor_countries_table.txt. The CSV it writes is the
source of truth from then on: edit the CSV directly for small changes.

    python scripts/make_actor_countries.py > src/selon/actors/data/countries.csv
"""

from __future__ import annotations

import csv
import gettext
import sys
from pathlib import Path

import pycountry

# the hand-written table: see the header of actor_countries_table.txt
TABLE = (Path(__file__).parent / "actor_countries_table.txt").read_text(encoding="utf-8")



def plural(word: str) -> str:
    """French plural of a demonym form: -s, -x and -z are invariable; -al → -aux."""
    if word.endswith(("s", "x", "z")):
        return word
    return word + "s"


def forms(spec: str) -> list[str]:
    out: list[str] = []
    for part in spec.split(";"):
        if not part:
            continue
        ms, _, fs = part.partition("/")
        fs = fs or ms
        for w in (ms, fs, plural(ms), plural(fs)):
            if w not in out:
                out.append(w)
    return out


def main() -> None:
    fr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])
    iso_names: dict[str, list[str]] = {}
    for c in pycountry.countries:
        for attr in ("common_name", "name", "official_name"):
            value = getattr(c, attr, None)
            if value:
                name = fr.gettext(value)
                if "," not in name and "(" not in name and name != "Dominique":  # a first name
                    iso_names.setdefault(c.alpha_3, []).append(name)
    w = csv.writer(sys.stdout, lineterminator="\n")
    sys.stdout.write(HEADER)
    w.writerow(["iso3", "name", "wikidata", "names", "demonyms", "seats"])
    for line in TABLE.strip().splitlines():
        if line.startswith("#") or not line.strip():
            continue
        iso, name, dem, seats, others, qid = line.split("|")
        names = [n for n in others.split(";") if n]
        for n in iso_names.get(iso, []):
            if n != name and n not in names:
                names.append(n)
        w.writerow([iso, name, qid, "|".join(names), "|".join(forms(dem)), seats.replace(";", "|")])


HEADER = """\
# Countries as actors: every sovereign state (and a few disputed or dependent
# territories that appear in news), with the names French news uses for it.
#
# Columns:
#   iso3      ISO 3166-1 alpha-3 (XKX for Kosovo, which ISO does not list)
#   name      the usual French press name, used as the actor's name
#   wikidata  Wikidata Q-id of the state (empty when unchecked)
#   names     other names, "|"-separated: official French names from ISO 3166
#             (pycountry's iso-codes translations) and press variants
#             (Bélarus/Biélorussie, RDC, Etats-Unis without accent)
#   demonyms  the demonym adjective in every gender and number, "|"-separated
#             (russe/russes, malien/malienne/maliens/maliennes); written by
#             hand from French usage, plurals derived by rule
#   seats     capitals and seats of power used as metonyms for the government
#             (Moscou, Kremlin, Élysée, Maison-Blanche, Koulouba); a leading
#             article is left out (matching ignores "le", "la", "l'")
#
# Generated once by scripts/make_actor_countries.py; edit this file directly.
# Matching ignores case and accents, but a name written with a capital matches
# only a capitalised word in the text.
"""


if __name__ == "__main__":
    main()
