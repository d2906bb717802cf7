"""An equivalent curl command for a request; the token is a shell variable by default."""

from viber_desktop.core.endpoints import AUTH_HEADER, CONTENT_TYPE
from viber_desktop.core.redact import TOKEN_PLACEHOLDER


def curl_command(url: str, body: str, token_expr: str = TOKEN_PLACEHOLDER) -> str:
    """Build ``curl`` for POSTing ``body`` to ``url``; pass a real token only on request."""
    import shlex  # on a copy, not at every start (issue 16)

    header = f'"{AUTH_HEADER}: {token_expr}"'
    return (
        f"curl -sS -X POST {shlex.quote(url)} -H {header} "
        f"-H {shlex.quote('Content-Type: ' + CONTENT_TYPE)} --data-binary {shlex.quote(body)}"
    )
