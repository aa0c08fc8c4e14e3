#!/usr/bin/env bash
# Set-up shared by ./start-demo and ./run-tests: the Debian libraries Qt needs, then a
# virtualenv in .venv with Guichet installed (editable). Reruns cost seconds: only what is
# missing is installed, and pip runs again only when pyproject.toml changed.
#   bootstrap.sh gui    libraries for a real window (xcb) as well
#   bootstrap.sh test   offscreen Qt only, plus the test tools
set -euo pipefail
mode="${1:-gui}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

# Offscreen Qt (tests, PDF work): GL/EGL stubs, fontconfig + a font, xkbcommon, glib, dbus.
packages=(libgl1 libegl1 libglib2.0-0 libfontconfig1 libxkbcommon0 libdbus-1-3 fonts-dejavu-core libpulse0)
if [ "$mode" = test ]; then
  packages+=(7zip)  # the tests open encrypted exports with 7-Zip, as the office PC will
  # The check-in screen read as a screen reader reads it: the real app on Xvfb (xcb
  # platform), its own D-Bus session, AT-SPI read by the system Python.
  packages+=(xvfb dbus at-spi2-core python3-gi gir1.2-atspi-2.0
             libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
             libxcb-render-util0 libxcb-shape0 libxcb-xfixes0 libxcb-xkb1 libxkbcommon-x11-0
             libx11-xcb1)
fi
if [ "$mode" = gui ]; then
  # A window on X11 (the xcb platform plugin) and sound (QtMultimedia needs libpulse).
  packages+=(libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
             libxcb-render-util0 libxcb-shape0 libxcb-xfixes0 libxcb-xkb1 libxkbcommon-x11-0
             libx11-xcb1 libpulse0)
fi

if command -v dpkg-query >/dev/null 2>&1; then
  missing=()
  for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" || missing+=("$package")
  done
  python3 -c "import venv, ensurepip" >/dev/null 2>&1 || missing+=(python3-venv)
  if [ "${#missing[@]}" -gt 0 ]; then
    echo "Installation des bibliothèques système : ${missing[*]}"
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
else
  echo "(système sans dpkg : vérifiez vous-même les bibliothèques de Qt ; voir README)"
fi

python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' || {
  echo "Guichet demande Python 3.11 ou plus récent." >&2
  exit 1
}
[ -x .venv/bin/python ] || python3 -m venv .venv
stamp=".venv/.guichet-$(sha256sum pyproject.toml | cut -c1-16)-$mode"
if [ ! -f "$stamp" ]; then
  extras="."
  [ "$mode" = test ] && extras=".[test]"
  .venv/bin/python -m pip install --quiet --upgrade pip
  .venv/bin/python -m pip install --quiet -e "$extras"
  rm -f .venv/.guichet-*
  touch "$stamp"
fi
