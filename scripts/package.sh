#!/usr/bin/env bash
# Builds the release bundles of Gradient Descent Lab with the fyne command
# (fyne.io/tools, pinned below) into build/dist/:
#   gdlab-VERSION-linux-amd64.tar.xz    binary, desktop entry, icon, install Makefile
#   gdlab-VERSION-windows-amd64.exe     icon, version resources, cross-compiled with mingw-w64
# Usage: scripts/package.sh [linux|windows|all]   (default: all)
#
# Release builds are stripped (-release adds -ldflags "-s -w" and -trimpath)
# and carry the version of FyneApp.toml: fyne reads extra linker flags from
# GOFLAGS ("-ldflags=..."), so main.version is set there. fyne adds the build
# tag migrated_fynedo itself from FyneApp.toml's [Migrations] fyneDo; TAGS
# (default migrated_fynedo) is passed as well.
#
# fyne package writes into its source directory (a generated Go file, a
# Windows .syso, the executable) and bumps Build in FyneApp.toml, so it runs
# on a copy of the sources in build/pkg/src, never in the work tree.
#
# Environment: PKG_SRC (source tree, default: this repository), PKG_DIST
# (output directory, default build/dist), TAGS, LESSON_MIME (MIME type the
# desktop entry declares for lesson files, default application/json; empty:
# none).
set -euo pipefail

FYNE_TOOLS_VERSION=v1.7.4
WIN_CC=x86_64-w64-mingw32-gcc

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
src=${PKG_SRC:-$root}
src=$(cd "$src" && pwd)
dist=${PKG_DIST:-$root/build/dist}
mkdir -p "$dist"
dist=$(cd "$dist" && pwd)
tags=${TAGS:-migrated_fynedo}
lesson_mime=${LESSON_MIME-application/json}
what=${1:-all}
export PATH="$PATH:/usr/local/go/bin"
export LANG=${LANG:-C.UTF-8}

case "$what" in
  linux|windows|all) ;;
  *) echo "usage: $0 [linux|windows|all]" >&2; exit 2 ;;
esac

say() { echo "package: $*"; }
die() { echo "package: $*" >&2; exit 1; }

# toml_value SECTION KEY: the string or number value of KEY in [SECTION] of FyneApp.toml.
toml_value() {
  sed -n "/^\[$1\]/,/^\[/ s/^[[:space:]]*$2[[:space:]]*=[[:space:]]*\"\{0,1\}\([^\"]*\)\"\{0,1\}[[:space:]]*$/\1/p" "$src/FyneApp.toml" | head -n1
}

[ -f "$src/FyneApp.toml" ] || die "no FyneApp.toml in $src"
version=$(toml_value Details Version)
name=$(toml_value Details Name)
[ -n "$version" ] || die "no Version in [Details] of FyneApp.toml"
[ -n "$name" ] || die "no Name in [Details] of FyneApp.toml"

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"

# need_apt CMD PACKAGE: installs the Debian PACKAGE when CMD is missing.
need_apt() {
  command -v "$1" >/dev/null 2>&1 && return 0
  command -v apt-get >/dev/null 2>&1 ||
    die "$1 is missing; install it ($2 on Debian/Ubuntu) and run again"
  say "installing $2 (for $1)"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$2" >/dev/null
  command -v "$1" >/dev/null 2>&1 || die "$1 still missing after installing $2"
}

need_apt tar tar
need_apt xz xz-utils
command -v go >/dev/null 2>&1 || die "Go is missing (scripts/deps.sh installs it)"

# The fyne command, pinned; installed outside the module so go.mod is untouched
# (the same as "go run fyne.io/tools/cmd/fyne@$FYNE_TOOLS_VERSION", built once).
tools="$root/build/tools/fyne-$FYNE_TOOLS_VERSION"
fyne="$tools/fyne"
if [ ! -x "$fyne" ]; then
  say "building the fyne command $FYNE_TOOLS_VERSION"
  mkdir -p "$tools"
  (cd "$tools" && GOFLAGS= GOOS= GOARCH= CGO_ENABLED=0 GOBIN="$tools" \
    go install "fyne.io/tools/cmd/fyne@$FYNE_TOOLS_VERSION")
fi

# stage TARGET: a fresh copy of the sources (tracked and untracked, not
# ignored, not build/) in build/pkg/TARGET/src, one per target so that
# "make -j package" can build both at once.
stage_sources() {
  stage="$root/build/pkg/$1"
  rm -rf "$stage"
  mkdir -p "$stage/src"
  if git -C "$src" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    # (files deleted from the work tree but not yet from git are skipped)
    (cd "$src" && git ls-files -z -co --exclude-standard | grep -zv '^build/' |
      xargs -0 -r sh -c 'for f; do [ -e "$f" ] && printf "%s\0" "$f"; done' _ |
      tar --null -cf - -T -) | tar -xf - -C "$stage/src"
  else
    (cd "$src" && tar --exclude=./build -cf - .) | tar -xf - -C "$stage/src"
  fi
  [ -f "$stage/src/go.mod" ] || die "copying the sources failed"
}

ldflags="-ldflags=-X=main.version=$version"
goflags="${GOFLAGS:+$GOFLAGS }$ldflags"

# run_fyne ENV... -- ARGS...: runs fyne package in the staged sources.
run_fyne() {
  local envs=()
  while [ "$1" != -- ]; do envs+=("$1"); shift; done
  shift
  (cd "$stage/src" && env GOFLAGS="$goflags" CGO_ENABLED=1 "${envs[@]}" \
    "$fyne" package -release -tags "$tags" "$@")
}

package_linux() {
  local out="$dist/gdlab-$version-linux-amd64.tar.xz"
  say "linux: building $out (release, version $version)"
  stage_sources linux
  run_fyne GOARCH=amd64 -- -os linux
  local tarball="$stage/src/$name.tar.xz"
  [ -f "$tarball" ] || die "fyne package did not produce $tarball"

  # Declare the lesson file type in the desktop entry. fyne's own way,
  # [CanOpen] MimeTypes in FyneApp.toml, also appends " %F" to the name of the
  # binary that its install Makefile copies, so "make user-install" fails;
  # hence it is added here.
  if [ -n "$lesson_mime" ]; then
    local work="$stage/linux"
    mkdir -p "$work"
    tar -xJf "$tarball" -C "$work"
    local desktop
    desktop=$(find "$work" -path '*/share/applications/*.desktop' | head -n1)
    [ -n "$desktop" ] || die "no desktop entry in $tarball"
    if ! grep -q '^MimeType=' "$desktop"; then
      sed -i "/^Exec=/a MimeType=$lesson_mime;" "$desktop"
    fi
    rm -f "$tarball"
    (cd "$work" && tar --owner=0 --group=0 -cJf "$tarball" -- *)
  fi
  mv -f "$tarball" "$out"
  say "linux: $out"
}

package_windows() {
  local out="$dist/gdlab-$version-windows-amd64.exe"
  need_apt "$WIN_CC" gcc-mingw-w64-x86-64
  say "windows: building $out (release, version $version, CC=$WIN_CC)"
  stage_sources windows
  run_fyne CC="$WIN_CC" CXX="${WIN_CC%-gcc}-g++" GOARCH=amd64 -- -os windows
  local exe="$stage/src/$name.exe"
  [ -f "$exe" ] || exe="$stage/src/gdlab.exe"
  [ -f "$exe" ] || die "fyne package did not produce $name.exe"
  mv -f "$exe" "$out"
  say "windows: $out"
}

case "$what" in
  linux) package_linux ;;
  windows) package_windows ;;
  all) package_linux; package_windows ;;
esac
