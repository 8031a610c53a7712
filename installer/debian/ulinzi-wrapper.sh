#!/bin/bash
# /usr/bin/ulinzi: the command every user of the PC runs (menu entry, terminal). The program
# itself is the PyInstaller bundle in /opt/ulinzi.
program=/opt/ulinzi/ulinzi

# Qt mishandles accented file and printer names under the C locale (a session without LANG).
if [ -z "${LC_ALL:-}" ]; then
    case "${LANG:-}" in "" | C | POSIX) export LANG=C.UTF-8 ;; esac
fi

# The shared store in /var/lib/ulinzi belongs to the ulinzi group: what Ulinzi creates there
# must stay writable by the group's other members, and private from everyone else.
umask 007

# An administrator adds people to the group (`adduser NAME ulinzi`), but a desktop session
# started before that does not have the group yet: `sg` gives it now, so nobody has to sign out
# and in again first. (Only for listed members: sg would ask others for a group password.)
if [ "$(id -u)" != 0 ] && command -v sg >/dev/null \
    && ! id -nG | tr ' ' '\n' | grep -qx ulinzi \
    && getent group ulinzi | cut -d: -f4 | tr ',' '\n' | grep -qx "$(id -un)"; then
    exec sg ulinzi -c "$(printf '%q ' "$program" "$@")"
fi
exec "$program" "$@"
