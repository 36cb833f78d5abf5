"""Print the country rows of ``src/selon/events/data/places.csv`` (run once, by hand).

Why a script: the French names of every ISO 3166 country come from the
iso-codes translations shipped with pycountry, which the runtime must not need;
the result is pasted into the gazetteer. ISO lists inverted names ("Russie,
Fédération de"), so the usual press names are given below as extra aliases.

    python scripts/make_places_countries.py > /tmp/countries.csv
"""

from __future__ import annotations

import csv
import gettext
import sys

import pycountry

#: names the French press uses that ISO spells differently (alias → alpha-3)
ALIASES = {
    "Russie": "RUS", "Fédération de Russie": "RUS", "Iran": "IRN", "Syrie": "SYR",
    "Corée du Sud": "KOR", "Corée du Nord": "PRK", "Laos": "LAO", "Moldavie": "MDA",
    "Tanzanie": "TZA", "Venezuela": "VEN", "Vénézuela": "VEN", "Bolivie": "BOL",
    "Vietnam": "VNM", "Viêt Nam": "VNM", "Taïwan": "TWN", "Palestine": "PSE",
    "État de Palestine": "PSE", "Territoires palestiniens": "PSE", "Biélorussie": "BLR",
    "Bélarus": "BLR", "Belarus": "BLR", "Myanmar": "MMR", "Centrafrique": "CAF",
    "RCA": "CAF", "RDC": "COD", "RD Congo": "COD", "Congo-Kinshasa": "COD",
    "Congo-Brazzaville": "COG", "Congo": "COG", "République tchèque": "CZE",
    "Grande-Bretagne": "GBR", "Angleterre": "GBR", "Écosse": "GBR", "Pays de Galles": "GBR",
    "Irlande du Nord": "GBR", "Hollande": "NLD", "Etats-Unis": "USA",
    "États-Unis d'Amérique": "USA",
    "Émirats": "ARE", "EAU": "ARE", "Vatican": "VAT", "Saint-Siège": "VAT",
    "Kosovo": "XKX", "Timor-Leste": "TLS", "Swaziland": "SWZ", "Macédoine": "MKD",
    "Brunei": "BRN", "Cap Vert": "CPV", "Guinée équatoriale": "GNQ", "Irak": "IRQ",
    "Iraq": "IRQ", "Libéria": "LBR", "Liberia": "LBR", "Surinam": "SUR", "Suriname": "SUR",
    "Salvador": "SLV", "El Salvador": "SLV", "Île Maurice": "MUS", "Kirghizstan": "KGZ",
    "Groenland": "GRL", "La Réunion": "REU", "Réunion": "REU", "Macao": "MAC",
    "Îles Salomon": "SLB", "Îles Malouines": "FLK", "Malouines": "FLK",
    "Sahara occidental": "ESH", "Burkina": "BFA", "Ouzbékistan": "UZB", "Turkménistan": "TKM",
}


def main() -> None:
    fr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])
    rows: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("common_name", "name", "official_name"):
            value = getattr(c, attr, None)
            if not value:
                continue
            name = fr.gettext(value)
            if ", " in name or "(" in name:  # inverted ISO forms: covered by ALIASES
                continue
            rows.setdefault(name, c.alpha_3)
    for name, code in ALIASES.items():
        rows.setdefault(name, code)
    out = csv.writer(sys.stdout, lineterminator="\n")
    for name, code in sorted(rows.items(), key=lambda r: (r[1], r[0])):
        out.writerow([name, code, "country", ""])


if __name__ == "__main__":
    main()
