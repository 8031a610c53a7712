#!/bin/sh
# Install Ulinzi from this folder (the .tar.gz for PCs without dpkg), as the .deb does:
#
#   sudo ./install.sh            the program in /opt/ulinzi, the `ulinzi` command and the menu
#                                entry in /usr/local, the "ulinzi" group and the shared store
#                                folder /var/lib/ulinzi (root:ulinzi, 2770)
#   sudo ./install.sh --remove   the program, command and menu entry; never the store or the group
#
# Installing again (a newer version) replaces the program; the store is kept and migrated, after
# a backup copy, when the new version first opens it.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
STORE_ROOT=/var/lib/ulinzi
GROUP=ulinzi
prefix=/usr/local

if [ "$(id -u)" != 0 ]; then
    echo "install.sh: run it as root (sudo $0 $*)" >&2
    exit 1
fi

remove() {
    rm -rf /opt/ulinzi
    rm -f "$prefix/bin/ulinzi" "$prefix/share/applications/ulinzi.desktop" \
        "$prefix/share/icons/hicolor/scalable/apps/ulinzi.svg" \
        "$prefix/share/icons/hicolor/256x256/apps/ulinzi.png"
}

if [ "${1:-}" = "--remove" ]; then
    remove
    echo "ulinzi: removed. The store in $STORE_ROOT and the \"$GROUP\" group were kept."
    exit 0
fi
[ -x "$here/ulinzi/ulinzi" ] || { echo "install.sh: no ulinzi/ beside this script" >&2; exit 1; }

remove
cp -a "$here/ulinzi" /opt/ulinzi
chown -R root:root /opt/ulinzi
chmod -R u+rwX,go+rX,go-w /opt/ulinzi
install -D -m 0755 "$here/ulinzi-wrapper.sh" "$prefix/bin/ulinzi"
install -D -m 0644 "$here/ulinzi.desktop" "$prefix/share/applications/ulinzi.desktop"
install -D -m 0644 "$here/ulinzi.svg" "$prefix/share/icons/hicolor/scalable/apps/ulinzi.svg"
install -D -m 0644 "$here/ulinzi.png" "$prefix/share/icons/hicolor/256x256/apps/ulinzi.png"
command -v update-desktop-database >/dev/null && update-desktop-database -q "$prefix/share/applications" || true

# The shared store's folder: the same as the .deb's postinst.
getent group "$GROUP" >/dev/null || groupadd --system "$GROUP"
mkdir -p "$STORE_ROOT"
chown root:"$GROUP" "$STORE_ROOT"
chmod 2770 "$STORE_ROOT"

members=$(getent group "$GROUP" | cut -d: -f4 | sed 's/,/, /g')
echo "ulinzi: installed in /opt/ulinzi; the shared store is in $STORE_ROOT."
echo "ulinzi: only members of the \"$GROUP\" group can use it (now: ${members:-nobody})."
echo "ulinzi: add each person who will use Ulinzi with: sudo adduser NAME $GROUP"
