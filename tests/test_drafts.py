"""Drafts belong to their author and survive closing the store."""

from desktop import drafts


def test_a_draft_survives_reopening_and_is_private(agency):
    with agency.sign_in("cara") as us:
        drafts.save_draft(us, "new_case", "", {"given_name": "Zawadi", "concerns": ["neglect"]})
        drafts.save_draft(us, "new_case", "", {"given_name": "Zawadi W."})
    with agency.sign_in("carl") as us:
        assert drafts.load_draft(us, "new_case", "") is None
    with agency.sign_in("cara") as us:
        saved = drafts.load_draft(us, "new_case", "")
        assert saved.data == {"given_name": "Zawadi W."}
        drafts.discard_draft(us, "new_case", "")
        assert drafts.load_draft(us, "new_case", "") is None
