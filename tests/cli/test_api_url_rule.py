"""`profile add --api-url` and `send --api-url` use the same address rule as the client."""

import pytest

from viber_desktop.cli import main
from viber_desktop.services.settings import SettingsStore

BYPASS = "http://192.0.2.2:18200\\@127.0.0.1/pa"


@pytest.mark.parametrize(
    "url", [BYPASS, "http://127.0.0.1:80@192.0.2.2/pa", "http://127.0.0.1\t/pa", "http://127.1/pa"]
)
def test_profile_add_refuses_ambiguous_addresses(
    url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["profile", "add", "Bad", "--api-url", url])
    _, err = capsys.readouterr()
    assert code == 2
    assert "not safe to send a token to" in err
    assert "Value error" not in err  # pydantic's wording never reaches the user
    assert all(p.name != "Bad" for p in SettingsStore().load().profiles)


def test_profile_add_accepts_a_plain_loopback_address(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["profile", "add", "Local", "--api-url", "http://127.0.0.1:8080/pa"]) == 0
    assert [p.api_url for p in SettingsStore().load().profiles] == ["http://127.0.0.1:8080/pa"]
