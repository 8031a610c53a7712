"""The registration details of DOMAIN.md step 1 that are not list columns: their choice codes.

The window shows each code in the user's language. The guided-forms issue replaces this with a
registration form definition; the codes stay the same so existing answers keep their meaning.
"""

from __future__ import annotations

CARE_ARRANGEMENTS = (
    "both_parents",
    "one_parent",
    "kinship",
    "foster_family",
    "residential_care",
    "child_headed_household",
    "street_or_alone",
    "other",
)
CONCERNS = (
    "neglect",
    "physical_abuse",
    "sexual_abuse",
    "emotional_abuse",
    "exploitation",
    "separated",
    "child_marriage",
    "violence_at_home",
    "out_of_school",
    "other",
)
REFERRERS = (
    "community_volunteer",
    "self_referral",
    "family_member",
    "police",
    "health_worker",
    "school",
    "other_agency",
    "other",
)
CONSENT_METHODS = ("verbal", "written", "thumbprint")
CONSENT_PURPOSES = ("interview", "sharing", "services")
