#!/usr/bin/env bash
# Ulinzi's two commands on a fresh Debian/Ubuntu machine:
#   ./ulinzi.sh [ARGS...]       start the application (ARGS go to `ulinzi`, e.g. --demo)
#   ./ulinzi.sh test [ARGS...]  run the whole test suite on every core (ARGS go to pytest)
# The first run creates .venv and installs what is missing; later runs reuse it.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
venv="$here/.venv"
stamp="$venv/.ulinzi-installed"

# Libraries Qt's platform plugins load (offscreen and xcb), and the tools the tests use.
qt_debs=(libegl1 libgl1 libfontconfig1 libfreetype6 libglib2.0-0 libxkbcommon0 libx11-6 libxcb1
         libx11-xcb1 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0
         libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xfixes0 libxcb-xkb1 libdbus-1-3)
test_debs=(poppler-utils qpdf zbar-tools util-linux age xvfb xdotool strace)

missing_debs() {
    local pkg
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || echo "$pkg"
    done
}

ensure_debs() {
    command -v dpkg-query >/dev/null || return 0
    local missing
    missing=$(missing_debs "$@")
    [ -z "$missing" ] && return 0
    if [ "$(id -u)" -eq 0 ]; then
        echo "Installing Debian packages: $(echo $missing)" >&2
        DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
        # shellcheck disable=SC2086
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
    else
        echo "Ulinzi needs these Debian packages; ask an administrator to run:" >&2
        echo "  sudo apt-get install $(echo $missing)" >&2
    fi
}

ensure_venv() {
    if ! python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
        echo "Ulinzi needs Python 3.11 or newer (python3 is $(python3 --version 2>&1))." >&2
        exit 1
    fi
    if [ ! -x "$venv/bin/python" ]; then
        echo "Creating the Python environment in .venv (first run only)..." >&2
        python3 -m venv "$venv"
    fi
    if [ ! -f "$stamp" ] || [ "$here/pyproject.toml" -nt "$stamp" ]; then
        # pip's own output goes to a log; if it fails, its last lines are shown.
        local log="$venv/pip.log" pip=("$venv/bin/python" -m pip install -q --no-input
            --disable-pip-version-check --progress-bar off)
        echo "Installing Ulinzi's Python packages (first run only, about 2 minutes)..." >&2
        if ! { "${pip[@]}" --upgrade pip && "${pip[@]}" -e "$here[test]"; } >"$log" 2>&1; then
            echo "Installing the Python packages failed. The end of $log:" >&2
            tail -n 25 "$log" >&2
            exit 1
        fi
        echo "Ulinzi's Python packages are installed." >&2
        touch "$stamp"
    fi
    if compgen -G "$here/ui/translations/*.ts" >/dev/null; then
        (cd "$here" && "$venv/bin/python" -m ui.i18n)  # the .qm files, from the committed .ts
    fi
}

if [ "${1:-}" = "test" ]; then
    shift
    ensure_debs "${qt_debs[@]}" "${test_debs[@]}"
    ensure_venv
    cd "$here"
    export QT_QPA_PLATFORM=offscreen
    if [ $# -eq 0 ]; then
        # The whole suite on every core; tests that share a costly fixture (the installer's
        # bundle) stay on one worker (xdist_group). A worker that crashes ends the run, failed
        # (restarted, its group's tests were waited for forever). With arguments, pytest runs
        # as asked.
        set -- -n auto --dist loadgroup --max-worker-restart=0
    fi
    exec "$venv/bin/python" -m pytest "$@"
fi

ensure_debs "${qt_debs[@]}"
ensure_venv
export LANG="${LANG:-C.UTF-8}"
exec "$venv/bin/ulinzi" "$@"
