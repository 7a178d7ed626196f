#!/usr/bin/env bash
# Checks the release bundles that scripts/package.sh builds:
#   Linux: unpacks the .tar.xz, checks the desktop entry (Name, Categories,
#     Exec passing %f, MimeType, Icon) and the icon, checks the binary is a
#     stripped release build, installs it with the bundle's Makefile into
#     temporary prefixes ("make user-install" with HOME redirected, "make
#     install" with DESTDIR), runs the installed binary's "version" and
#     compares it with FyneApp.toml, and uninstalls it again.
#   Windows: checks the .exe is a stripped GUI PE file with an icon
#     (RT_ICON, RT_GROUP_ICON) and version resources (RT_VERSION) that carry
#     FyneApp.toml's version and name.
# Usage: scripts/check-bundles.sh [LINUX_TARBALL [WINDOWS_EXE]]
#   (default: build/dist/gdlab-VERSION-linux-amd64.tar.xz and ...-windows-amd64.exe;
#    an empty argument skips that bundle)
# Environment: PKG_SRC (where FyneApp.toml is, default: this repository),
# LESSON_MIME (as for scripts/package.sh, default application/json).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
src=${PKG_SRC:-$root}
lesson_mime=${LESSON_MIME-application/json}
export PATH="$PATH:/usr/local/go/bin"
export LANG=C.UTF-8 LC_ALL=C.UTF-8

fail=0
say() { echo "check-bundles: $*"; }
bad() { echo "check-bundles: FAIL: $*" >&2; fail=1; }
die() { echo "check-bundles: $*" >&2; exit 1; }

toml_value() {
  sed -n "/^\[$1\]/,/^\[/ s/^[[:space:]]*$2[[:space:]]*=[[:space:]]*\"\{0,1\}\([^\"]*\)\"\{0,1\}[[:space:]]*$/\1/p" "$src/FyneApp.toml" | head -n1
}
version=$(toml_value Details Version)
name=$(toml_value Details Name)
[ -n "$version" ] && [ -n "$name" ] || die "no Version or Name in [Details] of $src/FyneApp.toml"

linux=${1-$root/build/dist/gdlab-$version-linux-amd64.tar.xz}
windows=${2-$root/build/dist/gdlab-$version-windows-amd64.exe}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/gdlab-bundles.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

check=$tmp/check-bundle
(cd "$root" && GOFLAGS= go build -o "$check" ./scripts/check-bundle)

# A clean make, unaffected by the make that may be running this script.
submake() { env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make --no-print-directory "$@"; }

check_linux() {
  local tarball=$1
  [ -f "$tarball" ] || { bad "$tarball is missing (make package)"; return; }
  say "linux: $tarball"
  mkdir -p "$tmp/unpack"
  tar -xJf "$tarball" -C "$tmp/unpack" || { bad "cannot unpack $tarball"; return; }
  local makefile
  makefile=$(find "$tmp/unpack" -mindepth 1 -maxdepth 2 -name Makefile | head -n1)
  [ -n "$makefile" ] || { bad "no install Makefile in $tarball"; return; }
  local top
  top=$(dirname "$makefile")

  local desktops=()
  mapfile -t desktops < <(find "$top" -path '*/share/applications/*.desktop')
  [ ${#desktops[@]} -eq 1 ] || { bad "want one desktop entry, found ${#desktops[@]}"; return; }
  local desktop=${desktops[0]}
  local id
  id=$(basename "$desktop" .desktop)
  "$check" desktop -name "$name" -categories Education,Science -exec-arg %f \
    ${lesson_mime:+-mime "$lesson_mime"} "$desktop" || fail=1
  if command -v desktop-file-validate >/dev/null 2>&1; then
    desktop-file-validate "$desktop" || bad "desktop-file-validate rejects the desktop entry"
  fi
  local icon exe
  icon=$(sed -n 's/^Icon=//p' "$desktop")
  exe=$(sed -n 's/^Exec=\([^ ]*\).*/\1/p' "$desktop")
  local icon_file bin_file
  icon_file=$(find "$top" -path "*/share/pixmaps/$icon.png" | head -n1)
  bin_file=$(find "$top" -path "*/bin/$exe" -type f | head -n1)
  if [ -n "$icon_file" ]; then "$check" png -size 512 "$icon_file" || fail=1; else bad "no icon $icon.png under share/pixmaps"; fi
  if [ -n "$bin_file" ]; then "$check" elf "$bin_file" || fail=1; else bad "no binary $exe under bin"; return; fi

  # make user-install, into a temporary HOME.
  local home=$tmp/home
  mkdir -p "$home"
  submake -C "$top" user-install HOME="$home" >"$tmp/user-install.log" 2>&1 ||
    { cat "$tmp/user-install.log" >&2; bad "make user-install failed"; return; }
  local ubin=$home/.local/bin/$exe
  local udesk=$home/.local/share/applications/$id.desktop
  local uicon=$home/.local/share/icons/$icon.png
  [ -x "$ubin" ] || bad "user-install did not install an executable $ubin"
  [ -f "$uicon" ] || bad "user-install did not install the icon $uicon"
  if [ -f "$udesk" ]; then
    grep -qx "Exec=$ubin %f" "$udesk" ||
      bad "installed desktop entry has $(grep '^Exec=' "$udesk"), want Exec=$ubin %f"
  else
    bad "user-install did not install the desktop entry $udesk"
  fi
  if [ -x "$ubin" ]; then
    local out
    if out=$(HOME="$home" timeout 60 "$ubin" version 2>"$tmp/version.err"); then
      if grep -qw -- "$version" <<<"$out"; then
        say "linux: installed binary says: $out"
      else
        bad "installed '$exe version' prints '$out', want version $version"
      fi
    else
      cat "$tmp/version.err" >&2
      bad "installed '$exe version' failed"
    fi
  fi
  submake -C "$top" user-uninstall HOME="$home" >/dev/null 2>&1 || bad "make user-uninstall failed"
  [ ! -e "$ubin" ] && [ ! -e "$udesk" ] && [ ! -e "$uicon" ] || bad "user-uninstall left files behind"

  # make install, as a distribution package would (DESTDIR, PREFIX=/usr).
  local dest=$tmp/dest
  submake -C "$top" install DESTDIR="$dest" PREFIX=/usr >"$tmp/install.log" 2>&1 ||
    { cat "$tmp/install.log" >&2; bad "make install DESTDIR=... PREFIX=/usr failed"; return; }
  [ -x "$dest/usr/bin/$exe" ] && [ -f "$dest/usr/share/applications/$id.desktop" ] &&
    [ -f "$dest/usr/share/pixmaps/$icon.png" ] || bad "make install did not install everything under DESTDIR/usr"
}

check_windows() {
  local exe=$1
  [ -f "$exe" ] || { bad "$exe is missing (make package)"; return; }
  say "windows: $exe"
  "$check" pe -version "$version" -name "$name" "$exe" || fail=1
}

[ -z "$linux" ] || check_linux "$linux"
[ -z "$windows" ] || check_windows "$windows"

if [ "$fail" -ne 0 ]; then
  die "bundle checks failed"
fi
say "all bundle checks passed"
