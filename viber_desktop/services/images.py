"""Fetching small images (avatars, previews) for display, with a size cap."""

from urllib.parse import urlsplit

from viber_desktop.core.endpoints import is_loopback_host
from viber_desktop.core.i18n import _
from viber_desktop.core.rules import is_http_url

MAX_IMAGE_BYTES = 5 * 1024 * 1024


class ImageError(Exception):
    """The image could not be fetched; the message says why."""


def fetch_image(url: str, timeout: float = 10.0) -> bytes:
    """Download an image (at most 5 MB) and return its bytes."""
    import requests  # imported on first use: keeps ~60 ms off the window's start-up

    if not is_http_url(url):
        raise ImageError(_("not an http(s) URL"))
    try:
        session = requests.Session()
        session.trust_env = not is_loopback_host(urlsplit(url).hostname)  # as in viber_client
        with session, session.get(url, timeout=(5, timeout), stream=True) as resp:
            if resp.status_code != 200:
                raise ImageError(_("HTTP {status}").format(status=resp.status_code))
            data = b""
            for chunk in resp.iter_content(65536):
                data += chunk
                if len(data) > MAX_IMAGE_BYTES:
                    raise ImageError(_("larger than 5 MB"))
            return data
    except requests.RequestException as exc:
        raise ImageError(type(exc).__name__) from None
