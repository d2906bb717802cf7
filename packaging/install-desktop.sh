#!/usr/bin/env bash
# Install the desktop entry, icons and AppStream metadata for the current user (Linux).
# Run after installing the app (pip/pipx) so that `viber-desktop` is on PATH.
set -euo pipefail
cd "$(dirname "$0")/.."
APP_ID=io.github.viberdesktop.Composer
DATA="${XDG_DATA_HOME:-$HOME/.local/share}"
install -Dm644 "packaging/linux/$APP_ID.desktop" "$DATA/applications/$APP_ID.desktop"
install -Dm644 "packaging/linux/$APP_ID.metainfo.xml" "$DATA/metainfo/$APP_ID.metainfo.xml"
install -Dm644 resources/icons/viber-desktop.svg "$DATA/icons/hicolor/scalable/apps/$APP_ID.svg"
for size in 16 24 32 48 64 128 256 512; do
  install -Dm644 "resources/icons/viber-desktop-$size.png" \
    "$DATA/icons/hicolor/${size}x${size}/apps/$APP_ID.png"
done
command -v update-desktop-database >/dev/null && update-desktop-database "$DATA/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q "$DATA/icons/hicolor" || true
echo "Installed $APP_ID for $(id -un); it appears in the application menu."
