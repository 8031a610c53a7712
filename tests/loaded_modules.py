"""A pytest plugin (`-p tests.loaded_modules`): when the run ends, write which Python modules and
shared libraries the process loaded to $ULINZI_LOADED_OUT, as JSON. tests/test_installer.py runs
a window test with it to learn what the bundle must hold."""

from __future__ import annotations

import json
import os
import sys


def pytest_sessionfinish(session, exitstatus) -> None:  # type: ignore[no-untyped-def]
    out = os.environ.get("ULINZI_LOADED_OUT")
    if not out:
        return
    with open("/proc/self/maps", encoding="utf-8") as maps:
        paths = {line.split()[-1] for line in maps if len(line.split()) >= 6}
    with open(out, "w", encoding="utf-8") as f:
        json.dump(
            {
                # name: its file ("" for built-in and namespace modules)
                "modules": {
                    name: getattr(module, "__file__", None) or ""
                    for name, module in sorted(sys.modules.items())
                },
                "libraries": sorted(p for p in paths if ".so" in os.path.basename(p)),
                "exitstatus": int(exitstatus),
            },
            f,
        )
