"""Fetching images for the avatar thumbnail and the preview, from the sandbox."""

import pytest

from viber_desktop.sandbox.server import Sandbox
from viber_desktop.services.images import ImageError, fetch_image


def test_fetches_the_sandbox_bot_icon(sandbox: Sandbox) -> None:
    data = fetch_image(sandbox.base_url.replace("/pa", "/sandbox/icon.png"))
    assert data.startswith(b"\x89PNG")


@pytest.mark.parametrize("path", ["/sandbox/missing.png", "/pa/send_message"])
def test_http_errors_are_image_errors(sandbox: Sandbox, path: str) -> None:
    with pytest.raises(ImageError, match="HTTP"):
        fetch_image(sandbox.base_url.replace("/pa", path))


def test_not_a_url() -> None:
    with pytest.raises(ImageError):
        fetch_image("file:///etc/passwd")
