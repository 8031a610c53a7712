#!/usr/bin/env bash
# Build Ulinzi for Linux: the PyInstaller bundle, then a .deb for Debian 12+ / Ubuntu 22.04+.
#
#   installer/build.sh                 bundle + .deb           (in installer/dist/)
#   installer/build.sh --bundle-only   the bundle only         (what the test builds)
#   installer/build.sh --tar           also a .tar.gz of the bundle
#   installer/build.sh --dist DIR --work DIR   other output / scratch folders
#
# Python: $PYTHON if set, otherwise the project's .venv (made like ./ulinzi.sh makes it when
# missing). That environment must have Ulinzi installed (`pip install -e .`, which ./ulinzi.sh
# does): the bundle's version comes from its metadata. PyInstaller is installed into it if
# missing. The .deb needs dpkg-deb and dpkg-shlibdeps (`apt-get install dpkg-dev`).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
dist="$here/dist"
work="$here/build"
make_deb=1
make_tar=0
while [ $# -gt 0 ]; do
    case "$1" in
        --bundle-only) make_deb=0 ;;
        --tar) make_tar=1 ;;
        --dist) dist="$(realpath -m "$2")"; shift ;;
        --work) work="$(realpath -m "$2")"; shift ;;
        -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
        *) echo "build.sh: unknown argument $1" >&2; exit 2 ;;
    esac
    shift
done

say() { echo "build.sh: $*" >&2; }
die() { say "$*"; exit 1; }

# -- the Python environment -------------------------------------------------------------------
python="${PYTHON:-$root/.venv/bin/python}"
if [ ! -x "$python" ]; then
    [ -z "${PYTHON:-}" ] || die "PYTHON=$PYTHON is not an executable"
    say "creating .venv (first run only)"
    python3 -m venv "$root/.venv"
    "$python" -m pip install -q --upgrade pip
    "$python" -m pip install -q -e "${root}[test]"
fi
project_version=$("$python" -c 'import sys, tomllib; print(tomllib.load(open(sys.argv[1], "rb"))["project"]["version"])' "$root/pyproject.toml")
installed_version=$("$python" -c 'import importlib.metadata as m; print(m.version("ulinzi"))' 2>/dev/null || true)
if [ "$installed_version" != "$project_version" ]; then
    # Not installed, or installed before pyproject.toml's version changed: the metadata the
    # bundle copies would say the wrong version.
    say "installing Ulinzi $project_version into the environment (metadata for the version)"
    "$python" -m pip install -q --no-deps -e "$root"
fi
if ! "$python" -c 'import PyInstaller' 2>/dev/null; then
    say "installing PyInstaller into the environment"
    "$python" -m pip install -q "pyinstaller>=6.0"
fi
version="$project_version"

# -- the bundle -------------------------------------------------------------------------------
started=$(date +%s)
(cd "$root" && "$python" -m ui.i18n)  # the .qm files the bundle carries
mkdir -p "$dist" "$work"
say "PyInstaller: $dist/ulinzi (log: $work/pyinstaller.log)"
# From the work folder, not the source tree: there Python would find a stale ulinzi.egg-info
# before the installed metadata the bundle must copy.
if ! (cd "$work" && "$python" -m PyInstaller --noconfirm --log-level WARN \
        --distpath "$dist" --workpath "$work/pyinstaller" "$here/ulinzi.spec") \
        >"$work/pyinstaller.log" 2>&1; then
    tail -n 30 "$work/pyinstaller.log" >&2
    die "PyInstaller failed"
fi
bundle="$dist/ulinzi"

# Every library a bundled binary needs is either in the bundle or on the system; one that is
# neither would only show up as a crash on a user's PC.
lib_dirs=$(find "$bundle/_internal" -name '*.so*' -printf '%h\n' | sort -u | paste -sd:)
missing=$(find "$bundle" -type f \( -name '*.so*' -o -name ulinzi \) -print0 \
    | xargs -0 -n 20 env LD_LIBRARY_PATH="$lib_dirs" ldd 2>/dev/null \
    | awk '/^\// { file = $1 } /not found/ { print "  " $1 " (needed by " file ")" }' \
    | sort -u)
if [ -n "$missing" ]; then
    say "libraries neither in the bundle nor on this system:"
    echo "$missing" >&2
    die "install the Debian packages that provide them (see the .deb's Depends) and rebuild"
fi
"$bundle/ulinzi" --help >/dev/null || die "the bundled program does not start"
say "bundle: $(du -sm "$bundle" | cut -f1) MB in $(( $(date +%s) - started )) s"

arch=$(dpkg --print-architecture 2>/dev/null || uname -m)
if [ "$make_tar" = 1 ]; then
    tarball="$dist/ulinzi-$version-linux-$arch.tar.gz"
    tar -C "$dist" -czf "$tarball" ulinzi
    say "tar.gz: $tarball ($(du -m "$tarball" | cut -f1) MB)"
fi
[ "$make_deb" = 1 ] || exit 0

# -- the .deb ---------------------------------------------------------------------------------
if ! command -v dpkg-deb >/dev/null || ! command -v dpkg-shlibdeps >/dev/null; then
    die "building the .deb needs dpkg-deb and dpkg-shlibdeps: apt-get install dpkg-dev"
fi
deb_version=$(echo "$version" | sed -E 's/\.?(a|b|rc|dev)([0-9]*)$/~\1\2/')  # 1.0rc1 -> 1.0~rc1
stage="$work/deb"
pkg="$stage/debian/ulinzi"  # dpkg-shlibdeps expects a package built in debian/<name>
rm -rf "$stage"
mkdir -p "$pkg/DEBIAN" "$pkg/opt" "$pkg/usr/bin" "$pkg/usr/share/applications" \
    "$pkg/usr/share/icons/hicolor/scalable/apps" "$pkg/usr/share/icons/hicolor/256x256/apps" \
    "$pkg/usr/share/doc/ulinzi"
cp -a "$bundle" "$pkg/opt/ulinzi"
install -m 0755 "$here/debian/ulinzi-wrapper.sh" "$pkg/usr/bin/ulinzi"
install -m 0644 "$here/debian/ulinzi.desktop" "$pkg/usr/share/applications/ulinzi.desktop"
install -m 0644 "$here/ulinzi.svg" "$pkg/usr/share/icons/hicolor/scalable/apps/ulinzi.svg"
install -m 0644 "$here/ulinzi.png" "$pkg/usr/share/icons/hicolor/256x256/apps/ulinzi.png"
install -m 0644 "$here/debian/copyright" "$pkg/usr/share/doc/ulinzi/copyright"
install -m 0755 "$here/debian/postinst" "$here/debian/postrm" "$pkg/DEBIAN/"
chmod -R u+rwX,go+rX,go-w "$pkg"

# Depends: what the bundle's binaries link from the system, as dpkg-shlibdeps finds it.
# Its version floors for most libraries are this machine's package versions (from their
# shlibs files, e.g. libx11-xcb1 >= 1.8.4, libzstd1 >= 1.5.2), not what the binaries use;
# they would refuse Ubuntu 22.04 for nothing. Only the toolchain floors are real (glibc and
# libstdc++ symbol versions the wheels were built against): those are kept.
printf 'Source: ulinzi\n\nPackage: ulinzi\nArchitecture: any\n' >"$stage/debian/control"
private_dirs=$(find "$pkg/opt/ulinzi/_internal" -name '*.so*' -printf '%h\n' | sort -u | sed 's/^/-l/')
mapfile -t elf_files < <(find "$pkg/opt/ulinzi" -type f \( -name '*.so*' -o -name ulinzi \))
# shellcheck disable=SC2086
shlibs=$(cd "$stage" && dpkg-shlibdeps -O $private_dirs "${elf_files[@]/#/-e}" 2>"$work/shlibdeps.log") \
    || { tail -n 20 "$work/shlibdeps.log" >&2; die "dpkg-shlibdeps failed"; }
# It also names the packages of the libraries the bundle carries itself (the X11 helpers of the
# spec's BUNDLED_SYSTEM_LIBRARIES), as it looks on the system first: leave those out.
bundled_packages=$(for lib in "$pkg/opt/ulinzi/_internal"/lib*.so*; do
    { dpkg -S "*/${lib##*/}" 2>/dev/null || true; } | cut -d: -f1
done | sort -u)
depends=$(echo "${shlibs#shlibs:Depends=}" | tr ',' '\n' | sed -E 's/^ +//' | awk '
    /^(libc6|libstdc\+\+6|libgcc-s1) / { print; next }
    { sub(/ \(.*\)$/, ""); print }' | sort -u \
    | grep -vxF -f <(echo "${bundled_packages:-none}") | paste -sd, | sed 's/,/, /g')
# Fonts: Qt draws nothing readable without one; DejaVu covers French and Swahili.
depends="$depends, fonts-dejavu-core"

installed_kb=$(du -sk --exclude=DEBIAN "$pkg" | cut -f1)
cat >"$pkg/DEBIAN/control" <<EOF
Package: ulinzi
Version: $deb_version
Architecture: $arch
Maintainer: ${DEB_MAINTAINER:-Ulinzi project <ulinzi@localhost>}
Installed-Size: $installed_kb
Depends: $depends
Section: misc
Priority: optional
Description: offline case management for child protection social workers
 Ulinzi keeps the case files of a child protection office on the PC itself,
 in an encrypted database (SQLCipher 4) that every user of the PC shares,
 and never needs a network.
 .
 The shared store lives in /var/lib/ulinzi; removing or purging the package
 never deletes it. Members of the "ulinzi" group can use it: the package adds
 the PC's existing user accounts; add later ones with "adduser NAME ulinzi".
EOF

deb="$dist/ulinzi_${deb_version}_${arch}.deb"
rm -f "$deb"
dpkg-deb --root-owner-group -Zxz --build "$pkg" "$deb" >/dev/null
say "deb: $deb ($(du -m "$deb" | cut -f1) MB)"
say "Depends: $depends"
