"""Errors a person can cause or meet, each with a plain message that can be translated.

`text` is the source string (English) with `{name}` placeholders; the user interface passes it
through Qt's translator, the command line prints it as it is.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Marks `text` for Qt's translation tools; the window translates it when shown."""
    return text


class UlinziError(Exception):
    """An error we expect and can explain to the person in front of the screen."""

    text = QT_TRANSLATE_NOOP("errors", "Something went wrong.")

    def __init__(self, text: str | None = None, **params: object) -> None:
        self.text = text or self.text
        self.params = params
        super().__init__(self.message)

    @property
    def message(self) -> str:
        """The message in English (the command line's language)."""
        return self.text.format(**self.params)


class StoreNotFound(UlinziError):
    text = QT_TRANSLATE_NOOP("errors", "There is no Ulinzi store in {folder}.")


class StoreExists(UlinziError):
    text = QT_TRANSLATE_NOOP(
        "errors", "{folder} already holds files; choose an empty folder for a new store."
    )


class StoreInUse(UlinziError):
    text = QT_TRANSLATE_NOOP(
        "errors",
        "This store is already open on this computer by {owner} (program {pid}, since {since}). "
        "Close Ulinzi there first.",
    )


class StoreOpenElsewhere(UlinziError):
    text = QT_TRANSLATE_NOOP(
        "errors",
        "Another program on this computer has this store's database open. Close every Ulinzi "
        "window and any other program using the store, then try again; nothing was changed.",
    )


class WrongCredentials(UlinziError):
    text = QT_TRANSLATE_NOOP("errors", "The username or password is not correct.")


class WrongRecoveryKey(UlinziError):
    text = QT_TRANSLATE_NOOP(
        "errors",
        "This recovery key does not open this store. Check each group against the paper copy.",
    )


class RecoveryKeyMistyped(UlinziError):
    text = QT_TRANSLATE_NOOP(
        "errors",
        "Group {group} of the recovery key looks mistyped: check it against the paper copy.",
    )


class LoginThrottled(UlinziError):
    text = QT_TRANSLATE_NOOP(
        "errors", "Too many failed attempts. Wait {seconds} seconds before trying again."
    )


class StoreDamaged(UlinziError):
    text = QT_TRANSLATE_NOOP(
        "errors",
        "The store's database is damaged ({detail}). The password was right: do not keep "
        "trying. Ask an administrator to restore the latest backup.",
    )


class StoreRolledBack(UlinziError):
    text = QT_TRANSLATE_NOOP(
        "errors",
        "The database is older than the last change this store recorded (audit event {expected}, "
        "the database ends at {found}). It may have been replaced by an older copy; changes may "
        "be missing. Ask an administrator to run `ulinzi check`.",
    )


class StorePartlyOlder(UlinziError):
    text = QT_TRANSLATE_NOOP(
        "errors",
        "Part of the database is older than the last change this store recorded ({cases} "
        "issued here are missing). It may have been replaced by an older copy. Ask an "
        "administrator to run `ulinzi check`.",
    )


class KeySlotsDamaged(UlinziError):
    text = QT_TRANSLATE_NOOP(
        "errors", "The store's key file is damaged or not an Ulinzi key file: {detail}."
    )


class StoreFull(UlinziError):
    text = QT_TRANSLATE_NOOP(
        "errors",
        "The disk is full: the change was not saved and nothing else was changed. Free some "
        "space on the disk and try again.",
    )


class PermissionDenied(UlinziError):
    text = QT_TRANSLATE_NOOP("errors", "You do not have permission to {action}.")
    audited = False  # set once the refusal is in the audit log (`desktop.access.refuse`)


class NotFound(UlinziError):
    text = QT_TRANSLATE_NOOP("errors", "{what} was not found.")


class InvalidInput(UlinziError):
    text = QT_TRANSLATE_NOOP("errors", "{detail}")


class WeakPassword(UlinziError):
    text = QT_TRANSLATE_NOOP("errors", "The password must have at least {minimum} characters.")


class AuditHeadMissing(UlinziError):
    text = QT_TRANSLATE_NOOP(
        "errors",
        "The store's record of its last change ({file}) is missing or damaged. This store has "
        "kept one since it was created, so the database may be an older copy and changes may be "
        "missing. Nothing was changed. Ask an administrator to run `ulinzi check`.",
    )


class AuditHeadBehind(UlinziError):
    text = QT_TRANSLATE_NOOP(
        "errors",
        "The store's record of its last change ({file}) is older than the database (it ends "
        "at audit event {seen}, the database at {last}). An older copy of it was put back, and "
        "with it the history since could be rewritten. Nothing was changed. Ask an "
        "administrator to run `ulinzi check`.",
    )


class AuditTampered(UlinziError):
    text = QT_TRANSLATE_NOOP(
        "errors",
        "The store's history was changed after it was written (audit event {seq} {problem}). "
        "Nothing was changed. Ask an administrator to run `ulinzi check`.",
    )


class WalDamaged(UlinziError):
    text = QT_TRANSLATE_NOOP(
        "errors",
        "The database's journal of recent changes is damaged: changes recorded as audit events "
        "{first} to {last}{cases} are missing. A copy of the damaged journal was kept in {copy}. "
        "Nothing was changed. Ask an administrator to run `ulinzi check` and restore the latest "
        "backup.",
    )


class PagesDamaged(UlinziError):
    text = QT_TRANSLATE_NOOP(
        "errors",
        "Part of the store's database is damaged and could not be read. Nothing was changed. Ask "
        "an administrator to run `ulinzi check`, then restore the latest backup if it finds "
        "damage.",
    )


class StoreClosed(UlinziError):
    text = QT_TRANSLATE_NOOP("errors", "The store is locked. Sign in again to continue.")


class CannotWriteFolder(UlinziError):
    text = QT_TRANSLATE_NOOP(
        "errors",
        "Ulinzi cannot write in {folder}. Ask the person who installed Ulinzi to let this "
        "account write there, then try again.",
    )


class StorePermissionDenied(UlinziError):
    text = QT_TRANSLATE_NOOP(
        "errors",
        "This PC account ({account}) may not use {file}, part of the Ulinzi store. Nothing is "
        "damaged. Ask the PC's administrator to give this account the right to use the folder "
        "{folder} (on Linux: sudo adduser {account} ulinzi, then sign out of the PC and in "
        "again).",
    )


class DemoPasswordLost(UlinziError):
    text = QT_TRANSLATE_NOOP(
        "errors",
        "The demo store in {folder} has lost its password file ({file}). Delete that folder "
        "to make a new demo store.",
    )
