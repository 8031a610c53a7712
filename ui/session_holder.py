"""The one place the window keeps the signed-in person, announcing lock, unlock and a switch.

Widgets never keep a session of their own: they read `holder.session` when they call a service,
so after an unlock (a new key, a new `UserSession`) or a switch of user nobody calls with the old
one. Views that show someone's data listen to `locked` (hide it), `unlocked` (the same person is
back: refresh) and `replaced` (another person: start again). KeePassXC's `DatabaseWidget` does
the same with `databaseLocked` / `databaseReplaced`; Anki reads `mw.col` at the moment of use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:  # the store code loads after the sign-in screen shows
    from desktop.session import UserSession


class SessionHolder(QObject):
    locked = Signal()
    unlocked = Signal(object)  # the same person's new UserSession
    replaced = Signal(object)  # another person's UserSession (a switch of user)

    def __init__(self, session: UserSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.is_locked = False
        self.is_closed = False

    @property
    def session(self) -> UserSession:
        return self._session

    def is_current(self, session: UserSession) -> bool:
        """Whether work started for `session` may still show its result."""
        return session is self._session and not self.is_locked and not self.is_closed

    def lock(self) -> None:
        self.is_locked = True
        self.locked.emit()

    def unlock(self, session: UserSession) -> None:
        """Someone signed in on the lock screen: the same person again, or another."""
        same_person = session.user.id == self._session.user.id
        self._session = session
        self.is_locked = False
        if same_person:
            self.unlocked.emit(session)
        else:
            self.replaced.emit(session)

    def refresh(self, session: UserSession) -> None:
        """The same person's session read again (a changed password): nothing to announce."""
        self._session = session

    def close(self) -> None:
        """Signed out or quitting: the key goes, and no late result may show."""
        self.is_closed = True
        if self._session.store.is_open:
            self._session.close()
