#!/usr/bin/env bash
# Build the wheel, install it alone in a fresh venv and check that it runs; with --bundle,
# also build the PyInstaller one-folder bundle from that venv and check it the same way.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
OUT="$ROOT/build/dist-check"
rm -rf "$OUT" dist
mkdir -p "$OUT"
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
for d in CONFIG DATA CACHE; do export "VIBER_DESKTOP_${d}_DIR=$OUT/home/$d"; done

# The bundle's keyring helper (services/secret_process.py): one call on its input, the answer on
# its output; without a session bus it must answer that there is no Secret Service.
check_helper() {
  env -u DBUS_SESSION_BUS_ADDRESS "$OUT/venv/bin/python" - "$@" <<'PY'
import json, subprocess, sys
helper = subprocess.Popen(sys.argv[1:], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
helper.stdin.write(b'{"call": "get", "service": "viber-desktop", "username": "check"}\n')
helper.stdin.flush()  # kept open until the answer: its end makes the helper quit
answer = helper.stdout.read()
helper.stdin.close()
assert helper.wait() == 0 and json.loads(answer) == {"error": "absent"}, answer
print("keyring helper answered", answer.decode())
PY
}

echo "== wheel"
.venv/bin/python -m build --wheel --outdir dist . >"$OUT/build.log" 2>&1 || { tail -30 "$OUT/build.log"; exit 1; }
ls dist/*.whl

echo "== fresh venv with only the wheel"
python3 -m venv "$OUT/venv"
"$OUT/venv/bin/python" -m pip install -q --upgrade pip
"$OUT/venv/bin/python" -m pip install -q dist/*.whl
cd "$OUT"  # away from the checkout, so only the installed wheel can be imported
"$OUT/venv/bin/viber-desktop" --version
"$OUT/venv/bin/viber-desktop" --smoke-test
SAMPLE="$("$OUT/venv/bin/python" -c 'from importlib import resources; print(resources.files("viber_desktop.resources") / "samples" / "rich_media.json")')"
"$OUT/venv/bin/viber-desktop" check "$SAMPLE"
env -u DBUS_SESSION_BUS_ADDRESS "$OUT/venv/bin/python" -c '
from viber_desktop.services.secret_process import SeparateSecretStore, SecretServiceError
try:
    SeparateSecretStore().get("viber-desktop", "check")
except SecretServiceError as exc:
    assert exc.kind == "absent", exc.problem
    print("keyring helper answered: no Secret Service here")
else:
    raise SystemExit("the keyring helper answered without a Secret Service")'

if [ "${1:-}" = "--bundle" ]; then
  echo "== PyInstaller one-folder bundle"
  "$OUT/venv/bin/python" -m pip install -q pyinstaller
  start=$(date +%s)
  "$OUT/venv/bin/pyinstaller" --noconfirm --log-level WARN --distpath "$OUT/bundle" \
    --workpath "$OUT/pyi" "$ROOT/packaging/viber-desktop.spec"
  echo "bundle built in $(( $(date +%s) - start )) s, $(du -sh "$OUT/bundle/viber-desktop" | cut -f1)"
  "$OUT/bundle/viber-desktop/viber-desktop" --version
  "$OUT/bundle/viber-desktop/viber-desktop" --smoke-test
  "$OUT/bundle/viber-desktop/viber-desktop" check "$SAMPLE"
  check_helper "$OUT/bundle/viber-desktop/viber-desktop" --secret-service-call
fi
echo "== distribution checks passed"
