"""The main window, driven through its real widgets: sign in, register, search, open, lock."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit

from desktop import accounts, drafts
from desktop.session import UserSession
from tests.conftest import FAST_KDF, PASSWORD
from tests.wizard_helpers import (
    CONSENT_ANSWERS,
    case_files,
    dialogs_answered,
    fill,
    open_window,
    press,
    register_through_wizard,
    registration_answers,
    sign_in,
    type_into,
    wait_for_wizard,
)
from ui.admin import AdminDialog
from ui.background import wait_for_background
from ui.common import HISTORY_ACTIONS
from ui.document_view import DocumentPreview
from ui.form_wizard import FormWizard
from ui.main_window import MainWindow
from ui.providers import ProvidersDialog
from ui.session_holder import SessionHolder


@pytest.fixture(autouse=True)
def _own_settings(tmp_path, monkeypatch, qapp):
    # Column widths are remembered per user in QSettings: keep the tests' away from the user's.
    from PySide6.QtCore import QSettings

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    qapp.setOrganizationName("UlinziTests")


def visible_texts(widget) -> str:
    texts = [w.text() for w in widget.findChildren(QLabel) if w.isVisible()]
    texts += [w.text() for w in widget.findChildren(QLineEdit) if w.isVisible()]
    return "\n".join(texts)


def type_text(qtbot, field, text):
    """Type like a person; QTest can only send ASCII keys, so accents arrive as input text."""
    if text.isascii():
        qtbot.keyClicks(field, text)
    else:
        field.insert(text)


def register(qtbot, window, given, family, *, sex="female"):
    wizard = register_through_wizard(qtbot, window, given, family, sex)
    name = f"{given} {family}"
    qtbot.waitUntil(
        lambda: any(window.tabs.tabToolTip(i) == name for i in range(window.tabs.count())),
        timeout=10000,
    )
    return wizard


def test_register_find_open_and_see_the_viewed_event(qtbot, agency):
    window = open_window(qtbot, agency)
    assert window.case_list.empty.isVisible()  # no cases yet, and it says so
    register(qtbot, window, "Hélène", "Uwimana")
    case_tab = case_files(window)[0]
    assert case_tab.findChild(QLabel, "childName").text() == "Hélène Uwimana"
    window.tabs.setCurrentIndex(0)
    register(qtbot, window, "Baraka", "Otieno", sex="male")
    window.tabs.setCurrentIndex(0)
    # Type in the table: the letters go to the search field; no accent needed.
    window.case_list.table.setFocus()
    qtbot.keyClicks(window.case_list.table, "hel")
    assert window.case_list.search.text() == "hel"
    qtbot.waitUntil(lambda: window.case_list.model.rowCount() == 1, timeout=5000)
    model = window.case_list.model
    assert model.data(model.index(0, 1)) == "Hélène Uwimana"
    assert window.counts.text() == "1 case shown"
    # Enter in the search field opens the only match.
    while window.tabs.count() > 1:
        window.tabs.removeTab(1)
    qtbot.keyClick(window.case_list.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(case_files(window)) == 1, timeout=5000)
    assert window.tabs.tabToolTip(window.tabs.indexOf(case_files(window)[0])) == "Hélène Uwimana"
    history = case_files(window)[0].findChild(type(case_files(window)[0].tabs.widget(1)), "history")
    actions = [history.item(r, 2).text() for r in range(history.rowCount())]
    assert actions[0] == HISTORY_ACTIONS["case.opened"]  # newest first: "Viewed the case file"
    assert HISTORY_ACTIONS["case.registered"] in actions
    window.sign_out()


def test_idle_lock_hides_every_case_detail_and_the_same_user_unlocks(qtbot, agency):
    window = open_window(qtbot, agency)
    register(qtbot, window, "Zawadi", "Wanjiru")
    window.idle.set_interval(300)  # the agency's minutes, shortened for the test
    window.idle.timer.start()
    qtbot.waitUntil(lambda: window.locked, timeout=5000)
    QApplication.processEvents()
    shown = visible_texts(window)
    assert "Zawadi" not in shown and "Wanjiru" not in shown
    assert window.case_list.model.rowCount() == 0
    assert not window.tabs.isVisible()
    assert "Zawadi" not in window.windowTitle()
    assert not window.session.store.is_open  # the key is gone until someone unlocks
    lock_screen = window.lock_screen
    qtbot.keyClicks(lock_screen.password, PASSWORD)
    qtbot.keyClick(lock_screen.password, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: not window.locked and window.case_list.model.rowCount() == 1, timeout=10000
    )
    assert len(case_files(window)) == 1  # the open case file came back
    window.sign_out()


def test_nothing_typed_is_lost_on_lock_or_switch_of_user(qtbot, agency, monkeypatch):
    window = open_window(qtbot, agency)
    window.new_case_action.trigger()
    wizard = wait_for_wizard(qtbot, window)
    qtbot.keyClicks(wizard.widget_for("registration", "given_name").line, "Neema")
    fill(wizard, "registration", {"immediate_priorities": "Safe place tonight"})
    window.lock()
    assert not wizard.isVisible()
    window.lock_screen.username.clear()
    qtbot.keyClicks(window.lock_screen.username, "carl")
    qtbot.keyClicks(window.lock_screen.password, PASSWORD)
    qtbot.keyClick(window.lock_screen.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.locked, timeout=10000)
    assert window.session.user.username == "carl"
    assert not [d for d in window.findChildren(FormWizard) if d.isVisible()]
    assert drafts.load_draft(window.session, "form", "new") is None  # carl does not see it
    window.sign_out()
    wait_for_background()
    window = open_window(qtbot, agency, "cara")
    # Answer "Continue where you stopped?" with yes.
    monkeypatch.setattr(FormWizard, "ask_resume", lambda self, when: True)
    window.new_case_action.trigger()
    resumed = wait_for_wizard(qtbot, window)
    assert resumed.widget_for("registration", "given_name").value() == "Neema"
    assert resumed.answers["registration"]["immediate_priorities"] == "Safe place tonight"
    window.sign_out()  # keeps the typing as her draft again, and asks nothing
    assert not resumed.isVisible()


def test_a_manager_sees_all_cases_but_cannot_register(qtbot, agency):
    window = open_window(qtbot, agency, "mina")
    assert not window.new_case_action.isVisible()
    assert window.case_list.scope.currentText() == "All cases"
    window.sign_out()


def test_demo_flag_makes_a_demo_store_and_shows_its_accounts(qtbot, tmp_path):
    from ui.app import Controller

    controller = Controller(tmp_path / "real", tmp_path / "demo", demo=True)
    controller.start()
    qtbot.waitUntil(lambda: getattr(controller, "login", None) is not None, timeout=30000)
    login = controller.login
    qtbot.addWidget(controller.window)
    assert controller.window.windowTitle().startswith("DEMO")
    password = (tmp_path / "demo" / "demo-password.txt").read_text().strip()
    assert password in login.demo_hint.text() and login.demo_hint.isVisible()
    assert not (tmp_path / "real").exists()  # the real store's folder is never touched
    qtbot.keyClicks(login.username, "amina")
    qtbot.keyClicks(login.password, password)
    with qtbot.waitSignal(login.signed_in, timeout=10000):
        qtbot.keyClick(login.password, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: (
            getattr(controller, "main", None) is not None and controller.main.counts.text() != ""
        ),
        timeout=10000,
    )
    assert controller.main.windowTitle().startswith("DEMO")
    assert controller.main.case_list.model.rowCount() > 10
    controller.main.sign_out()


def test_column_widths_and_order_are_remembered_per_user(qtbot, agency):
    window = open_window(qtbot, agency, "cara")
    header = window.case_list.table.horizontalHeader()
    header.resizeSection(1, 321)
    header.moveSection(6, 2)  # caseworker next to the name
    window.sign_out()
    window = open_window(qtbot, agency, "cara")
    header = window.case_list.table.horizontalHeader()
    assert header.sectionSize(1) == 321 and header.visualIndex(6) == 2
    window.sign_out()
    window = open_window(qtbot, agency, "carl")  # carl keeps his own layout
    assert window.case_list.table.horizontalHeader().sectionSize(1) != 321
    window.sign_out()


def test_a_temporary_password_must_be_changed_before_any_work(qtbot, agency, monkeypatch):
    from desktop import accounts
    from ui.login import ChangePasswordDialog

    with agency.sign_in("admin") as us:
        accounts.reset_password(us, "cara", "temporary pass 1")
    session = sign_in(qtbot, agency.folder, "cara", "temporary pass 1")
    assert session.user.must_change_password

    def fill_and_save(dialog):
        assert isinstance(dialog, ChangePasswordDialog)
        type_into(qtbot, dialog, dialog.current, "temporary pass 1")
        type_into(qtbot, dialog, dialog.new, "my very own password")
        ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
        assert not ok.isEnabled()
        type_into(qtbot, dialog, dialog.again, "my very own password")
        press(qtbot, dialog, ok)
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10000)

    window = MainWindow(session, agency.folder)
    window.ask_quit = lambda: True  # a failing test must not leave a question on screen
    qtbot.addWidget(window)
    with dialogs_answered(qtbot, fill_and_save):
        assert window.ensure_own_password()
    assert not window.session.user.must_change_password
    window.sign_out()
    again = sign_in(qtbot, agency.folder, "cara", "my very own password")
    assert again.user.username == "cara"
    again.close()


def test_an_administrator_is_told_why_the_case_list_is_empty(qtbot, agency):
    window = open_window(qtbot, agency, "admin")
    assert "do not read case files" in window.case_list.empty.text()
    window.sign_out()


def test_a_long_list_shows_its_first_rows_then_grows_to_all_of_them(qtbot, tmp_path):
    from desktop import accounts, cases
    from desktop.cases import CaseQuery, Scope
    from desktop.demo import create_demo_store
    from tests.conftest import FAST_KDF

    demo = create_demo_store(tmp_path / "demo", 400, seed=3, kdf=FAST_KDF)
    demo.session.close()
    session = accounts.sign_in(tmp_path / "demo", "manager", demo.password)
    expected = cases.case_ids(session, CaseQuery(scope=Scope.ALL, status="open"))
    window = MainWindow(session, tmp_path / "demo")
    qtbot.addWidget(window)
    window.show()
    sizes = []
    window.case_list.model.rowsInserted.connect(
        lambda *_: sizes.append(window.case_list.model.rowCount())
    )
    qtbot.waitUntil(lambda: window.counts.text() == f"{len(expected)} cases shown", timeout=10000)
    model = window.case_list.model
    assert len(expected) > 100 and sizes == [len(expected)]  # 100 first, then the rest appended
    assert [model.row_at(i).id for i in range(model.rowCount())] == expected
    assert model.pages_read == (len(expected) + 99) // 100
    window.sign_out()


def sessions_kept_outside_the_holder(window) -> list[str]:
    """Every object on screen that keeps a signed-in session of its own."""
    objects = {id(o): o for o in (window, *window.findChildren(QObject))}
    objects.update({id(w): w for w in QApplication.topLevelWidgets()})
    return sorted(
        f"{type(o).__name__}.{name}"
        for o in objects.values()
        if not isinstance(o, SessionHolder)
        for name, value in vars(o).items()
        if isinstance(value, UserSession)
    )


def unlock_as(qtbot, window, username):
    screen = window.lock_screen
    screen.username.clear()
    qtbot.keyClicks(screen.username, username)
    qtbot.keyClicks(screen.password, PASSWORD)
    qtbot.keyClick(screen.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.locked, timeout=10000)


def test_lock_switch_and_unlock_with_every_tab_and_dialog_open_leave_no_old_session(qtbot, agency):
    # Ada, a supervisor who also administers, has every kind of tab open: the list, her tasks,
    # the queue, a case file; beside the window a form half typed and a printout; and over it the
    # administration with the directory of providers.
    with agency.sign_in("admin") as admin:
        roles = ["supervisor", "administrator"]
        accounts.add_user(
            admin, "ada", "Ada", roles, PASSWORD, must_change_password=False, kdf=FAST_KDF
        )
    window = open_window(qtbot, agency, "ada")
    register(qtbot, window, "Zawadi", "Wanjiru")
    uuid = case_files(window)[0].uuid
    window.show_queue()
    window.documents.print_document(uuid, "summary", ["registration"], "supervision")
    qtbot.waitUntil(lambda: bool(window.findChildren(DocumentPreview)), timeout=10000)
    window.new_case_action.trigger()
    typing = wait_for_wizard(qtbot, window)
    qtbot.keyClicks(typing.widget_for("registration", "given_name").line, "Neema")
    adas = window.session
    assert window.tasks.isVisible() or window.tabs.indexOf(window.tasks) > 0
    assert window.tabs.indexOf(window.queue) > 0 and len(case_files(window)) == 1

    # The idle lock comes while the administration and, over it, the directory are open.
    def shown(kind: type) -> list:
        return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]

    def when(ready, then) -> None:  # each step as soon as the one before is on screen
        timer = QTimer(window, interval=20)

        def check() -> None:
            if ready():
                timer.stop()
                then()

        timer.timeout.connect(check)
        timer.start()

    open_before_the_lock: list[str] = []
    when(lambda: shown(AdminDialog), window.providers_action.trigger)
    when(
        lambda: shown(AdminDialog) and shown(ProvidersDialog),
        lambda: (open_before_the_lock.extend(["AdminDialog", "ProvidersDialog"]), window.lock()),
    )
    fallback = QTimer(window, singleShot=True, interval=10000)  # goes with the window
    fallback.timeout.connect(window.lock)  # if they never both showed: lock anyway, fail below
    fallback.start()
    window.admin_action.trigger()  # returns when the lock has closed both
    fallback.stop()
    assert open_before_the_lock == ["AdminDialog", "ProvidersDialog"]
    assert window.locked and not typing.isVisible()
    for kind in (AdminDialog, ProvidersDialog):
        assert not [w for w in window.findChildren(kind) if w.isVisible()]
    assert not [w for w in window.findChildren(DocumentPreview) if w.isVisible()]

    # Carl unlocks: a fresh workspace, his own, and nothing of Ada's holds on.
    unlock_as(qtbot, window, "carl")
    QApplication.processEvents()  # deleteLater of Ada's views
    assert window.session.user.username == "carl" and window.session is not adas
    assert case_files(window) == [] and window.queue is None
    assert not [w for w in window.findChildren(FormWizard) if w.isVisible()]
    qtbot.waitUntil(lambda: window.counts.text() != "", timeout=10000)
    assert window.case_list.model.rowCount() == 0  # Ada's case is not Carl's
    assert sessions_kept_outside_the_holder(window) == []

    # Carl locks and comes back himself: his typing reappears and saves with the new session.
    window.new_case_action.trigger()
    mine = wait_for_wizard(qtbot, window)
    before = window.session
    window.lock()
    unlock_as(qtbot, window, "carl")
    QApplication.processEvents()  # deleteLater of the lock screen, as after the first unlock
    assert window.session is not before and mine.isVisible()
    assert sessions_kept_outside_the_holder(window) == []
    fill(mine, "registration", registration_answers("Baraka", "Otieno", "male"))
    fill(mine, "consent", CONSENT_ANSWERS)
    with qtbot.waitSignal(mine.saved, timeout=10000):
        qtbot.mouseClick(mine.finish_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.case_list.model.rowCount() == 1, timeout=10000)
    window.sign_out()
