#!/usr/bin/env bash
# Set up a development environment on Debian/Ubuntu: Qt's system libraries, a keyring for
# tests, and .venv with the app and its test tools. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  # what Qt needs, even offscreen
  libgl1 libegl1 libglib2.0-0 libxkbcommon0 libfontconfig1 libdbus-1-3 libbrotli1 fonts-dejavu-core fonts-noto-color-emoji
  # a real window under X11 / Xvfb
  xvfb xauth libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0
  libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0
  # a real Secret Service for the keyring tests
  dbus gnome-keyring
  # validators for the Linux desktop entry and AppStream metadata
  desktop-file-utils appstream
  # spell checking: the Enchant library and the English and Ukrainian Hunspell dictionaries
  libenchant-2-2 hunspell-en-us hunspell-uk
  # venv support for Debian's own python3
  python3-venv python3-pip
)

if command -v apt-get >/dev/null 2>&1; then
  missing=()
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    echo "Installing system packages: ${missing[*]}"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
else
  echo "apt-get not found: install Qt's runtime libraries yourself (see README)." >&2
fi

PY="${PYTHON:-python3}"
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[test]'
echo "Ready: .venv/bin/viber-desktop"
