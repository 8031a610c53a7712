"""The window's edges, read from its source: what `ui/` may import, who runs threads, who keeps
the signed-in session. Each rule is one a reviewer would otherwise have to remember."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

UI = Path(__file__).resolve().parent.parent / "ui"


def modules() -> list[tuple[str, ast.Module]]:
    return [
        (str(path.relative_to(UI.parent)), ast.parse(path.read_text("utf-8")))
        for path in sorted(UI.rglob("*.py"))
    ]


def imported(tree: ast.Module) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_the_window_imports_only_the_core_never_the_store_or_the_pdf_code() -> None:
    found = {
        f"{name}: {module}"
        for name, tree in modules()
        for module in imported(tree)
        if module.split(".")[0] in ("db", "reports", "sqlalchemy", "reportlab")
    }
    assert found == set()


def test_only_the_operation_helper_starts_threads() -> None:
    allowed = {"ui/background.py", "ui/operations.py"}
    found = set()
    for name, tree in modules():
        if name in allowed:
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Name | ast.Attribute):
                word = node.id if isinstance(node, ast.Name) else node.attr
                if word in ("run_in_background", "QThreadPool", "QRunnable", "QThread"):
                    found.add(f"{name}:{node.lineno} {word}")
    assert found == set()


def test_no_widget_keeps_a_session_of_its_own() -> None:
    """Widgets read `holder.session` when they call a service; only the holder keeps it."""
    found = set()
    for name, tree in modules():
        if name == "ui/session_holder.py":
            continue
        for node in ast.walk(tree):
            targets = (
                node.targets
                if isinstance(node, ast.Assign)
                else [node.target]
                if isinstance(node, ast.AnnAssign)
                else []
            )
            for target in targets:
                if (
                    isinstance(target, ast.Attribute)
                    and isinstance(target.value, ast.Name)
                    and target.value.id == "self"
                    and target.attr == "session"
                ):
                    found.add(f"{name}:{node.lineno}")
    assert found == set()


def test_the_main_window_stays_a_host_of_tabs_and_actions() -> None:
    lines = (UI / "main_window.py").read_text("utf-8").count("\n")
    assert lines < 400, "feature work belongs in ui/flows/, one module per feature"


def test_the_sign_in_screen_loads_without_the_store_code() -> None:
    """SQLAlchemy takes half a second to import (STACK.md): the login shows before it loads."""
    code = "import sys, ui.app; print(sorted({'sqlalchemy', 'reportlab'} & set(sys.modules)))"
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=UI.parent,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        timeout=60,
    )
    assert done.stdout.strip() == "[]", done.stderr
