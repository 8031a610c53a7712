"""One French term for each thing everywhere a French reader meets it: the window's catalogue
(which the printed documents use too) and the forms' definitions. The terms are those of the
French procedures the offices work with: "plan de prise en charge", "évaluation complète"."""

from __future__ import annotations

import re
from xml.etree import ElementTree

from desktop.forms.definition import _parse, shipped_sources
from desktop.languages import FOLDER

REJECTED = {
    "plan(s)? de cas": "plan de prise en charge",
    "évaluation(s)? approfondie(s)?": "évaluation complète",
}


def french_texts() -> list[tuple[str, str]]:
    """(where, text) for every French text: translations, then the forms' `fr:` texts."""
    found = []
    tree = ElementTree.parse(FOLDER / "ulinzi_fr.ts")
    for message in tree.iter("message"):
        for translation in message.iter("translation"):
            texts = [translation.text or ""] + [
                n.text or "" for n in translation.iter("numerusform")
            ]
            source = message.findtext("source") or ""
            found += [(f"ulinzi_fr.ts: {source!r}", t) for t in texts]

    def walk(where: str, node: object) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "fr" and isinstance(value, str):
                    found.append((where, value))
                else:
                    walk(where, value)
        elif isinstance(node, list):
            for item in node:
                walk(where, item)

    for name, source in sorted(shipped_sources().items()):
        walk(name, _parse(name, source))
    return found


def test_french_texts_use_one_term_for_the_case_plan_and_the_full_assessment():
    texts = french_texts()
    assert len(texts) > 1000  # the scan reads them all
    wrong = [
        f"{where}: {text!r} (say “{term}”)"
        for where, text in texts
        for pattern, term in REJECTED.items()
        if re.search(pattern, text, re.IGNORECASE)
    ]
    assert wrong == []
