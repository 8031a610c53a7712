#!/usr/bin/env bash
# Build Ulinzi for Linux: the PyInstaller bundle, then a .deb for Debian 12+ / Ubuntu 22.04+.
#
#   installer/build.sh                 bundle + .deb           (in installer/dist/)
#   installer/build.sh --bundle-only   the bundle only         (what the test builds)
#   installer/build.sh --tar           also a .tar.gz (the bundle and install.sh)
#   installer/build.sh --dist DIR --work DIR   other output / scratch folders
#
# Python: by default a build environment of its own, $work/venv, made from the lock file
# installer/requirements.lock (exact versions, wheels checked against their hashes), so that the
# same source gives the same bundle; it is remade when the lock changes. Its base is python3.11
# (or $BASE_PYTHON). PYTHON=/path/to/python builds with that environment as it is instead (the
# tests do, with theirs): quicker, but not the locked build, and build.sh says where it differs.
# The .deb needs dpkg-deb and dpkg-shlibdeps (`apt-get install dpkg-dev`).
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
        -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
        *) echo "build.sh: unknown argument $1" >&2; exit 2 ;;
    esac
    shift
done

say() { echo "build.sh: $*" >&2; }
die() { say "$*"; exit 1; }

# -- the Python environment -------------------------------------------------------------------
lock="$here/requirements.lock"
project_version=$(sed -n 's/^version = "\(.*\)"$/\1/p' "$root/pyproject.toml" | head -n 1)
if [ -n "${PYTHON:-}" ]; then
    python="$PYTHON"
    [ -x "$python" ] || die "PYTHON=$PYTHON is not an executable"
    # Development builds: say which packages are not the locked ones (the bundle may differ).
    drift=$("$python" - "$lock" <<'EOF'
import importlib.metadata, re, sys
def norm(name): return re.sub(r"[-_.]+", "-", name).lower()
have = {norm(d.metadata["Name"]): d.version for d in importlib.metadata.distributions()}
for line in open(sys.argv[1], encoding="utf-8"):
    pin = re.match(r"([A-Za-z0-9_.-]+)==([^ ;\\]+)(.*)$", line)
    if pin and not re.search(r"sys_platform == '(win32|darwin)'", pin[3]):
        if have.get(norm(pin[1])) != pin[2]:
            print(f"{pin[1]}=={pin[2]}", end=" ")
EOF
)
    [ -z "$drift" ] || say "not the locked build: this environment lacks $drift"
else
    venv="$work/venv"
    python="$venv/bin/python"
    wanted="$(sha256sum "$lock" "$root/pyproject.toml" | sha256sum | cut -c1-16)"
    if [ "$(cat "$venv/.ulinzi-lock" 2>/dev/null)" != "$wanted" ]; then
        base="${BASE_PYTHON:-$(command -v python3.11 || command -v python3)}"
        "$base" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' \
            || die "the locked build needs Python 3.11 (set BASE_PYTHON=/path/to/python3.11)"
        say "making the locked build environment $venv"
        rm -rf "$venv"
        "$base" -m venv "$venv"
        "$python" -m pip install -q --require-hashes --no-deps --only-binary :all: -r "$lock" \
            || die "could not install the locked packages (installer/requirements.lock)"
        # Ulinzi itself, for its metadata (the version): its dependencies are the lock's.
        "$python" -m pip install -q --no-deps --no-build-isolation -e "$root" \
            || die "could not install Ulinzi into $venv"
        "$python" -m pip check >&2 || die "installer/requirements.lock does not fit pyproject.toml"
        echo "$wanted" >"$venv/.ulinzi-lock"
    fi
fi
installed_version=$("$python" -c 'import importlib.metadata as m; print(m.version("ulinzi"))' 2>/dev/null || true)
if [ "$installed_version" != "$project_version" ]; then
    # Not installed, or installed before pyproject.toml's version changed: the metadata the
    # bundle copies would say the wrong version.
    say "installing Ulinzi $project_version into the environment (metadata for the version)"
    "$python" -m pip install -q --no-deps -e "$root"
fi
"$python" -c 'import PyInstaller' 2>/dev/null \
    || die "no PyInstaller in $python's environment (pip install -r installer/requirements.lock)"
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
    # The same set-up as the .deb, for PCs without dpkg: install.sh puts the bundle in
    # /opt/ulinzi, the command and menu entry in /usr/local, and makes the group and store folder.
    name="ulinzi-$version-linux-$arch"
    tarball="$dist/$name.tar.gz"
    tar_stage="$work/tar/$name"
    rm -rf "$work/tar"
    mkdir -p "$tar_stage"
    cp -a "$bundle" "$tar_stage/ulinzi"
    install -m 0755 "$here/linux/install.sh" "$tar_stage/install.sh"
    install -m 0755 "$here/debian/ulinzi-wrapper.sh" "$tar_stage/ulinzi-wrapper.sh"
    install -m 0644 "$here/debian/ulinzi.desktop" "$here/ulinzi.svg" "$here/ulinzi.png" \
        "$here/debian/copyright" "$tar_stage/"
    tar -C "$work/tar" --owner=0 --group=0 -czf "$tarball" "$name"
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
 never deletes it. Members of the "ulinzi" group can use it: add each person
 who will use Ulinzi with "adduser NAME ulinzi".
EOF

deb="$dist/ulinzi_${deb_version}_${arch}.deb"
rm -f "$deb"
dpkg-deb --root-owner-group -Zxz --build "$pkg" "$deb" >/dev/null
say "deb: $deb ($(du -m "$deb" | cut -f1) MB)"
say "Depends: $depends"
