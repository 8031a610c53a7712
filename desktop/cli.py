"""The administrator's command line: `ulinzi init | user | forms | providers | demo | cases |
report | check | rekey | recover`.

Secrets come from a prompt, or one per line from standard input with `--password-stdin`; never
from the command line itself, where other users of the PC could read them. Errors are one plain
line on stderr and exit status 1; usage errors exit 2.
"""

from __future__ import annotations

import argparse
import getpass
import logging
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from db.errors import QT_TRANSLATE_NOOP, InvalidInput, UlinziError
from db.files import read_bounded, write_file
from db.models import Role
from desktop import accounts, cases, paths
from desktop.session import UserSession
from reports import catalogue

log = logging.getLogger("ulinzi.cli")


# A line of standard input longer than this is not a password or a passphrase: `< /dev/zero` must
# end in a plain message, not in the machine's memory running out.
MAX_SECRET_LINE = 64 * 1024


class Secrets:
    """Reads secrets in order: from stdin lines with --password-stdin, else from prompts."""

    def __init__(self, from_stdin: bool) -> None:
        self.from_stdin = from_stdin
        if from_stdin and hasattr(sys.stdin, "reconfigure"):
            # Any bytes are a password (a wrong one, most likely), never an error of their own.
            sys.stdin.reconfigure(errors="surrogateescape")

    def ask(self, prompt: str, *, confirm: bool = False) -> str:
        if self.from_stdin:
            line = sys.stdin.readline(MAX_SECRET_LINE + 1)
            if len(line) > MAX_SECRET_LINE:
                raise InvalidInput(
                    QT_TRANSLATE_NOOP(
                        "errors", "A line of standard input is too long to be a password."
                    )
                )
            if not line:
                raise InvalidInput(
                    QT_TRANSLATE_NOOP("errors", "Standard input ended before: {prompt}."),
                    prompt=prompt.rstrip(": "),
                )
            return line.rstrip("\r\n")
        value = getpass.getpass(prompt)
        if confirm and getpass.getpass("Type it again: ") != value:
            raise InvalidInput(QT_TRANSLATE_NOOP("errors", "The two entries differ."))
        return value


def _store_folder(args: argparse.Namespace) -> Path:
    return Path(args.store) if args.store else paths.default_store_folder()


def _credentials(args: argparse.Namespace, secrets: Secrets) -> tuple[str, str]:
    username = args.user or input("Username: ")
    return username, secrets.ask(f"Password for {username}: ")


def _sign_in(
    args: argparse.Namespace, secrets: Secrets, *, verify_head: bool = True
) -> UserSession:
    username, password = _credentials(args, secrets)
    us = accounts.sign_in(_store_folder(args), username, password, verify_head=verify_head)
    if us.user.must_change_password:
        us.close()
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "errors",
                "Your password is a temporary one: choose your own first, with "
                "`ulinzi user passwd --user {name}`.",
            ),
            name=us.user.username,
        )
    return us


# -- commands ------------------------------------------------------------------------------------


def cmd_init(args: argparse.Namespace, secrets: Secrets) -> int:
    password = secrets.ask(f"New password for {args.admin}: ", confirm=True)
    session, recovery_key = accounts.init_agency(
        _store_folder(args),
        agency_name=args.agency_name,
        agency_code=args.agency_code,
        country=args.country,
        district=args.district,
        language=args.language,
        admin_username=args.admin,
        admin_full_name=args.admin_name or args.admin,
        admin_password=password,
    )
    session.close()
    print(f"Store created in {_store_folder(args)}")
    print(f"recovery key: {recovery_key}")
    print(
        "Write the recovery key on paper now and keep it in the office safe: it is shown only "
        "once, and it is the only way back in if every administrator password is lost."
    )
    return 0


def cmd_user_add(args: argparse.Namespace, secrets: Secrets) -> int:
    with _sign_in(args, secrets) as us:
        password = secrets.ask(f"Temporary password for {args.username}: ", confirm=True)
        accounts.add_user(
            us,
            args.username,
            args.full_name or args.username,
            args.role,
            password,
            team=args.team,
            supervisor=args.supervisor,
        )
    print(f"Added {args.username}; they choose their own password when they first sign in.")
    return 0


def cmd_user_passwd(args: argparse.Namespace, secrets: Secrets) -> int:
    username, current = _credentials(args, secrets)
    with accounts.sign_in(_store_folder(args), username, current) as us:
        target = args.username or us.user.username
        if us.user.must_change_password and target.casefold() != us.user.username:
            raise InvalidInput(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "Your password is a temporary one: choose your own first, with "
                    "`ulinzi user passwd --user {name}`.",
                ),
                name=us.user.username,
            )
        if target.casefold() == us.user.username:
            new = secrets.ask("New password: ", confirm=True)
            accounts.change_own_password(us, current, new)
            print("Password changed.")
        else:
            new = secrets.ask(f"Temporary password for {target}: ", confirm=True)
            accounts.reset_password(us, target, new)
            print(f"Password of {target} set; they must change it when they next sign in.")
    return 0


def cmd_user_remove(args: argparse.Namespace, secrets: Secrets) -> int:
    with _sign_in(args, secrets) as us:
        accounts.remove_user(us, args.username)
    print(f"Removed {args.username}: their key slot is deleted. Run `ulinzi rekey` if they may")
    print("have copied the store's files while they could still open them.")
    return 0


def cmd_user_list(args: argparse.Namespace, secrets: Secrets) -> int:
    with _sign_in(args, secrets) as us:
        for u in accounts.list_users(us):
            roles = ",".join(sorted(r.value for r in u.roles))
            state = "active" if u.active else "removed"
            print("\t".join((u.username, u.full_name, roles, u.supervisor, state)))
    return 0


def cmd_demo(args: argparse.Namespace, secrets: Secrets) -> int:
    from desktop.demo import create_demo_store

    started = time.perf_counter()
    demo = create_demo_store(_store_folder(args), args.cases, seed=args.seed)
    demo.session.close()
    elapsed = time.perf_counter() - started
    print(f"Demo store created in {_store_folder(args)} with {demo.cases} cases ({elapsed:.1f} s)")
    print("users: admin, manager, grace, joseph (supervisors), amina, baraka, chipo, daniel, ")
    print("       esther, faith, gabriel, halima (caseworkers), hope (facility staff)")
    print(f"demo password: {demo.password}")
    print(f"recovery key: {demo.recovery_key}")
    return 0


def cmd_cases(args: argparse.Namespace, secrets: Secrets) -> int:
    with _sign_in(args, secrets) as us:
        rows = cases.list_cases(us, status=args.status, search=args.search)
    out = sys.stdout
    for r in rows:
        out.write(
            "\t".join((r.case_number, r.child_name, r.stage, r.status, r.risk or "", r.caseworker))
            + "\n"
        )
    return 0


def cmd_reassign(args: argparse.Namespace, secrets: Secrets) -> int:
    from desktop import assignments, documents

    if bool(args.cases) == bool(args.from_user):
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "errors", "Name the cases to reassign, or --from USERNAME (not both)."
            )
        )
    with _sign_in(args, secrets) as us:
        if args.from_user:
            moved = assignments.hand_over_all(us, args.from_user, args.to, args.reason)
        else:
            uuids = [documents.case_uuid_of(us, number) for number in args.cases]
            moved = assignments.reassign(us, uuids, args.to, args.reason)
    print(f"{moved} case{'s' if moved != 1 else ''} now held by {args.to}; their tasks moved too.")
    return 0


def cmd_check(args: argparse.Namespace, secrets: Secrets) -> int:
    from desktop import anchors

    with _sign_in(args, secrets, verify_head=False) as us:
        anchor = anchors.read_anchor(us, Path(args.against), secrets.ask) if args.against else None
        if args.accept_current:
            us.require_administrator(ACCEPT_CURRENT)  # audited (later, on a refused store)
            # It signs the restart, so that `check` can tell it from a forged one (db.audit).
            code = secrets.ask("Recovery key (empty if it is lost): ")
            lost = us.store.accept_database_as_current(recovery_code=code.strip())
            with us.store.write() as s:
                us.audit(s, "store.rollback_accepted", summary=lost)
            print(f"The database is now trusted as it is ({lost}).")
            return 0
        report = us.store.check()
        against = anchors.compare(us.store, anchor) if anchor is not None else None
    for line in report.lines():
        print(line)
    if against is not None:
        print(against.line())
    if report.ok and (against is None or against.ok):
        print("The store is sound.")
        return 0
    print("PROBLEMS FOUND: keep this store as it is and ask for help.", file=sys.stderr)
    return 1


ACCEPT_CURRENT = QT_TRANSLATE_NOOP("errors", "accept the database as current")


def cmd_rekey(args: argparse.Namespace, secrets: Secrets) -> int:
    with _sign_in(args, secrets) as us:
        started = time.perf_counter()
        accounts.rekey(us)
        elapsed = time.perf_counter() - started
    print(
        f"The database is re-encrypted under a new key ({elapsed:.1f} s); passwords are unchanged."
    )
    return 0


def cmd_recover(args: argparse.Namespace, secrets: Secrets) -> int:
    code = secrets.ask("Recovery key: ")
    new = secrets.ask(f"New password for {args.user}: ", confirm=True)
    accounts.recover(_store_folder(args), code, args.user, new)
    print(f"{args.user} can now sign in with the new password.")
    return 0


# -- parser --------------------------------------------------------------------------------------


def cmd_forms_list(args: argparse.Namespace, secrets: Secrets) -> int:
    from desktop import case_forms

    with _sign_in(args, secrets) as us:
        for f in case_forms.form_files(us):
            origin = "edited by the agency" if f.edited_by_agency else "shipped"
            if f.added_by_agency:
                origin = "added by the agency"
            if f.edited_by_agency and f.shipped_version and f.shipped_version > f.version:
                origin += f" (this program ships version {f.shipped_version})"
            version = f"v{f.version}" if f.form_id else "shared choice lists"
            print("\t".join((f.file, f.form_id or "-", version, origin)))
    return 0


def cmd_forms_export(args: argparse.Namespace, secrets: Secrets) -> int:
    from desktop import case_forms

    with _sign_in(args, secrets) as us:
        text = case_forms.form_file_text(us, args.file)
    out = Path(args.to)
    if out.exists():
        raise InvalidInput(
            QT_TRANSLATE_NOOP("errors", "{path} already exists; choose another name."), path=out
        )
    out.write_text(text, encoding="utf-8")
    print(f"Wrote {out}. Edit it, raise its version number, then: ulinzi forms import {out}")
    return 0


def cmd_forms_import(args: argparse.Namespace, secrets: Secrets) -> int:
    from desktop import case_forms

    path = Path(args.path)
    try:
        text = _read_text(path)
    except InvalidInput:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("errors", "Cannot read {path} as a text file."), path=path
        ) from None
    file = args.file or path.name
    with _sign_in(args, secrets) as us:
        known = {f.file for f in case_forms.form_files(us)}
        forms = case_forms.save_form_file(us, file, text)
    if file not in known:
        form_id = forms.files_to_ids()[file]
        print(
            f"The form {form_id} ({file}) is added: caseworkers can fill it in from a case "
            "file's Forms tab. `ulinzi forms reset` removes it while no case has answers to it."
        )
        return 0
    print(f"The agency's {file} is now in use; answers given before keep their own version.")
    return 0


def cmd_forms_reset(args: argparse.Namespace, secrets: Secrets) -> int:
    from desktop import case_forms
    from desktop.forms.definition import shipped_sources

    with _sign_in(args, secrets) as us:
        case_forms.restore_shipped_form_file(us, args.file)
    if args.file not in shipped_sources():
        print(f"{args.file}: the agency's form is removed.")
        return 0
    print(f"{args.file}: back to the definition shipped with this program.")
    return 0


# The shared choice list naming the kinds of service a provider offers.
SERVICE_TYPES = "service_types"


def _service_types(us: UserSession) -> dict[str, str]:
    """Service type code -> English word, from the agency's choice lists (ours if it has none)."""
    from desktop import case_forms
    from desktop.forms.definition import CHOICES_FILE, SHIPPED_FOLDER, parse_choices

    lists = parse_choices(CHOICES_FILE, case_forms.form_file_text(us, CHOICES_FILE))
    if SERVICE_TYPES not in lists:
        shipped = (SHIPPED_FOLDER / CHOICES_FILE).read_text(encoding="utf-8")
        lists = parse_choices(CHOICES_FILE, shipped)
    return {c.code: c.label.en for c in lists.get(SERVICE_TYPES, [])}


def cmd_providers_list(args: argparse.Namespace, secrets: Secrets) -> int:
    from desktop import case_flow

    with _sign_in(args, secrets) as us:
        rows = case_flow.providers(us, active_only=False)
    for p in rows:
        state = "active" if p.active else "not in use"
        print("\t".join((p.name, ",".join(p.services), p.phone, state)))
    return 0


def cmd_providers_add(args: argparse.Namespace, secrets: Secrets) -> int:
    from desktop import case_flow

    wanted = list(dict.fromkeys(code.strip().lower() for code in args.service))
    with _sign_in(args, secrets) as us:
        known = _service_types(us)
        unknown = [code for code in wanted if code not in known]
        if unknown:
            raise InvalidInput(
                QT_TRANSLATE_NOOP(
                    "errors", "Unknown service type: {codes}. The service types are: {known}."
                ),
                codes=", ".join(unknown),
                known=", ".join(known),
            )
        saved = case_flow.save_provider(
            us,
            case_flow.ProviderInfo(
                None,
                args.name,
                tuple(wanted),
                args.contact,
                args.phone,
                args.address,
                args.eligibility,
            ),
        )
    services = ", ".join(known[code].lower() for code in saved.services)
    print(f"Added {saved.name} to the service providers ({services}).")
    return 0


REPORT_KINDS = {
    "closure": "closure",
    "transfer": "transfer",
    "plan": "child_plan",
    "summary": "summary",
    "minutes": "minutes",
    "reintegration": "reintegration",
}


def _report_indicators(args: argparse.Namespace, secrets: Secrets) -> int:
    """`ulinzi report indicators --period P [--scope S]`: the Standard 15 table on the screen."""
    from desktop import indicators

    if args.case is not None or args.out is not None:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("errors", "The indicators are for a period, not for one case.")
        )
    period = indicators.Period.parse(args.period or "")
    with _sign_in(args, secrets) as us:
        scopes = indicators.scopes_for(us.user.roles)
        scope = (
            indicators.Scope(args.scope) if args.scope else (scopes or [indicators.Scope.OWN])[0]
        )
        report = indicators.indicator_table(us, period, scope)
    print("\n".join(indicators.table_lines(report)))
    return 0


def _report_monthly(args: argparse.Namespace, secrets: Secrets) -> int:
    """`ulinzi report monthly|dhis2 --period YYYY-MM --out FILE`: the month's return, its
    format from the file's extension (a DHIS2 file also needs the agency's --mapping)."""
    from desktop import dhis2, indicators, monthly

    if args.case is not None or args.out is None:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "errors", "Say which month with --period YYYY-MM and where to write it with --out."
            )
        )
    out = Path(args.out)
    fmt = monthly.format_of(out.name, monthly.FORMATS if args.kind == "monthly" else dhis2.FORMATS)
    period = monthly.month_of(args.period or "")
    scope = indicators.Scope(args.scope) if args.scope else None
    if (args.kind == "dhis2") != (args.mapping is not None):
        raise InvalidInput(
            QT_TRANSLATE_NOOP("errors", "Say which DHIS2 mapping file to use with --mapping FILE.")
            if args.kind == "dhis2"
            else QT_TRANSLATE_NOOP("errors", "Only the DHIS2 file is made with a mapping.")
        )
    with _sign_in(args, secrets) as us:
        if args.kind == "dhis2":
            mapping = dhis2.load_mapping(Path(args.mapping))
            made = dhis2.data_value_set(us, period, mapping, fmt, scope)
        else:
            made = monthly.monthly_return(us, period, fmt, scope, language=args.lang)
        write_file(out, made.data)
    scope_text = "the whole agency" if made.made.scope == indicators.Scope.AGENCY else "your team"
    print(f"Wrote {out} ({made.made.period.code}, cases of {scope_text}).")
    print(
        "The file is not encrypted: it names no child, but keep it to the office.", file=sys.stderr
    )
    return 0


def cmd_agency_identity(args: argparse.Namespace, secrets: Secrets) -> int:
    from desktop import exchange

    with _sign_in(args, secrets) as us:
        identity = exchange.our_identity(us)
    write_file(Path(args.out), identity.to_json().encode())
    print(
        f"Wrote {args.out}: {identity.name} ({identity.code}), fingerprint {identity.fingerprint}."
    )
    print("Give this file to partner agencies; read them the fingerprint by phone.")
    return 0


def cmd_agency_add(args: argparse.Namespace, secrets: Secrets) -> int:
    from desktop import exchange

    identity = exchange.Identity.from_json(_read_text(Path(args.file)))
    with _sign_in(args, secrets) as us:
        partner = exchange.add_partner(us, identity, verified=args.verified)
    state = "verified" if partner.verified else "NOT verified: check the fingerprint by phone"
    print(f"{partner.name} ({partner.code}), fingerprint {partner.fingerprint}: {state}.")
    return 0


def cmd_agency_list(args: argparse.Namespace, secrets: Secrets) -> int:
    from desktop import exchange

    with _sign_in(args, secrets) as us:
        for p in exchange.partners(us):
            checked = f"verified by {p.verified_by}" if p.verified else "not verified"
            print(f"{p.code}\t{p.name}\t{p.fingerprint}\t{checked}")
    return 0


def cmd_export(args: argparse.Namespace, secrets: Secrets) -> int:
    from desktop import documents, exchange

    if args.what == "cases" or args.deidentified:
        return _export_deidentified(args, secrets)
    if args.out or args.fields or args.suppress_small or args.key_file:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "errors",
                "--out, --fields, --suppress-small and --key-file are for "
                "`ulinzi export cases --deidentified`.",
            )
        )
    if not args.case or not args.to or not (args.recipient or args.passphrase_file):
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "errors",
                "Say which case with --case NUMBER, the package with --to FILE.ulz, and whom "
                "it is for with --recipient AGENCY_CODE or --passphrase-file F.",
            )
        )
    passphrase = _read_text(Path(args.passphrase_file)).strip() if args.passphrase_file else None
    with _sign_in(args, secrets) as us:
        uuid = documents.case_uuid_of(us, args.case)
        if not args.consent_override:
            _consent_checked(us, uuid, args.consent_checked)
        done = exchange.export_case(
            us,
            uuid,
            Path(args.to),
            recipient=args.recipient,
            passphrase=passphrase,
            reason=args.reason or "",
            consent_override=args.consent_override or "",
            referral_forms=[f.strip() for f in args.referral.split(",") if f.strip()]
            if args.referral is not None
            else None,
        )
    print(f"Wrote {done.path} ({done.size:,} bytes, encrypted to {done.to}).")
    print(f"Package {done.package_id}, SHA-256 {done.sha256}.")
    if args.referral is None:
        print(f"Case {args.case.strip().upper()} is now transferred and read only.")
    if passphrase is not None:
        print("Send the passphrase by another way than the package (a phone call, an SMS).")
    return 0


def _export_deidentified(args: argparse.Namespace, secrets: Secrets) -> int:
    """`ulinzi export cases --deidentified --out FILE [--fields a,b] [--suppress-small]`."""
    from desktop import deidentified

    package_options = (
        args.case,
        args.to,
        args.recipient,
        args.passphrase_file,
        args.reason,
        args.consent_checked,
        args.consent_override,
        args.referral,
    )
    if args.what != "cases" or not args.deidentified or not args.out or any(package_options):
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "errors",
                "Write the de-identified cases with: ulinzi export cases --deidentified --out "
                "FILE.csv|FILE.xlsx [--fields a,b,c] [--suppress-small] (no case, no package).",
            )
        )
    out = Path(args.out)
    deidentified.format_of(out)
    fields = deidentified.parse_fields(args.fields)
    key = None
    if args.key_file:  # kept before the export, so that no file leaves with a key not kept
        key_file = Path(args.key_file)
        if key_file.exists():
            key = deidentified.parse_key(_read_text(key_file))
        else:
            key = deidentified.new_key()
            write_file(key_file, key.hex().encode() + b"\n")
    with _sign_in(args, secrets) as us:
        done = deidentified.export_deidentified(
            us, out, fields, suppress_small=args.suppress_small, key=key
        )
    print(f"Wrote {done.path}: {done.rows} cases, columns {', '.join(done.fields)}.")
    holds, never, care = (t.format(k=deidentified.SMALL_CELL) for t in deidentified.STATEMENT)
    print(f"It holds: {holds}\nIt never holds: {never}\n{care}", file=sys.stderr)
    return 0


def _consent_checked(us: UserSession, uuid: str, checked: bool) -> None:
    """As in the window before a package is sent: the case's current consent, checked with the
    child and family by the person sending (`--consent-checked`, audited), or recorded again
    first when it is missing, old, or given before the child turned 18."""
    from desktop import consent_check

    state = consent_check.consent_state(us, uuid)
    if state.renewal:
        raise consent_check.ConsentNeedsRenewal()
    if not checked:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "errors",
                "A package shares the child's information: check the consent (version "
                "{version}, given on {day}) with the child and family, then run the command "
                "again with --consent-checked.",
            ),
            version=state.version,
            day=state.given_on.isoformat() if state.given_on else "?",
        )
    consent_check.confirm_consent(us, uuid, "package")


def cmd_import(args: argparse.Namespace, secrets: Secrets) -> int:
    from desktop import documents, exchange

    path = Path(args.file)
    data = exchange.read_file(path)
    passphrase = _read_text(Path(args.passphrase_file)).strip() if args.passphrase_file else None
    with _sign_in(args, secrets) as us:
        link = documents.case_uuid_of(us, args.link) if args.link else None
        done = exchange.import_package(
            us,
            data,
            passphrase=passphrase,
            caseworker=args.caseworker,
            confirm_unknown_sender=args.confirm_unknown_sender,
            accept_duplicates=args.new_case,
            link_to=link,
        )
    if done.already:
        case = f" (case {done.case_number})" if done.case_number else ""
        print(f"Already imported{case}: nothing was changed.")
        return 0
    if done.receipt is None:
        print(f"Receipt recorded: case {done.case_number} arrived at the other agency.")
        return 0
    receipt = Path(args.receipt) if args.receipt else path.with_name(path.stem + "-receipt.ulz")
    write_file(receipt, done.receipt)
    print(
        f"Linked to case {done.case_number}."
        if args.link
        else f"Imported as case {done.case_number}."
    )
    if done.left_out:
        print(
            "Left out by this agency's rules on attachments (a photo of the child where photos "
            "are not kept, or a file above the size limit; the sending agency still holds them): "
            + ", ".join(done.left_out)
        )
    print(f"Send {receipt} back to the sending agency: it records that the case arrived.")
    return 0


def cmd_backup(args: argparse.Namespace, secrets: Secrets) -> int:
    from desktop import backups

    passphrase = _read_text(Path(args.passphrase_file)).strip() if args.passphrase_file else None
    with _sign_in(args, secrets) as us:
        recovery = None if passphrase is not None else secrets.ask("Recovery key: ")
        done = backups.backup(us, Path(args.to), passphrase=passphrase, recovery_key=recovery)
    print(f"Wrote {done.path} ({done.size:,} bytes, {done.cases} cases), SHA-256 {done.sha256}.")
    print("Keep it away from this computer (a USB drive in a locked drawer).")
    return 0


def cmd_restore(args: argparse.Namespace, secrets: Secrets) -> int:
    from desktop import backups, exchange

    data = exchange.read_file(Path(args.file))
    secret = (
        _read_text(Path(args.passphrase_file)).strip()
        if args.passphrase_file
        else secrets.ask("Recovery key (or the backup's passphrase): ")
    )
    done = backups.restore(data, Path(args.into), secret)
    print(f"Restored {done.agency}, {done.cases} cases, backed up on {done.created_at[:16]}.")
    if done.checked:
        print("Opened with the recovery key and checked: the store is whole.")
    print(f"Open it with: ulinzi --store {done.folder}")
    return 0


# A passphrase, an identity or a form definition: far below this.
MAX_TEXT_FILE_BYTES = 4 * 1024 * 1024


def _read_text(path: Path) -> str:
    try:
        data = read_bounded(path, MAX_TEXT_FILE_BYTES)
        if data is None:
            raise InvalidInput(
                QT_TRANSLATE_NOOP("errors", "The file {name} is too large (at most {most} MB)."),
                name=path.name,
                most=MAX_TEXT_FILE_BYTES // (1024 * 1024),
            )
        return data.decode("utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("errors", "The file {name} could not be read: {reason}"),
            name=path.name,
            reason=getattr(e, "strerror", None) or str(e),
        ) from e


def cmd_report(args: argparse.Namespace, secrets: Secrets) -> int:
    from desktop import documents

    if args.kind == "indicators":
        return _report_indicators(args, secrets)
    if args.kind in ("monthly", "dhis2"):
        return _report_monthly(args, secrets)
    if args.period is not None or args.scope is not None:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("errors", "Only the indicators are reported for a period and scope.")
        )
    if args.case is None or args.out is None:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "errors", "Say which case with --case NUMBER and where to write it with --out FILE."
            )
        )
    sections = None
    if args.sections:
        if args.kind != "summary":
            raise InvalidInput(
                QT_TRANSLATE_NOOP("errors", "Only the case summary has sections to choose.")
            )
        sections = [x.strip() for x in args.sections.split(",") if x.strip()]
    if (args.kind == "minutes") != (args.conference is not None):
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "errors", "Say which conference's minutes to print with --conference NUMBER."
            )
            if args.kind == "minutes"
            else QT_TRANSLATE_NOOP("errors", "Only the minutes are printed for one conference.")
        )
    out = Path(args.out)
    with _sign_in(args, secrets) as us:
        uuid = documents.case_uuid_of(us, args.case)
        made = documents.make_document(
            us,
            uuid,
            REPORT_KINDS[args.kind],
            language=args.lang,
            sections=sections,
            purpose=args.purpose or "",
            conference=args.conference,
        )
        write_file(out, made.pdf)
        documents.record_output(us, made, "saved")
    print(f"Wrote {out} ({made.pages} pages, {made.verification}).")
    print(
        "This PDF is not encrypted: print it, then delete it. Keep no copy on a shared "
        "computer or USB stick.",
        file=sys.stderr,
    )
    return 0


def build_parser() -> argparse.ArgumentParser:
    from desktop import deidentified

    parser = argparse.ArgumentParser(
        prog="ulinzi",
        usage="ulinzi [--demo | --store DIR]\n       ulinzi COMMAND [options]",
        # What a newcomer needs first: how to open the window (options the window takes).
        description="Ulinzi: offline case management for child protection.\n\n"
        "To open the window:\n"
        "  ulinzi              the store in its usual folder (the first start sets it up)\n"
        "  ulinzi --demo       a demo store with made-up children, to try Ulinzi (its\n"
        "                      accounts and password are shown on the sign-in screen)\n"
        "  ulinzi --store DIR  the store in folder DIR (or set ULINZI_STORE)\n\n"
        "Or run a command (ulinzi COMMAND --help says more):",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, func: Callable, help_text: str, *, signs_in: bool = True):  # type: ignore[no-untyped-def]
        p = sub.add_parser(name, help=help_text, description=help_text)
        _store_options(p, signs_in)
        p.set_defaults(func=func)
        return p

    p = command("init", cmd_init, "create a new store for an agency", signs_in=False)
    p.add_argument("--agency-name", required=True)
    p.add_argument(
        "--agency-code", required=True, help="2-10 letters or digits, used in case numbers"
    )
    p.add_argument("--country", default="")
    p.add_argument("--district", default="")
    p.add_argument("--language", default="en", choices=catalogue.languages())
    p.add_argument("--admin", required=True, help="the first administrator's username")
    p.add_argument("--admin-name", default="", help="the administrator's full name")

    users = sub.add_parser("user", help="add, remove, list users or set passwords")
    user_sub = users.add_subparsers(dest="user_command", metavar="ACTION", required=True)
    p = user_sub.add_parser("add", help="add a user (asks for their temporary password)")
    _store_options(p, True)
    p.add_argument("username")
    p.add_argument("--full-name", default="")
    p.add_argument(
        "--role", action="append", required=True, choices=[r.value for r in Role], help="repeatable"
    )
    p.add_argument("--team", default="")
    p.add_argument("--supervisor", help="the supervisor's username")
    p.set_defaults(func=cmd_user_add)
    p = user_sub.add_parser("passwd", help="change your password, or set someone else's")
    _store_options(p, True)
    p.add_argument("username", nargs="?")
    p.set_defaults(func=cmd_user_passwd)
    p = user_sub.add_parser("remove", help="remove a user and their key slot")
    _store_options(p, True)
    p.add_argument("username")
    p.set_defaults(func=cmd_user_remove)
    p = user_sub.add_parser("list", help="list the users")
    _store_options(p, True)
    p.set_defaults(func=cmd_user_list)

    forms = sub.add_parser("forms", help="see and adapt the forms (administrators)")
    forms_sub = forms.add_subparsers(dest="forms_command", metavar="ACTION", required=True)
    p = forms_sub.add_parser("list", help="the form definition files in use")
    _store_options(p, True)
    p.set_defaults(func=cmd_forms_list)
    p = forms_sub.add_parser("export", help="write a definition file in use, to edit it")
    _store_options(p, True)
    p.add_argument("file", help="e.g. registration.yaml (see `ulinzi forms list`)")
    p.add_argument("to", help="where to write it")
    p.set_defaults(func=cmd_forms_export)
    p = forms_sub.add_parser(
        "import", help="use an edited definition file, or add a new form (checked first)"
    )
    _store_options(p, True)
    p.add_argument("path")
    p.add_argument("--file", help="the definition it replaces (default: the file's own name)")
    p.set_defaults(func=cmd_forms_import)
    p = forms_sub.add_parser(
        "reset", help="go back to the shipped definition (or remove a form the agency added)"
    )
    _store_options(p, True)
    p.add_argument("file")
    p.set_defaults(func=cmd_forms_reset)

    providers = sub.add_parser(
        "providers", help="the directory of local service providers (supervisors add them)"
    )
    providers_sub = providers.add_subparsers(
        dest="providers_command", metavar="ACTION", required=True
    )
    p = providers_sub.add_parser(
        "list", help="every provider, tab-separated: name, services, phone, state"
    )
    _store_options(p, True)
    p.set_defaults(func=cmd_providers_list)
    p = providers_sub.add_parser("add", help="add a provider (supervisors and administrators)")
    _store_options(p, True)
    p.add_argument("name", help="the provider's name, in quotes if it has spaces")
    p.add_argument(
        "--service",
        action="append",
        required=True,
        metavar="CODE",
        help="a service it offers, e.g. health, legal, psychosocial; repeatable",
    )
    p.add_argument("--contact", default="", help="the person to ask for")
    p.add_argument("--phone", default="")
    p.add_argument("--address", default="")
    p.add_argument("--eligibility", default="", help="who can be referred there")
    p.set_defaults(func=cmd_providers_add)

    p = command("demo", cmd_demo, "create a new demo store with synthetic cases", signs_in=False)
    p.add_argument("--cases", type=int, default=300)
    p.add_argument("--seed", type=int, help="the same seed gives the same cases")

    p = command("cases", cmd_cases, "list the cases you may see, tab-separated")
    p.add_argument("--status", choices=("open", "closed", "transferred"))
    p.add_argument("--search", help="names, case number or location; prefixes match")

    p = command(
        "reassign",
        cmd_reassign,
        "give cases to another caseworker, with a reason (supervisors, managers; "
        "--from: everything a person holds, also for administrators)",
    )
    p.add_argument("cases", nargs="*", metavar="CASE", help="case numbers")
    p.add_argument("--from", dest="from_user", metavar="USERNAME", help="every case they hold")
    p.add_argument("--to", required=True, metavar="USERNAME", help="who takes the cases")
    p.add_argument("--reason", required=True, help="why (kept in each case's history)")

    p = command("check", cmd_check, "check encryption, integrity, the audit log and its head")
    p.add_argument(
        "--accept-current",
        action="store_true",
        help="administrators, after restoring an older copy on purpose or a loss: trust the "
        "database as it is now (recorded in the audit log with what was lost); asks for the "
        "recovery key, which signs the restart so that check can tell it from a forged one",
    )
    p.add_argument(
        "--against",
        metavar="FILE",
        help="a backup, or a receipt from a partner agency: prove the history up to the audit "
        "head it carries is unchanged",
    )
    p = command(
        "report", cmd_report, "write a case document to a PDF file (not encrypted), to print"
    )
    p.add_argument(
        "kind",
        choices=(*REPORT_KINDS, "indicators", "monthly", "dhis2"),
        help="which document, the Standard 15 indicators of a period, or the monthly return "
        "(monthly: FILE.pdf, .xlsx or .csv; dhis2: a DHIS2 dataValueSet, FILE.json or .xml)",
    )
    p.add_argument("--case", metavar="NUMBER", help="the case number (case documents)")
    p.add_argument("--out", metavar="FILE.pdf", help="the file to write")
    p.add_argument(
        "--period",
        help="indicators: 2026-11, 2026-Q4, 2026 or 2026-01-01..2026-03-31; monthly, dhis2: 2026-11",
    )
    p.add_argument(
        "--scope",
        choices=("own", "team", "agency"),
        help="indicators: default the widest your role gives",
    )
    p.add_argument(
        "--mapping",
        metavar="FILE.json",
        help="dhis2: the agency's mapping to DHIS2 (desktop/dhis2_mapping_example.json)",
    )
    p.add_argument("--lang", choices=catalogue.languages(), help="default: the agency's language")
    p.add_argument(
        "--sections",
        help="summary only, comma-separated: registration, assessments, plan, services, "
        "follow_up, decisions, closure, notes (default: all but the contact notes)",
    )
    p.add_argument("--purpose", help="summary only: whom it is for, e.g. 'the case conference'")
    p.add_argument(
        "--conference", type=int, metavar="N", help="minutes only: the conference's number"
    )

    p = sub.add_parser("agency", help="this agency's public identity, and partner agencies")
    agency_commands = p.add_subparsers(dest="agency_command", metavar="ACTION", required=True)
    for name, func, help_text in (
        ("identity", cmd_agency_identity, "write this agency's public identity to a file"),
        ("add", cmd_agency_add, "add (or update) a partner agency from its identity file"),
        ("list", cmd_agency_list, "list the partner agencies"),
    ):
        action = agency_commands.add_parser(name, help=help_text)
        action.set_defaults(func=func)
        _store_options(action, True)
        if name == "identity":
            action.add_argument("--out", required=True, metavar="FILE")
        elif name == "add":
            action.add_argument("file", metavar="FILE")
            action.add_argument(
                "--verified",
                action="store_true",
                help="the fingerprint was checked with the agency (by phone, in person)",
            )

    p = command(
        "export",
        cmd_export,
        "send a transferred case to another agency as a package; or, managers: `export cases "
        "--deidentified --out FILE.csv|.xlsx`, every case without names, for M&E",
    )
    p.add_argument("what", nargs="?", choices=("cases",), help="cases: the de-identified list")
    p.add_argument("--case", metavar="NUMBER")
    p.add_argument("--to", metavar="FILE.ulz")
    p.add_argument(
        "--deidentified", action="store_true", help="with `cases`: every case, no names (managers)"
    )
    p.add_argument("--out", metavar="FILE.csv|FILE.xlsx", help="de-identified: the file to write")
    p.add_argument(
        "--fields",
        metavar="A,B,C",
        help="de-identified: the columns (default all): " + ", ".join(deidentified.FIELDS),
    )
    p.add_argument(
        "--suppress-small",
        action="store_true",
        help="de-identified: in each column, a value fewer than 5 cases share is 'suppressed'",
    )
    p.add_argument(
        "--key-file",
        metavar="F",
        help="de-identified: keep the codes' key in F (made if missing, read if there) to give "
        "the same codes in a later export",
    )
    to = p.add_mutually_exclusive_group()
    to.add_argument("--recipient", metavar="AGENCY_CODE", help="a partner in the address book")
    to.add_argument("--passphrase-file", metavar="F", help="a file holding the passphrase")
    p.add_argument("--reason", help="why the case is sent (kept in the package)")
    p.add_argument(
        "--consent-checked",
        action="store_true",
        help="you checked the case's current consent with the child and family (audited)",
    )
    p.add_argument(
        "--consent-override",
        metavar="REASON",
        help="supervisors only: send although the consent form does not name the agency",
    )
    p.add_argument(
        "--referral",
        metavar="FORMS",
        help="a referral package instead of a transfer: only these forms (comma-separated "
        "form ids, e.g. registration,initial_assessment); the case stays here",
    )

    p = command("import", cmd_import, "import a case package, or a receipt for one we sent")
    p.add_argument("file", metavar="FILE.ulz")
    p.add_argument("--passphrase-file", metavar="F")
    p.add_argument("--caseworker", metavar="USERNAME", help="who takes the case (default: you)")
    p.add_argument(
        "--new-case",
        action="store_true",
        help="import even though a case with the same child may exist here",
    )
    p.add_argument(
        "--confirm-unknown-sender",
        action="store_true",
        help="supervisors only: import from an agency not in the address book",
    )
    p.add_argument("--receipt", metavar="FILE", help="where to write the receipt")
    p.add_argument(
        "--link",
        metavar="NUMBER",
        help="add it beside this case of ours (the same child) instead of a new case",
    )

    p = command("backup", cmd_backup, "write an encrypted backup of the whole store")
    p.add_argument("--to", required=True, metavar="FILE")
    p.add_argument(
        "--passphrase-file",
        metavar="F",
        help="lock it with this passphrase (default: the store's recovery key, asked for)",
    )
    p = command("restore", cmd_restore, "restore a backup into a new store folder", signs_in=False)
    p.add_argument("file", metavar="FILE")
    p.add_argument("--into", required=True, metavar="DIR", help="a new, empty folder")
    p.add_argument("--passphrase-file", metavar="F")

    command("rekey", cmd_rekey, "re-encrypt the database under a new key")
    p = command("recover", cmd_recover, "set a user's password with the recovery key")
    p.set_defaults(needs_user=True)
    return parser


def _store_options(p: argparse.ArgumentParser, signs_in: bool) -> None:
    p.add_argument("--store", metavar="DIR", default=os.environ.get("ULINZI_STORE"))
    if signs_in:
        p.add_argument("--user", metavar="USERNAME")
    p.add_argument(
        "--password-stdin",
        action="store_true",
        help="read passwords from standard input, one a line",
    )


def run(argv: Sequence[str]) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    if getattr(args, "needs_user", False) and not args.user:
        parser.error("--user is required")
    secrets = Secrets(args.password_stdin)
    try:
        status = args.func(args, secrets)
        sys.stdout.flush()  # a closed pipe shows here, where it is handled, not at exit
        return status
    except UlinziError as e:
        print(f"ulinzi: {e.message}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("ulinzi: interrupted; nothing was changed by the unfinished step.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (`ulinzi cases | head`): stop quietly, as Unix tools do. Point
        # stdout at nothing so the interpreter's last flush does not fail a second time.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141  # 128 + SIGPIPE, what a shell shows for a tool stopped by a closed pipe
    except Exception:
        log.exception("unexpected error in `ulinzi %s`", args.command)
        print(f"ulinzi: something went wrong. Details are in {paths.log_file()}", file=sys.stderr)
        return 1
