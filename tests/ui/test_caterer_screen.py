"""The caterer mode: meal passes scanned at the lunch counter (demo file, Saturday 11/11/2023)."""

import json

import pytest
from PySide6.QtCore import Qt

from desktop.models import members
from desktop.models.checkin import check_in_member
from desktop.models.convention import get_session
from desktop.models.facts import void_fact
from desktop.models.meals import GuestRole, give_guest_meal_pass, give_meal_pass
from desktop.ui.caterer_screen import CatererScreen
from desktop.ui.sounds import Sounds
from desktop.ui.wording import COLOURS, Role
from tests.ui.conftest import scan


@pytest.fixture
def session(demo_db):
    return get_session(demo_db, "we1-samedi")


@pytest.fixture
def passes(demo_db, session, desk, clock):
    """Meal passes for three members and one guest; returns their QR payloads."""
    issued = {}
    for member in members.all_members(demo_db)[:3]:
        check_in_member(demo_db, member.id, session, desk, clock)
        issued[member.display_name] = give_meal_pass(demo_db, member.id, session, desk, clock)
    guest = give_guest_meal_pass(demo_db, session, "Dr Anne Sorel", GuestRole.EXPERT, desk, clock)
    issued["Dr Anne Sorel"] = guest
    assert all(result.recorded for result in issued.values())
    return {name: result.meal_pass for name, result in issued.items()}


@pytest.fixture
def screen(qtbot, demo_db, desk, clock, session):
    widget = CatererScreen(
        demo_db, desk, clock, session, sounds=Sounds(enabled=False), refresh_ms=0
    )
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def served(db):
    rows = db.execute(
        "SELECT member_id, agent, payload FROM live_events WHERE kind = 'meal.served' ORDER BY seq"
    ).fetchall()
    return [(row[0], row[1], json.loads(row[2])) for row in rows]


def banner(screen):
    shown = screen.banner.current
    return shown.role, screen.banner.icon.text(), screen.banner.title.text(), shown.detail


def test_ready_with_the_lunch_and_the_counts(screen, passes):
    assert screen.heading.text() == "Mode traiteur — repas du 11/11/2023 (Week-end 1)"
    assert screen.banner.title.text() == "Prêt : scannez un pass repas"
    assert screen.focusWidget() is screen.scan_field
    screen.refresh_counts()
    assert screen.counts.text() == "Servis : 0 / 4 pass remis (membres 0 / 3, invités 0 / 1)"


def test_first_scan_serves_second_says_when(qtbot, screen, demo_db, passes, clock):
    first = next(iter(passes.values()))
    clock.now = clock.now.replace(hour=11, minute=41)  # 12:41 in Montpellier
    with qtbot.waitSignal(screen.redeemed, timeout=10_000) as redeemed:
        scan(qtbot, screen.scan_field, first.qr_payload)
    assert redeemed.args[0].served
    role, icon, title, detail = banner(screen)
    assert (role, icon, title) == (Role.SUCCESS, "✔", "Servi")
    assert COLOURS[Role.SUCCESS][0] in screen.banner.styleSheet()
    assert detail == f"{first.holder} — menu {first.menu}"
    ((member_id, agent, payload),) = served(demo_db)
    assert member_id == first.member_id and agent == "Martin"
    assert payload["token"] == first.token
    assert screen.counts.text().startswith("Servis : 1 / 4 pass remis (membres 1 / 3")
    assert screen.recent.item(0).text() == f"12:41 — {first.holder} — menu {first.menu}"
    assert screen.scan_field.text() == "" and screen.focusWidget() is screen.scan_field

    clock.advance(minutes=7)
    scan(qtbot, screen.scan_field, first.qr_payload)
    role, icon, title, detail = banner(screen)
    assert (role, icon, title) == (Role.WARNING, "⚠", "Déjà servi à 12:41")
    assert "Guichet démo, agent Martin" in detail and "ne pas servir" in detail
    assert len(served(demo_db)) == 1
    assert screen.counts.text().startswith("Servis : 1 / 4")
    screen.banner.reset()  # what its timer does after a while
    assert screen.banner.title.text() == "Prêt : scannez un pass repas"


def test_a_guest_pass_is_counted_apart(qtbot, screen, demo_db, passes):
    guest = passes["Dr Anne Sorel"]
    scan(qtbot, screen.scan_field, guest.qr_payload, end=Qt.Key.Key_Tab)
    assert banner(screen)[2] == "Servi"
    assert banner(screen)[3] == "Dr Anne Sorel — invité·e (expert·e)"
    assert screen.counts.text() == "Servis : 1 / 4 pass remis (membres 0 / 3, invités 1 / 1)"


def test_refusals_in_words_colour_and_icon(qtbot, screen, demo_db, passes, desk, clock):
    first, second, *_ = passes.values()
    forged = first.qr_payload[:-1] + ("B" if first.qr_payload[-1] != "B" else "C")
    scan(qtbot, screen.scan_field, forged)
    assert banner(screen)[:3] == (Role.ERROR, "✖", "Pass non valable")
    assert void_fact(demo_db, second.event_id, "pass imprimé en double", desk, clock).value
    scan(qtbot, screen.scan_field, second.qr_payload)
    assert banner(screen)[:3] == (Role.ERROR, "✖", "Pass annulé")
    badge = members.current_badge(demo_db, first.member_id)
    scan(qtbot, screen.scan_field, badge)
    assert banner(screen)[2] == "Badge, pas un pass repas"
    scan(qtbot, screen.scan_field, "")
    assert banner(screen)[:3] == (Role.INFO, "ℹ", "Rien n'a été lu")
    assert served(demo_db) == []
    # words and icon, and the colour too: the banner's style rule applies to it
    assert screen.banner.objectName() == "resultBanner"
    assert COLOURS[Role.INFO][0] in screen.banner.styleSheet()


def test_a_pass_for_another_lunch(qtbot, screen, demo_db, desk, clock):
    other = get_session(demo_db, "we2-samedi")
    member = members.all_members(demo_db)[5]
    check_in_member(demo_db, member.id, other, desk, clock)
    meal_pass = give_meal_pass(demo_db, member.id, other, desk, clock).meal_pass
    scan(qtbot, screen.scan_field, meal_pass.qr_payload)
    role, icon, title, detail = banner(screen)
    assert (role, icon, title) == (Role.ERROR, "✖", "Pass d'un autre repas")
    assert "Week-end 2 — 09/12/2023 (journée)" in detail
    assert served(demo_db) == []


def test_counts_follow_passes_issued_at_the_desk(qtbot, demo_db, desk, clock, session, passes):
    screen = CatererScreen(
        demo_db, desk, clock, session, sounds=Sounds(enabled=False), refresh_ms=20
    )
    qtbot.addWidget(screen)
    screen.show()
    member = members.all_members(demo_db)[10]
    check_in_member(demo_db, member.id, session, desk, clock)
    give_meal_pass(demo_db, member.id, session, desk, clock)
    qtbot.waitUntil(lambda: "/ 5 pass remis" in screen.counts.text(), timeout=10_000)
    screen.close()  # the caterer leaves: counting stops with the screen
    assert not screen._timer.isActive()


def test_the_scan_field_follows_the_text_size_setting(qapp, qtbot, demo_db, desk, clock, session):
    from desktop.ui import theme
    from desktop.ui.settings import STANDARD

    def point_size() -> float:
        screen = CatererScreen(
            demo_db, desk, clock, session, sounds=Sounds(enabled=False), refresh_ms=0
        )
        qtbot.addWidget(screen)
        screen.show()
        qtbot.waitExposed(screen)
        return screen.scan_field.font().pointSizeF()

    try:
        theme.apply_theme(qapp, STANDARD, 100)
        normal = point_size()
        theme.apply_theme(qapp, STANDARD, 200)
        large = point_size()
    finally:
        theme.restore_default(qapp)
    assert normal == 22 and large == 44
