#!/usr/bin/env bash
# Lint, type-check and test, with a real Secret Service (gnome-keyring in a private D-Bus
# session) so the keyring tests use the real thing. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/.venv/bin:$PATH"

echo "== ruff"; ruff check . && ruff format --check .
echo "== mypy"; mypy
echo "== import-linter"; lint-imports --no-cache

export QT_QPA_PLATFORM=offscreen
if command -v dbus-run-session >/dev/null && command -v gnome-keyring-daemon >/dev/null; then
  KR_TMP="$(mktemp -d)"; mkdir -m 700 "$KR_TMP/data" "$KR_TMP/run"
  trap 'rm -rf "$KR_TMP"' EXIT
  echo "== pytest (with gnome-keyring in a private D-Bus session)"
  XDG_DATA_HOME="$KR_TMP/data" XDG_RUNTIME_DIR="$KR_TMP/run" VIBER_DESKTOP_STRICT_TESTS=1 \
    dbus-run-session -- bash -c '
    echo -n "ci-keyring-pw" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
    python -m coverage run -m pytest -q "$@"' _ "$@"
else
  echo "== pytest (no dbus-run-session/gnome-keyring: real keyring tests are skipped)"
  python -m coverage run -m pytest -q "$@"
fi
echo "== coverage of core, services, sandbox and cli (floor: 90 % of branches and lines)"
python -m coverage report
