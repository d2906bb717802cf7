"""After setting a token, sending, recording and exporting, no app file holds the token."""

import io
import json
import sys
from pathlib import Path

import pytest

from viber_desktop.cli import main
from viber_desktop.sandbox.server import Sandbox

TOKEN = "leak-check-token-5fa1c0de"


def test_token_never_reaches_a_file(
    tmp_path: Path,
    app_dirs: dict[str, Path],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    with Sandbox(token=TOKEN) as sandbox:
        assert main(["profile", "add", "Bot", "--api-url", sandbox.base_url]) == 0
        monkeypatch.setattr(sys, "stdin", io.StringIO(TOKEN + "\n"))
        assert main(["token", "set", "--profile", "Bot"]) == 0
        payload = tmp_path / "p.json"
        payload.write_text(
            json.dumps(
                {
                    "receiver": "sandbox-user-1",
                    "type": "text",
                    "text": "hi",
                    "sender": {"name": "S"},
                }
            )
        )
        assert main(["send", "--profile", "Bot", str(payload)]) == 0
        assert main(["send", "--profile", "Bot", "--dry-run", str(payload)]) == 0
        assert main(["history", "export", str(app_dirs["data"] / "export.jsonl")]) == 0
        assert main(["history", "export", str(app_dirs["data"] / "export.csv")]) == 0
        assert main(["token", "status", "--profile", "Bot", "--check"]) == 0
    out, err = capsys.readouterr()
    assert TOKEN not in out + err
    files = [p for d in app_dirs.values() for p in d.rglob("*") if p.is_file()]
    assert len(files) >= 3
    for path in files:
        assert TOKEN.encode() not in path.read_bytes(), path
