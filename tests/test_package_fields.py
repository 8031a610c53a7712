"""Every field of a received case is checked against its shape and bounds before anything is
shown or stored: a package signed by a trusted partner is still outside input."""

from __future__ import annotations

import uuid as uuids
from contextlib import suppress

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop import cases, exchange
from desktop.packages import PackageError
from tests.stories import sent_package

MEGABYTE_NAME = "Zawadi" * 200_000


@pytest.fixture
def signed_by_a_partner(agency, partner, tmp_path):
    """Make a package KGL's own software could have signed, with case.json changed by `edit`."""
    _, sent = sent_package(agency, partner, tmp_path)

    def make(edit) -> bytes:
        record = sent.record()
        edit(record)
        return sent.signed(record, package_id=str(uuids.uuid4()))

    return make


def _import(partner, package: bytes):
    with partner.sign_in("cara") as us:
        return exchange.import_package(us, package, accept_duplicates=True)


def test_a_megabyte_long_name_in_a_signed_package_is_refused(partner, signed_by_a_partner):
    def long_name(record):
        record["case"]["given_name"] = MEGABYTE_NAME

    def long_answer(record):
        registration = next(f for f in record["forms"] if f["form_id"] == "registration")
        registration["answers"]["given_name"] = MEGABYTE_NAME

    for edit, where in ((long_name, "case.given_name"), (long_answer, "registration.given_name")):
        with pytest.raises(PackageError) as refused:
            _import(partner, signed_by_a_partner(edit))
        assert "damaged" in refused.value.message and where in refused.value.message
        assert "Zawadi" not in refused.value.message
    with partner.sign_in("sam") as us:
        assert cases.count_cases(us) == 0


def _set(path):
    def edit(record, value):
        target = record
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return edit


FIELDS = [
    ("case", "given_name"), ("case", "birth_date"), ("case", "registered_at"), ("forms",),
    ("forms", 0), ("forms", 0, "instance"), ("forms", 0, "answers"), ("forms", 0, "changed"),
    ("approvals",), ("approvals", 0), ("approvals", 0, "submission"), ("stage_moves", 0),
    ("stage_moves", 0, "at"), ("plan_action_updates",), ("conferences",), ("history",),
    ("history", 0), ("history", 0, "at"), ("signed_copies",), ("conference_actions",),
]  # fmt: skip
ODD_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=5),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3)
    ),
    max_leaves=6,
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(field=st.sampled_from(FIELDS), value=ODD_VALUES)
def test_odd_values_in_a_signed_package_import_or_are_refused_plainly(
    partner, signed_by_a_partner, field, value
):
    def edit(record):
        # A field this case does not have leaves the package as it was.
        with suppress(IndexError, KeyError, TypeError):
            _set(field)(record, value)

    try:
        _import(partner, signed_by_a_partner(edit))
    except PackageError as refused:
        assert "damaged" in refused.message or "duplicate" in refused.message.lower()
