#!/usr/bin/env bash
# Builds the Debian package build/dist/gdlab_VERSION_amd64.deb from the
# Linux bundle that scripts/package.sh linux made (its release binary,
# desktop entry and icon), with dpkg-deb:
#   /usr/bin/gdlab
#   /usr/share/applications/ID.desktop     (opens lesson files)
#   /usr/share/icons/hicolor/512x512/apps/ID.png
#   /usr/share/mime/packages/ID.xml        (the lesson-file type, by content)
#   /usr/share/doc/gdlab/{copyright,changelog.gz}
# Its dependencies are the binary's shared libraries as dpkg-shlibdeps finds
# them (libc6, libgl1, libx11-6). No maintainer scripts: dpkg's triggers of
# shared-mime-info, desktop-file-utils and the icon cache do the updates.
# Usage: scripts/deb.sh   Environment: PKG_DIST (default build/dist).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
dist=${PKG_DIST:-$root/build/dist}
say() { echo "deb: $*"; }
die() { echo "deb: $*" >&2; exit 1; }

toml_value() {
  sed -n "/^\[$1\]/,/^\[/ s/^[[:space:]]*$2[[:space:]]*=[[:space:]]*\"\{0,1\}\([^\"]*\)\"\{0,1\}[[:space:]]*$/\1/p" "$root/FyneApp.toml" | head -n1
}
version=$(toml_value Details Version)
id=$(toml_value Details ID)
[ -n "$version" ] && [ -n "$id" ] || die "no Version or ID in [Details] of FyneApp.toml"
tarball="$dist/gdlab-$version-linux-amd64.tar.xz"
out="$dist/gdlab_${version}_amd64.deb"
[ -f "$tarball" ] || die "no $tarball: run scripts/package.sh linux first"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
if ! command -v dpkg-shlibdeps >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
  say "installing dpkg-dev (for dpkg-shlibdeps)"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends dpkg-dev >/dev/null
fi
for cmd in dpkg-deb dpkg-shlibdeps gzip; do
  command -v "$cmd" >/dev/null 2>&1 || die "$cmd is missing (dpkg-dev on Debian/Ubuntu)"
done

work="$root/build/pkg/deb"
rm -rf "$work"
mkdir -p "$work/bundle" "$work/root/DEBIAN" "$work/debian"
tar -xJf "$tarball" -C "$work/bundle"
from="$work/bundle/gdlab/usr/local"
to="$work/root/usr"
install -D -m 755 "$from/bin/gdlab" "$to/bin/gdlab"
install -D -m 644 "$from/share/pixmaps/$id.png" "$to/share/icons/hicolor/512x512/apps/$id.png"
install -D -m 644 "$from/share/applications/$id.desktop" "$to/share/applications/$id.desktop"
# The lesson-file type first, then plain JSON (a lesson file is named *.json).
sed -i "s|^MimeType=.*|MimeType=application/x-gdlab-lesson;application/json;|" "$to/share/applications/$id.desktop"
grep -q '^MimeType=application/x-gdlab-lesson;' "$to/share/applications/$id.desktop" || die "no MimeType in the desktop entry"

install -d -m 755 "$to/share/mime/packages"
cat > "$to/share/mime/packages/$id.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<mime-info xmlns="http://www.freedesktop.org/standards/shared-mime-info">
  <mime-type type="application/x-gdlab-lesson">
    <comment>Gradient Descent Lab lesson</comment>
    <sub-class-of type="application/json"/>
    <magic priority="60">
      <match type="string" value="gdlab-lesson/1" offset="0:256"/>
    </magic>
  </mime-type>
</mime-info>
EOF
chmod 644 "$to/share/mime/packages/$id.xml"

doc="$to/share/doc/gdlab"
install -d -m 755 "$doc"
{
  echo "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/"
  echo "Upstream-Name: gdlab"
  echo
  echo "Files: *"
  grep -m1 '^Copyright' "$root/LICENSE" | sed 's/^/Copyright: /; s/Copyright: Copyright (c) /Copyright: /'
  echo "License: Expat"
  sed -n '/^Permission/,$p' "$root/LICENSE" | sed 's/^$/./; s/^/ /'
} > "$doc/copyright"
chmod 644 "$doc/copyright"
date=$(date -R -d "@$(stat -c %Y "$tarball")")
printf 'gdlab (%s) unstable; urgency=medium\n\n  * Release %s of Gradient Descent Lab.\n\n -- Gradient Descent Lab authors <gdlab@users.noreply.github.com>  %s\n' \
  "$version" "$version" "$date" | gzip -9n > "$doc/changelog.gz"
chmod 644 "$doc/changelog.gz"

printf 'Source: gdlab\n\nPackage: gdlab\nArchitecture: amd64\n' > "$work/debian/control"
depends=$(cd "$work" && dpkg-shlibdeps -O -e root/usr/bin/gdlab 2>/dev/null | sed -n 's/^shlibs:Depends=//p')
[ -n "$depends" ] || die "dpkg-shlibdeps found no dependencies of the binary"
size=$(du -sk --exclude=DEBIAN "$work/root" | cut -f1)
cat > "$work/root/DEBIAN/control" <<EOF
Package: gdlab
Version: $version
Architecture: amd64
Maintainer: Gradient Descent Lab authors <gdlab@users.noreply.github.com>
Installed-Size: $size
Depends: $depends
Section: education
Priority: optional
Description: watch gradient descent work on a function you type
 Gradient Descent Lab draws the path of gradient descent, momentum, AdaGrad,
 RMSProp, Adam, Newton's method and BFGS on the contour map, the 3-D surface
 and the loss curve of a function you type, live, for a class or a student of
 Deep Learning from Scratch. Each step can be written out as arithmetic, and
 the runs can be exported as a NumPy script that reproduces them.
 .
 The command gdlab run prints the numbers, gdlab plot writes the figures.
EOF
find "$work/root" -type d -exec chmod 755 {} +
dpkg-deb --root-owner-group -Zxz --build "$work/root" "$out" >/dev/null
say "$out ($(du -h "$out" | cut -f1), Depends: $depends)"
