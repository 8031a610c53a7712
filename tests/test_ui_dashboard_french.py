"""The Dashboard in French writes numbers as French readers do: 0,5 and 25 %, never 0.5."""

from __future__ import annotations

import pytest

from desktop import case_forms
from tests.stories import HEALTH_CENTRE, answers, consent, registration
from ui import i18n
from ui.background import wait_for_background
from ui.dashboard import DashboardWidget
from ui.session_holder import SessionHolder

TIMEOUT = 15_000


@pytest.fixture
def french():
    i18n.set_language("fr")
    yield
    i18n.set_language("en")


def test_the_dashboard_in_french_writes_weights_and_percentages_the_french_way(
    qtbot, agency, french
):
    # Cara holds one case whose risk went from high to low: a weighted caseload of 0.5, and
    # 15.1 at 100%.
    with agency.sign_in("cara") as us:
        uuid = case_forms.register_with_forms(
            us, {"registration": registration(), "consent": consent(HEALTH_CENTRE)}
        ).uuid
        for form_id, risk in (("initial_assessment", "high"), ("full_assessment", "low")):
            case_forms.submit_form(us, uuid, form_id, answers(us, form_id, risk_level=risk), None)
    session = agency.sign_in("sam")
    try:
        board = DashboardWidget(SessionHolder(session))
        qtbot.addWidget(board)
        qtbot.waitUntil(lambda: board.data is not None, timeout=TIMEOUT)
        heading = board.caseload_heading.text()
        assert "faible 0,5" in heading and "0.5" not in heading
        assert "faible 0,5" in board.tiles["15.7"].toolTip()
        assert "Cara Caseworker: 0,5 (1)" in board.bars.accessibleDescription()
        assert board.tiles["15.1"].figure.text() == "100 %"
        assert board.tiles["15.1"].ratio.text() == "1 sur 1"
    finally:
        wait_for_background()
        session.close()
