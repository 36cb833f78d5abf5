"""Event status: occurred, planned, negated, hypothetical, on sentences written for the tests."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "etype", "status"),
    [
        ("Les rebelles ont attaqué le camp militaire.", "ASSAULT", "occurred"),
        ("Le président rencontrera son homologue jeudi à Dakar.", "CONSULT", "planned"),
        ("Le gouvernement veut expulser l'ambassadeur.", "SANCTION", "planned"),
        ("L'armée n'a pas bombardé le village.", "ASSAULT", "negated"),
        ("Le ministère a démenti toute arrestation de journalistes.", "COERCE", "negated"),
        ("Les rebelles ont refusé de se retirer de la ville.", "RETREAT", "negated"),
        ("Si les négociations échouent, l'armée attaquera la ville.", "ASSAULT", "hypothetical"),
        ("Le président a annoncé son intention de retirer les troupes.", "RETREAT", "planned"),
        ("Aucun accord n'a été trouvé entre les deux délégations.", "AGREE", "negated"),
        ("Ils redoutent une éventuelle offensive de l'armée.", "ASSAULT", "hypothetical"),
        ("Le Premier ministre doit présider une réunion de crise jeudi.", "CONSULT", "planned"),
        ("Les discussions entre les deux pays vont se poursuivre.", "CONSULT", "planned"),
        ("Le président a annoncé qu'il retirerait ses troupes du pays.", "RETREAT", "planned"),
        ("Le gouvernement a proposé d'ouvrir des négociations avec les syndicats.",
         "CONSULT", "planned"),
        ("L'armée aurait bombardé plusieurs villages, selon des témoins.", "ASSAULT", "occurred"),
        ("Un communiqué qui pourrait justifier les attaques de la semaine dernière.",
         "ASSAULT", "occurred"),
    ],
)
def test_events_status(code, text, etype, status):
    events = [e for e in code(text).events if e.type == etype]
    assert events, f"no {etype} event in {text!r}"
    assert events[0].status == status
