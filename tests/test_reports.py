"""The printed case documents, read back as a person reads the paper: every field in the form's
order, in English and French, nothing lost across pages, the same code on every page, and a PDF
that other tools open, with a QR code a phone can scan."""

from __future__ import annotations

import dataclasses
import datetime
import functools
import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image
from pypdf import PdfReader

from reports import catalogue
from reports.case_documents import (
    Action,
    Answer,
    CaseIdentity,
    CaseSummary,
    ChildAction,
    ChildPlan,
    ClosureForm,
    ConsentLine,
    Event,
    FormBlock,
    Goal,
    Referral,
    SummarySection,
    TransferForm,
    build_case_summary,
    build_child_plan,
    build_closure_form,
    build_transfer_form,
)
from reports.layout import Document, Letterhead, PrintOptions, missing_glyphs
from reports.texts import format_date, texts

FORMS = Path(__file__).resolve().parent.parent / "desktop" / "forms"
CASE_NUMBER = "KGL-2026-0042"
CHILD = "Zawadi Élodie Wanjiru"
PRINTED = datetime.date(2026, 3, 14)
HEAD = Letterhead("Office de protection de l'enfance – Cœur", "KGL", "Gasabo", "Rwanda")


# -- realistic documents, built once ------------------------------------------------------------


def _case() -> CaseIdentity:
    return CaseIdentity(
        case_number=CASE_NUMBER,
        child_name=CHILD,
        sex="Female",
        birth_date=datetime.date(2013, 5, 2),
        birth_date_estimated=True,
        location="Kimironko, cellule Bibare",
        caregivers="Grace Uwase (tante, « maman Grace »)",
        caseworker="Cara Caseworker",
        supervisor="Sam Supervisor",
        registered_on=datetime.date(2025, 1, 20),
        stage="Closure",
    )


def _goals() -> tuple[Goal, ...]:
    return (
        Goal(1, "Éducation", "Zawadi redevient élève à l'école de Bibare", 2, 2),
        Goal(2, "Santé", "Suivi du cœur à l'hôpital chaque trimestre", 1, 2),
    )


def closure_form(**changes) -> ClosureForm:
    form = ClosureForm(
        case=_case(),
        version=2,
        reason="Objectifs du plan atteints",
        requested_on=datetime.date(2026, 2, 2),
        closed_on=datetime.date(2026, 3, 1),
        reason_notes="La famille est stable depuis six mois.",
        outcomes_summary="Zawadi est de nouveau élève ; son cœur va mieux. « Je suis contente ».",
        goals_achieved="Tous",
        goals=_goals(),
        risk_at_registration="High",
        risk_at_closure="Low",
        decided_with_family=True,
        child_views="« J'aime l'école et ma tante m'écoute. »",
        family_views="Grace remercie l'équipe.",
        post_closure_visit_on=datetime.date(2026, 5, 30),
        authorised_by="Sam Supervisor",
        authorised_on=datetime.date(2026, 3, 1),
        caregiver="Grace Uwase",
    )
    return dataclasses.replace(form, **changes)


def _action(n: int, text: str) -> Action:
    return Action(
        n, 1, text, "Caseworker", "Cara Caseworker", datetime.date(2026, 4, 1), "In progress"
    )


def transfer_form(**changes) -> TransferForm:
    form = TransferForm(
        case=_case(),
        version=1,
        from_agency="Office de protection de l'enfance – Cœur",
        to_agency="Hope for Children, Musanze",
        reason="The family moved",
        to_agency_contact="Jean-Baptiste Habimana, +250 788 000 000",
        reason_notes="La tante a déménagé à Musanze pour son travail.",
        case_reviewed=True,
        consent=(ConsentLine("Parent or caregiver: Grace Uwase", "Yes", "Signed", PRINTED),),
        consent_organisations=("Hope for Children",),
        consent_covers_receiver=True,
        concerns="Négligence ; l'élève manquait l'école.",
        care_arrangement="Kinship care",
        current_risk="Medium",
        permanency_goal="Stay with her aunt",
        goals=_goals(),
        open_actions=(_action(1, "Inscrire Zawadi à l'école de Musanze"),),
        referrals=(Referral("Health", "CHUK cardiologie", datetime.date(2025, 6, 1), "Seen"),),
        risks="Aucun nouveau risque.",
        documents=("Birth certificate", "School report"),
        child_informed=True,
        child_views="« Je veux rester avec ma tante. »",
        family_informed=True,
        approved_by="Sam Supervisor",
        approved_on=datetime.date(2026, 3, 2),
    )
    return dataclasses.replace(form, **changes)


def child_plan(**changes) -> ChildPlan:
    plan = ChildPlan(
        case_number=CASE_NUMBER,
        version=3,
        child_name="Zawadi",
        agency_name="Office de protection de l'enfance – Cœur",
        caseworker="Cara Caseworker",
        made_on=datetime.date(2026, 1, 10),
        goals=("GOAL-A go back to school", "GOAL-B see the heart doctor", "GOAL-C play football"),
        child_actions=(
            ChildAction("MINE-1 pack my school bag every evening", datetime.date(2026, 2, 1)),
        ),
        other_actions=(
            ChildAction("OTHER-1 pay the school fees", datetime.date(2026, 1, 31), "Aunt Grace"),
            ChildAction("OTHER-2 book the heart doctor", None, "Cara Caseworker"),
        ),
        review_on=datetime.date(2026, 4, 10),
    )
    return dataclasses.replace(plan, **changes)


def case_summary(long_answer: str = "L'élève va mieux.", **changes) -> CaseSummary:
    registration = FormBlock(
        title="Registration",
        caption="version 1, saved by Cara Caseworker on 20 January 2025",
        sections=(
            (
                "About the child",
                (
                    Answer("Nickname", "Zawa"),
                    Answer("How the case came to us", long_answer, long=True),
                    Answer(
                        "Siblings",
                        item_label="Sibling",
                        entries=((("Name", "Éric"), ("Age", "9")),),
                    ),
                ),
            ),
        ),
    )
    summary = CaseSummary(
        case=_case(),
        version=7,
        purpose="la réunion de cas du cœur",
        sections=(
            SummarySection("registration", "Registration", forms=(registration,)),
            SummarySection(
                "timeline",
                "Decisions and stage changes",
                events=(Event(datetime.date(2025, 2, 1), "Sam Supervisor", "Plan approved"),),
            ),
        ),
    )
    return dataclasses.replace(summary, **changes)


def _options(language: str = "en", **changes) -> PrintOptions:
    return dataclasses.replace(PrintOptions(printed_on=PRINTED, language=language), **changes)


def closure(lang: str = "en", head: Letterhead = HEAD, **changes) -> Document:
    return build_closure_form(closure_form(**changes), head, _options(lang))


def transfer(lang: str = "en", head: Letterhead = HEAD, **changes) -> Document:
    return build_transfer_form(transfer_form(**changes), head, _options(lang))


def plan(lang: str = "en", head: Letterhead = HEAD, **changes) -> Document:
    return build_child_plan(child_plan(**changes), head, _options(lang))


def summary(lang: str = "en", head: Letterhead = HEAD, **changes) -> Document:
    return build_case_summary(case_summary(**changes), head, _options(lang))


BUILDERS = {"closure": closure, "transfer": transfer, "plan": plan, "summary": summary}


# -- reading the paper --------------------------------------------------------------------------


def _flat(text: str) -> str:
    return " ".join(text.split())  # pypdf breaks lines anywhere; non-breaking spaces too


def page_texts(doc: Document) -> list[str]:
    return [_flat(p.extract_text()) for p in PdfReader(io.BytesIO(doc.pdf)).pages]


def text(doc: Document) -> str:
    return " ".join(page_texts(doc))


def body(doc: Document, lang: str = "en") -> str:
    """The pages' text without the running header and footer, as a reader follows it over a
    page break."""
    w = texts(lang)
    pages = []
    for number, page in enumerate(page_texts(doc)):
        page = page[: page.rindex(w["confidential"])]
        if number:
            page = page.split(f" · {w['case']} {CASE_NUMBER} ", 1)[1]
        pages.append(page)
    return _flat(" ".join(pages))


def assert_in_order(haystack: str, needles: list[str]) -> None:
    """Each needle appears after the previous one (what a reader sees going down the page)."""
    at = 0
    for needle in needles:
        found = haystack.find(_flat(needle), at)
        assert found >= 0, f"{needle!r} not found after position {at}: …{haystack[at : at + 200]}"
        at = found + len(_flat(needle))


def numbered_words(count: int) -> str:
    """A marker every ~50 characters: 'w0001 de l'élève et du cœur « encore » un peu plus w0002…'."""
    filler = "de l'élève et du cœur « encore » un peu plus"
    return " ".join(f"w{n:04d} {filler}" for n in range(1, count + 1))


@functools.cache
def built(kind: str, lang: str = "en") -> Document:
    """The realistic documents, built once for the tests that only read them."""
    return BUILDERS[kind](lang)


def png_logo() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (120, 60), "navy").save(out, "PNG")
    return out.getvalue()


def forty_actions() -> tuple[Action, ...]:
    filler = "Accompagner l'élève et sa tante chez le médecin du cœur, « sans faute », puis"
    return tuple(_action(n, f"{filler} {filler} ACTION-{n:02d}-END") for n in range(1, 41))


def action_header(w: dict[str, str]) -> str:
    return " ".join(w[k] for k in ("action_no", "action", "responsible", "due", "status"))


# -- every field, in the form's order -----------------------------------------------------------


def _closure_order(w: dict[str, str], lang: str) -> list[str]:
    form = closure_form()
    colon = w["colon"]
    return [
        w["closure_title"],
        w["case_number"],
        CASE_NUMBER,
        w["child_name"],
        CHILD,
        w["closure_reason"],
        form.reason,
        w["outcomes_summary"],
        form.outcomes_summary,
        w["risk_at_registration"],
        form.risk_at_registration,
        w["risk_at_closure"],
        form.risk_at_closure,
        w["child_views"],
        form.child_views,
        w["post_closure_visit_on"],
        format_date(form.post_closure_visit_on, lang),
        w["authorised_by"],
        form.authorised_by,
        w["signatures"],
        w["role_child"],
        w["name"] + colon,
        CHILD,
        w["signature"] + colon,
        w["date"] + colon,
        w["thumbprint"],
        w["role_caregiver"],
        form.caregiver,
        w["role_caseworker"],
        "Cara Caseworker",
        w["role_supervisor"],
        form.authorised_by,
    ]


def _transfer_order(w: dict[str, str], lang: str) -> list[str]:
    form = transfer_form()
    return [
        w["transfer_title"],
        w["from_agency"],
        form.from_agency,
        w["to_agency"],
        form.to_agency,
        w["transfer_reason"],
        form.reason,
        w["case_number"],
        CASE_NUMBER,
        w["child_name"],
        CHILD,
        w["consent_to_share"],
        form.consent[0].who,
        w["concerns"],
        form.concerns,
        w["current_risk"],
        form.current_risk,
        w["permanency_goal"],
        form.permanency_goal,
        w["open_actions"],
        action_header(w),
        form.open_actions[0].text,
        w["referrals"],
        form.referrals[0].provider,
        w["risks_heading"],
        form.risks,
        w["child_views"],
        form.child_views,
        w["documents_sent"],
        "☐ Birth certificate",
        w["approved_by"],
        form.approved_by,
        w["signatures"],
        w["role_caseworker"],
        w["role_supervisor"],
        w["receipt"],
        w["receipt_note"],
        w["received_on"],
        w["documents_complete"],
        w["tick_yes_no"],
        w["role_receiver"],
    ]


def _plan_order(w: dict[str, str], lang: str) -> list[str]:
    p = child_plan()
    return [
        w["child_plan_title"],
        w["child_plan_intro"].format(name=p.child_name, date=format_date(p.made_on, lang)),
        w["child_goals"],
        *p.goals,
        w["child_actions"],
        p.child_actions[0].text,
        w["by_date"].format(date=format_date(p.child_actions[0].due, lang)),
        w["others_actions"],
        p.other_actions[0].text,
        p.other_actions[0].who,
        p.other_actions[1].text,
        p.other_actions[1].who,
        w["next_talk"],
        w["next_talk_text"].format(date=format_date(p.review_on, lang)),
        w["who_to_talk_to"],
        w["who_to_talk_to_text"].format(caseworker=p.caseworker, agency=p.agency_name),
        w["role_child"],
        w["role_caseworker"],
    ]


def _summary_order(w: dict[str, str], lang: str) -> list[str]:
    s = case_summary()
    return [
        w["summary_title"],
        w["summary_subtitle"].format(purpose=s.purpose),
        w["identification"],
        w["case_number"],
        CASE_NUMBER,
        w["child_name"],
        CHILD,
        "Registration",
        "version 1, saved by Cara Caseworker on 20 January 2025",
        "About the child",
        "Nickname",
        "Zawa",
        "How the case came to us",
        "L'élève va mieux.",
        "Sibling 1",
        "Éric",
        "Decisions and stage changes",
        " ".join((w["when"], w["who"], w["what"])),
        format_date(datetime.date(2025, 2, 1), lang),
        "Plan approved",
    ]


ORDER = {
    "closure": _closure_order,
    "transfer": _transfer_order,
    "plan": _plan_order,
    "summary": _summary_order,
}
DOCUMENTS = [(kind, lang) for kind in BUILDERS for lang in ("en", "fr")]


@pytest.mark.parametrize(("kind", "lang"), DOCUMENTS)
def test_every_field_is_printed_in_the_forms_order(kind, lang):
    assert_in_order(body(built(kind, lang), lang), ORDER[kind](texts(lang), lang))


# -- nothing lost across pages ------------------------------------------------------------------


def test_forty_open_actions_run_over_pages_with_the_table_header_on_each():
    w = texts("en")
    doc = transfer(open_actions=forty_actions())
    pages = page_texts(doc)
    assert doc.pages == len(pages) > 1
    whole = " ".join(pages)
    markers = [f"ACTION-{n:02d}-END" for n in range(1, 41)]
    assert re.findall(r"ACTION-\d\d-END", whole) == markers  # each once, in order
    holding = [p for p in pages if re.search(r"ACTION-\d\d-END", p)]
    assert len(holding) > 1
    for page in holding:
        header = page.find(action_header(w))
        assert 0 <= header < page.find("ACTION-"), page[:300]


def test_a_5000_character_outcomes_summary_loses_no_word():
    summary_text = numbered_words(100)
    assert len(summary_text) >= 5000
    doc = closure(outcomes_summary=summary_text)
    assert doc.pages > 1
    assert re.findall(r"\bw\d{4}\b", body(doc)) == [f"w{n:04d}" for n in range(1, 101)]


@pytest.mark.parametrize("long", [True, False])
def test_a_5000_character_answer_in_a_case_summary_loses_no_word(long):
    answer = numbered_words(100)
    summary_form = dataclasses.replace(
        case_summary(),
        sections=(
            SummarySection(
                "registration",
                "Registration",
                forms=(
                    FormBlock("Registration", "", (("About", (Answer("Story", answer, long),)),)),
                ),
            ),
        ),
    )
    doc = build_case_summary(summary_form, HEAD, _options())
    assert doc.pages > 1
    assert re.findall(r"\bw\d{4}\b", body(doc)) == [f"w{n:04d}" for n in range(1, 101)]


def test_a_1000_character_action_in_the_transfer_table_loses_no_word():
    action = numbered_words(20)
    assert len(action) >= 1000
    doc = transfer(open_actions=(_action(1, action), _action(2, "ACTION-02-END")))
    assert re.findall(r"\bw\d{4}\b", text(doc)) == [f"w{n:04d}" for n in range(1, 21)]
    assert "ACTION-02-END" in text(doc)


# -- the same content, the same paper and code --------------------------------------------------


def test_the_same_form_gives_the_same_bytes():
    assert closure().pdf == built("closure").pdf
    assert transfer("fr").pdf == built("transfer", "fr").pdf


def test_the_code_follows_the_content_not_the_print_date():
    first = built("closure")
    changed = closure(child_views="« Je veux rester à l'école. »")
    assert changed.verification.digest != first.verification.digest
    assert changed.verification.short != first.verification.short

    later = build_closure_form(
        closure_form(), HEAD, _options(printed_on=datetime.date(2026, 3, 15))
    )
    assert later.verification == first.verification
    w = texts("en")
    assert w["printed_on"].format(date="15 March 2026") in text(later)
    assert w["printed_on"].format(date="14 March 2026") not in text(later)
    assert w["printed_on"].format(date="14 March 2026") in text(first)


# -- every page: confidential, page x of y, the code --------------------------------------------


@pytest.mark.parametrize(("kind", "lang"), DOCUMENTS)
def test_every_page_is_marked_confidential_numbered_and_coded(kind, lang):
    check_every_page(built(kind, lang), texts(lang))


def test_every_page_of_a_long_transfer_is_numbered_and_coded():
    check_every_page(transfer(open_actions=forty_actions()), texts("en"))


def check_every_page(doc: Document, w: dict[str, str]) -> None:
    pages = page_texts(doc)
    assert doc.pages == len(pages)
    for number, page in enumerate(pages, start=1):
        assert w["confidential"] in page
        assert re.search(
            re.escape(w["page_of"].format(page=number, pages=len(pages))) + r"\b", page
        )
        assert _flat(doc.verification.text) in page


@pytest.mark.parametrize("kind", BUILDERS)
def test_the_pdf_title_names_the_case_but_not_the_child(kind):
    doc = built(kind)
    meta = PdfReader(io.BytesIO(doc.pdf)).metadata
    assert CASE_NUMBER in meta.title
    for value in meta.values():
        assert "Zawadi" not in str(value)


# -- other tools open it ------------------------------------------------------------------------


@pytest.mark.parametrize("kind", BUILDERS)
def test_qpdf_finds_the_pdf_well_formed(kind, tmp_path):
    path = tmp_path / f"{kind}.pdf"
    path.write_bytes(built(kind, "fr").pdf)
    result = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("kind", BUILDERS)
def test_the_qr_code_scans_to_the_verification_payload(kind, tmp_path):
    doc = built(kind)
    pdf = tmp_path / "doc.pdf"
    pdf.write_bytes(doc.pdf)
    subprocess.run(
        ["pdftoppm", "-r", "200", "-png", "-f", "1", "-l", "1", "-singlefile"]
        + [str(pdf), str(tmp_path / "page")],
        check=True,
    )
    scan = subprocess.run(
        ["zbarimg", "--raw", "-q", str(tmp_path / "page.png")], capture_output=True, text=True
    )
    assert scan.stdout.strip() == doc.verification.payload


# -- letterhead, watermark, paper, fonts --------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_demo_store_prints_demo_on_every_document(lang):
    w = texts(lang)
    demo = closure(lang, head=dataclasses.replace(HEAD, is_demo=True))
    assert all(w["demo"] in page for page in page_texts(demo))
    assert _flat(w["demo_note"]) in text(demo)
    real = text(built("closure", lang))
    assert w["demo"] not in real
    assert _flat(w["demo_note"]) not in real


@pytest.mark.parametrize(("paper", "size"), [("Letter", (612, 792)), (None, (595, 842))])
def test_pages_have_the_chosen_paper_size(paper, size):
    options = _options(paper=paper) if paper else _options()
    doc = build_transfer_form(transfer_form(), HEAD, options)
    for page in PdfReader(io.BytesIO(doc.pdf)).pages:
        assert (round(page.mediabox.width), round(page.mediabox.height)) == size


def test_the_font_draws_every_character_of_the_forms_and_documents():
    definitions = sorted(FORMS.glob("*.yaml"))
    assert definitions
    for path in definitions:
        assert missing_glyphs(path.read_text(encoding="utf-8")) == set(), path.name
    for lang in catalogue.languages():
        words = texts(lang)
        for key, value in words.items():
            assert missing_glyphs(value) == set(), (lang, key)


def test_the_text_is_set_in_the_embedded_dejavu_font():
    reader = PdfReader(io.BytesIO(built("closure", "fr").pdf))
    for page in reader.pages:
        fonts = [f.get_object() for f in page["/Resources"]["/Font"].values()]
        embedded = [f["/BaseFont"] for f in fonts if f["/Subtype"] != "/Type1"]
        # ReportLab's canvas names Helvetica in every page's preamble; it draws nothing with it
        assert embedded and all("DejaVu" in name for name in embedded)
    french = text(built("closure", "fr"))
    assert "Formulaire de clôture du dossier" in french
    assert "son cœur va mieux" in french
    assert "« J'aime l'école et ma tante m'écoute. »" in french


def _has_image(doc: Document) -> bool:
    resources = PdfReader(io.BytesIO(doc.pdf)).pages[0]["/Resources"]
    objects = resources.get("/XObject", {})
    return any(o.get_object()["/Subtype"] == "/Image" for o in objects.values())


def test_the_agency_logo_is_drawn_on_the_first_page():
    assert _has_image(closure(head=dataclasses.replace(HEAD, logo=png_logo())))
    assert not _has_image(built("closure"))


def test_an_unreadable_logo_still_prints_the_form_with_the_agency_name():
    doc = closure(head=dataclasses.replace(HEAD, logo=b"\x89PNG not really"))
    assert doc.pages >= 1
    assert HEAD.agency_name in page_texts(doc)[0]


# -- the child's own copy -----------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_childs_plan_is_short_and_says_who_does_what(lang):
    w = texts(lang)
    p = child_plan()
    doc = built("plan", lang)
    assert doc.pages <= 2
    assert_in_order(
        body(doc, lang),
        [
            p.child_name,
            *p.goals,
            w["child_actions"],
            p.child_actions[0].text,
            w["others_actions"],
            p.other_actions[0].text,
            p.other_actions[0].who,
            p.other_actions[1].text,
            p.other_actions[1].who,
        ],
    )


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_childs_plan_says_nothing_about_risk(lang):
    words = text(built("plan", lang)).lower()
    assert "risk" not in words
    assert "risque" not in words


# -- signatures ---------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_closure_form_is_signed_by_four_with_two_thumbprints(lang):
    w = texts(lang)
    words = text(built("closure", lang))
    signing = words[words.index(w["signatures"]) :]
    roles = ["role_child", "role_caregiver", "role_caseworker", "role_supervisor"]
    assert_in_order(signing, [w[r] for r in roles])
    assert signing.count(w["thumbprint"]) == 2
    assert signing.count(_flat(w["signature"] + w["colon"])) == 4


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_transfer_form_ends_with_the_receiving_agencys_receipt(lang):
    w = texts(lang)
    last = page_texts(built("transfer", lang))[-1]
    keys = ["receipt", "receipt_note", "received_on", "documents_complete", "role_receiver"]
    assert_in_order(last, [w[k] for k in keys] + [w["signature"]])


# -- what people type ---------------------------------------------------------------------------


def test_typed_text_that_looks_like_markup_prints_as_typed():
    typed = "<b>bold</b> & <font size=40>"
    doc = transfer(child_views=typed, reason=typed, open_actions=(_action(1, typed),))
    assert text(doc).count(typed) == 3


free_text = st.text(
    alphabet=st.characters(categories=("L", "N", "P", "Zs"), include_characters="\n"),
    max_size=300,
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reason=free_text, notes=free_text, summary_text=free_text, views=free_text)
def test_any_typed_text_prints(reason, notes, summary_text, views):
    form = closure_form(
        reason=reason,
        reason_notes=notes,
        outcomes_summary=summary_text,
        child_views=views,
        family_views=views,
    )
    assert build_closure_form(form, HEAD, _options()).pages >= 1


def test_a_truncated_logo_still_prints_the_form_with_the_agency_name():
    truncated = png_logo()[:60]  # a valid PNG header, the picture cut off
    doc = closure(head=dataclasses.replace(HEAD, logo=truncated))
    assert HEAD.agency_name in page_texts(doc)[0]


def test_a_long_caregiver_name_stays_clear_of_the_thumbprint_box(tmp_path):
    pdf = tmp_path / "closure.pdf"
    pdf.write_bytes(closure(caregiver="Marie-Claire Uwimana Mukamana").pdf)
    html = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    words = re.findall(
        r'xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]+)<', html
    )
    # The whole name is printed, smaller, on its line, which ends before the thumbprint box.
    ends = [float(x1) for _, x1, w in words if w == "Mukamana"]
    caption = max((float(x0) + float(x1)) / 2 for x0, x1, w in words if w == "Thumbprint")
    assert ends and max(ends) < caption - 12 / 25.4 * 72


def test_the_receipt_asks_who_received_the_case():
    assert texts("en")["received_by"] in page_texts(built("transfer"))[-1]


# -- a new language ---------------------------------------------------------------------------

SPANISH = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context><name>Documents</name>
  <message><source>Case closure form</source><translation>Formulario de cierre del caso</translation></message>
  <message><source>Page {page} of {pages}</source><translation>Página {page} de {pages}</translation></message>
</context>
<context><name>Dates</name>
  <message><source>March</source><translation>marzo</translation></message>
  <message><source>1 {month} {year}</source><translation>1 de {month} de {year}</translation></message>
</context>
</TS>
"""


@pytest.fixture
def spanish_catalogue(tmp_path, monkeypatch):
    """A translation folder holding French as shipped and a first, partial Spanish file."""
    shutil.copy(catalogue.FOLDER / "ulinzi_fr.ts", tmp_path)
    (tmp_path / "ulinzi_es.ts").write_text(SPANISH, encoding="utf-8")
    monkeypatch.setattr(catalogue, "FOLDER", tmp_path)
    catalogue.catalogue.cache_clear()
    yield tmp_path
    catalogue.catalogue.cache_clear()


def test_a_new_language_prints_from_its_translation_file_alone(spanish_catalogue):
    assert "es" in catalogue.languages()  # offered by the command line and the window
    pages = page_texts(closure("es"))
    assert pages[0].startswith(HEAD.agency_name)
    assert "Formulario de cierre del caso" in pages[0]
    assert "1 de marzo de 2026" in text(closure("es"))  # the case was closed on 1 March
    assert "Página 1 de" in pages[0]
    # What the Spanish file does not say yet prints in English, never as a blank.
    assert "Reason for closing" in text(closure("es"))
    assert "Formulaire de clôture du dossier" in page_texts(closure("fr"))[0]
