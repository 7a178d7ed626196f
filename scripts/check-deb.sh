#!/usr/bin/env bash
# Checks the Debian package that scripts/deb.sh built: its control fields
# and files, lintian without errors (lintian is installed when missing), and
# a real installation into a throw-away root (dpkg --root, an empty dpkg
# database of its own) from which gdlab version runs and the lesson-file
# type is registered; then it removes the package again and checks that
# nothing of it is left.
# Usage: scripts/check-deb.sh PACKAGE.deb
set -euo pipefail

deb=${1:?usage: $0 PACKAGE.deb}
say() { echo "check-deb: $*"; }
die() { echo "check-deb: $*" >&2; exit 1; }
[ -f "$deb" ] || die "no $deb"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"

field() { dpkg-deb --field "$deb" "$1"; }
[ "$(field Package)" = gdlab ] || die "Package is not gdlab"
[ "$(field Architecture)" = amd64 ] || die "Architecture is not amd64"
for lib in libc6 libgl1 libx11-6; do
  field Depends | grep -q "$lib" || die "Depends does not declare $lib: $(field Depends)"
done
files=$(dpkg-deb --contents "$deb")
for f in ./usr/bin/gdlab ./usr/share/applications/io.github.gdlab.gradientdescentlab.desktop \
  ./usr/share/icons/hicolor/512x512/apps/io.github.gdlab.gradientdescentlab.png \
  ./usr/share/mime/packages/io.github.gdlab.gradientdescentlab.xml ./usr/share/doc/gdlab/copyright; do
  grep -q " $f\$" <<<"$files" || die "the package lacks $f"
done

if ! command -v lintian >/dev/null 2>&1; then
  say "installing lintian"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends lintian >/dev/null
fi
report=$(lintian --tag-display-limit 0 "$deb" 2>/dev/null || true)
[ -n "$report" ] && echo "$report"
if grep -q '^E:' <<<"$report"; then die "lintian reports errors"; fi
say "lintian: no errors"

root=$(mktemp -d)
trap '$sudo rm -rf "$root"' EXIT
$sudo mkdir -p "$root/var/lib/dpkg/info" "$root/var/lib/dpkg/updates" "$root/var/lib/dpkg/triggers"
$sudo touch "$root/var/lib/dpkg/status" "$root/var/lib/dpkg/available"
# The throw-away root has none of the libraries: --force-depends; triggers
# of the host's packages do not exist there: --no-triggers.
log="$root/dpkg.log"
$sudo dpkg --root="$root" --force-depends --force-script-chrootless --no-triggers -i "$deb" >"$log" 2>&1 ||
  { cat "$log"; die "dpkg -i failed"; }
out=$("$root/usr/bin/gdlab" version)
grep -q "$(field Version)" <<<"$out" || die "gdlab version from the installed package says $out"
grep -q 'MimeType=application/x-gdlab-lesson;' "$root/usr/share/applications/io.github.gdlab.gradientdescentlab.desktop" ||
  die "the installed desktop entry does not open lesson files"
say "installed into $root: $out"
$sudo dpkg --root="$root" --force-script-chrootless --no-triggers -r gdlab >"$log" 2>&1 ||
  { cat "$log"; die "dpkg -r failed"; }
left=$(find "$root/usr" -type f 2>/dev/null | head -n1 || true)
[ -z "$left" ] || die "removing the package left $left"
say "removed again: nothing left"
