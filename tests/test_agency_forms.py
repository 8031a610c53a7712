"""A form an agency adds with `ulinzi forms import`: checked like the shipped ones, filled from
the case file through the real wizard, versioned, printed in the case summary, carried in a
package to an agency that does not have it, and removed only while no case answered it."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt

from db.errors import InvalidInput
from desktop import case_forms, cases, documents, exchange
from desktop.forms.definition import FormDefinitionError
from tests.conftest import run_signed_in
from tests.stories import approved_transfer, assessed_case, introduce, text_of
from tests.wizard_helpers import fill, open_case_file, open_window, press, wait_for_wizard

PLACEMENT = """\
id: placement
version: 1
title: {en: Placement record, fr: Fiche de placement}
description: {en: Where the child is placed and why., fr: Où l'enfant est placé et pourquoi.}
step: implementation
sections:
  - id: where
    title: {en: The placement, fr: Le placement}
    fields:
      - id: facility
        type: text
        label: {en: Facility or family, fr: Structure ou famille}
        required: true
      - id: kind
        type: choice
        label: {en: Kind of care, fr: Type de prise en charge}
        choices:
          - {code: kinship, label: {en: Kinship care, fr: Prise en charge par la famille élargie}}
          - {code: foster, label: {en: Foster care, fr: Famille d'accueil}}
          - {code: residential, label: {en: Residential care, fr: Prise en charge résidentielle}}
      - id: placed_on
        type: date
        label: {en: Placed on, fr: Placé le}
        max: today
"""


def forms(folder, *args: str):
    return run_signed_in(folder, "forms", *args)


def test_a_new_form_is_imported_listed_and_checked_like_the_shipped_ones(agency, tmp_path):
    new = tmp_path / "placement.yaml"
    new.write_text(PLACEMENT.replace("type: text", "type: texte"), encoding="utf-8")
    refused = forms(agency.folder, "import", str(new))
    assert refused.returncode == 1
    assert re.match(
        r"ulinzi: Form definition placement\.yaml, line 11: “type” must be", refused.stderr
    )
    new.write_text(PLACEMENT, encoding="utf-8")
    added = forms(agency.folder, "import", str(new))
    assert added.returncode == 0, added.stderr
    assert "The form placement (placement.yaml) is added" in added.stdout
    listed = forms(agency.folder, "list").stdout
    assert "placement.yaml\tplacement\tv1\tadded by the agency" in listed
    assert "registration.yaml\tregistration\tv1\tshipped" in listed
    with agency.sign_in("admin") as us:
        # Imported again unchanged it is fine; changed, it needs a higher version, like any form.
        case_forms.save_form_file(us, "placement.yaml", PLACEMENT)
        with pytest.raises(FormDefinitionError, match="its version must be higher than 1"):
            case_forms.save_form_file(
                us, "placement.yaml", PLACEMENT.replace("Kind of care", "Type of care")
            )
        # A copy of a shipped form under another name does not make a second registration.
        copy = case_forms.form_file_text(us, "registration.yaml")
        with pytest.raises(InvalidInput) as twice:
            case_forms.save_form_file(us, "my-registration.yaml", copy)
        odd = PLACEMENT.replace("id: placement", "id: placement_two")
        with pytest.raises(InvalidInput, match=r"ending in \.yaml \(like placement\.yaml\)"):
            case_forms.save_form_file(us, "Placement Form.yaml", odd)
        with pytest.raises(FormDefinitionError):
            case_forms.save_form_file(us, "broken.yaml", "id: broken\nversion: one\n")
        assert "broken" not in case_forms.form_set(us).forms
    assert twice.value.message == (
        "The form “registration” is already defined by registration.yaml. To change it, import "
        "your edited copy in its place: ulinzi forms import my-registration.yaml --file "
        "registration.yaml"
    )


def test_an_added_form_is_removed_only_while_no_case_has_answers_to_it(agency, tmp_path):
    uuid = assessed_case(agency)
    with agency.sign_in("admin") as us:
        case_forms.save_form_file(us, "placement.yaml", PLACEMENT)
        case_forms.restore_shipped_form_file(us, "placement.yaml")  # nobody answered it yet
        assert "placement" not in case_forms.form_set(us).forms
        case_forms.save_form_file(us, "placement.yaml", PLACEMENT)
        with pytest.raises(InvalidInput, match="no form file"):
            case_forms.restore_shipped_form_file(us, "nothing.yaml")
    with agency.sign_in("cara") as us:
        case_forms.submit_form(us, uuid, "placement", {"facility": "Grandmother's home"}, None)
    with agency.sign_in("admin") as us:
        with pytest.raises(InvalidInput) as refused:  # `ulinzi forms reset placement.yaml`
            case_forms.restore_shipped_form_file(us, "placement.yaml")
        files = {f.file: f for f in case_forms.form_files(us)}
    assert refused.value.message.startswith(
        "The form “placement” cannot be removed: 1 case(s) have answers to it."
    )
    assert files["placement.yaml"].added_by_agency and files["placement.yaml"].version == 1


def test_an_added_form_is_filled_versioned_printed_and_carried_to_an_agency_without_it(
    qtbot, agency, partner, tmp_path
):
    uuid = approved_transfer(agency)
    with agency.sign_in("admin") as us:
        case_forms.save_form_file(us, "placement.yaml", PLACEMENT)  # `ulinzi forms import`

    # Filled from the case file, through the real wizard; then a second version of it.
    window = open_window(qtbot, agency, "sam")  # the transfer is approved: a supervisor's file
    case_file = open_case_file(qtbot, window, uuid)
    listed = [case_file.form_list.item(r).text() for r in range(case_file.form_list.count())]
    assert "Placement record\nnot filled in yet" in listed
    for facility, kind in (("Grandmother's home", "kinship"), ("Umuhoza family", "foster")):
        case_file.show_form("placement")
        press(qtbot, case_file, case_file.fill_button)
        wizard = wait_for_wizard(qtbot, window)
        fill(wizard, "placement", {"facility": facility, "kind": kind})
        with (
            qtbot.waitSignal(case_file.refreshed, timeout=10000),
            qtbot.waitSignal(wizard.saved, timeout=10000),
        ):
            qtbot.mouseClick(wizard.finish_button, Qt.MouseButton.LeftButton)
    window.close()
    with agency.sign_in("sam") as us:
        saved = [x for x in cases.open_case(us, uuid).forms if x.form_id == "placement"]
        summary = documents.make_document(us, uuid, "summary")
        french = documents.make_document(us, uuid, "summary", language="fr")
    assert [(x.revision, x.answers["facility"]) for x in saved] == [
        (1, "Grandmother's home"),
        (2, "Umuhoza family"),
    ]
    assert saved[1].changed == ("facility", "kind")
    text = " ".join(text_of(summary.pdf).split())
    assert "Other forms Placement record version 2" in text
    assert "Facility or family Umuhoza family" in text and "Kind of care Foster care" in text
    assert "Fiche de placement" in text_of(french.pdf) and "Famille d'accueil" in text_of(
        french.pdf
    )

    # Carried in the package: the partner has no such form, and still reads every version.
    introduce(agency, partner)
    out = tmp_path / "case.ulz"
    with agency.sign_in("cara") as us:
        exchange.export_case(us, uuid, out, recipient="MUS", reason="The family moved.")
    with partner.sign_in("cara") as us:
        assert "placement" not in case_forms.form_set(us).forms
        done = exchange.import_package(us, out.read_bytes())
        there = [x for x in cases.open_case(us, done.case_uuid).forms if x.form_id == "placement"]
        received = documents.make_document(us, done.case_uuid, "summary")
    assert [x.answers["facility"] for x in there] == ["Grandmother's home", "Umuhoza family"]
    assert there[1].definition.title.en == "Placement record"
    assert "Facility or family Umuhoza family" in " ".join(text_of(received.pdf).split())
    window = open_window(qtbot, partner, "cara")
    case_file = open_case_file(qtbot, window, done.case_uuid)
    case_file.show_form("placement")
    assert case_file.current_form == "placement"
    assert "Umuhoza family" in case_file.view.toPlainText()
    assert not case_file.fill_button.isVisible()  # read only here: the form is not ours
    window.close()
