#!/usr/bin/env bash
# Installs what building (and, with "test", testing) Gradient Descent Lab needs
# on Debian/Ubuntu, only when it is missing. Uses sudo when not root.
set -euo pipefail

want=(gcc pkg-config libgl1-mesa-dev xorg-dev)
if [ "${1:-}" = test ]; then
  want+=(xvfb xauth xdotool imagemagick python3 python3-xlib python3-numpy)
fi

if ! command -v dpkg >/dev/null 2>&1; then
  echo "deps: not a Debian/Ubuntu system; install the packages named in README.md (Building elsewhere) yourself." >&2
  exit 0
fi

missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"

if [ ${#missing[@]} -gt 0 ]; then
  echo "deps: installing ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# A real UTF-8 locale for the tests (Fyne reads it to choose the language).
if [ "${1:-}" = test ] && ! locale -a 2>/dev/null | grep -qi '^en_US\.utf-\?8$'; then
  echo "deps: generating the en_US.UTF-8 locale"
  dpkg-query -W -f='${Status}' locales 2>/dev/null | grep -q "install ok installed" || {
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends locales >/dev/null
  }
  $sudo sed -i 's/^# *en_US.UTF-8 UTF-8/en_US.UTF-8 UTF-8/' /etc/locale.gen
  grep -q '^en_US.UTF-8 UTF-8' /etc/locale.gen || echo 'en_US.UTF-8 UTF-8' | $sudo tee -a /etc/locale.gen >/dev/null
  $sudo locale-gen >/dev/null
fi

# Go 1.26 or newer (go.mod asks for it; Go >= 1.21 fetches it by itself).
export PATH="$PATH:/usr/local/go/bin"
if ! command -v go >/dev/null 2>&1; then
  echo "deps: Go is missing; trying Debian's golang-go (Go >= 1.21 then fetches Go 1.26 through the module proxy)"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends golang-go >/dev/null || true
fi
if ! command -v go >/dev/null 2>&1; then
  echo "deps: please install Go 1.26 or newer (https://go.dev/dl) and run make again." >&2
  exit 1
fi
