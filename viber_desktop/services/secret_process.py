"""The window's Secret Service calls, each made by a short-lived process of this app.

The Secret Service hands a secret over an encrypted session, and secretstorage's encryption
loads cryptography (OpenSSL and a Rust module): 12.7 MiB resident that a process never gives
back (issue 16: the window is to stay under 80 MB). So the window asks a helper, this app
started again (see :func:`helper_command`): it makes one :class:`SecretServiceStore` call and
exits, about 0.15 s. The token still crosses the bus encrypted; between the two processes it
goes through a pipe, never the command line.

Trap: a helper waiting for the user to answer an unlock prompt must not outlive the window.
It keeps reading its input: the window's end closes that pipe, and the helper exits.
"""

import json
import os
import subprocess
import sys
import threading
from contextlib import suppress
from pathlib import Path
from typing import IO, Any, Final, get_args

from viber_desktop.commands import SECRET_SERVICE_CALL
from viber_desktop.services.secret_service import (
    Kind,
    SecretServiceError,
    SecretServiceStore,
    available,
)

MAX_MESSAGE: Final = 1024 * 1024
"""Far above a request or an answer (a Viber token is some 50 characters; JSON may write one
character as 12)."""
_CALLS: Final = frozenset({"get", "set", "delete"})


def helper_command() -> list[str]:
    """How this app starts its helper: the bundle's program itself, else this Python running
    this very package (``-P``: nothing from the current folder is imported; the package's own
    folder is added only when it is not already on the path, a checkout run uninstalled)."""
    if getattr(sys, "frozen", False):
        return [sys.executable, SECRET_SERVICE_CALL]
    root = str(Path(__file__).parents[2])  # as imported here: the spelling sys.path has
    return [sys.executable, "-P", "-c", _HELPER, root]


_HELPER: Final = (
    "import sys\n"
    "if sys.argv[1] not in sys.path: sys.path.insert(0, sys.argv[1])\n"
    "from viber_desktop.services.secret_process import serve_call\n"
    "sys.exit(serve_call())\n"
)


class SeparateSecretStore:
    """:class:`SecretServiceStore`'s get, set and delete, each made by a helper process.

    Raises SecretServiceError as the store does, with kind ``absent`` when no Secret Service
    runs in this session.
    """

    def get(self, service: str, username: str) -> str | None:
        value = self._call({"call": "get", "service": service, "username": username})
        if value is not None and not (isinstance(value, str) and _is_text(value)):
            raise _no_answer("an answer that is not a token")
        return value

    def set(self, service: str, username: str, secret: str) -> None:
        self._call({"call": "set", "service": service, "username": username, "secret": secret})

    def delete(self, service: str, username: str) -> bool:
        return self._call({"call": "delete", "service": service, "username": username}) is True

    @staticmethod
    def _call(request: dict[str, str]) -> Any:
        data = json.dumps(request).encode("utf-8") + b"\n"
        try:
            helper = subprocess.Popen(
                helper_command(),
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
            )
        except OSError as exc:
            raise SecretServiceError("unopened", exc.strerror or type(exc).__name__) from None
        assert helper.stdin is not None
        assert helper.stdout is not None
        try:
            helper.stdin.write(data)
            helper.stdin.flush()  # kept open: its end tells the helper the window has gone
            raw = helper.stdout.read(MAX_MESSAGE + 1)
        except OSError:
            raw = b""
        finally:
            for pipe in (helper.stdin, helper.stdout):
                with suppress(OSError):
                    pipe.close()
            code = helper.wait()
        return _answer(raw, code)


def _answer(raw: bytes, code: int) -> Any:
    """The value of the helper's answer; SecretServiceError for a refusal or no answer."""
    if len(raw) > MAX_MESSAGE:
        raise _no_answer(f"an answer over {MAX_MESSAGE // 1024} KB")
    try:
        answer = json.loads(raw)
    except (ValueError, RecursionError):  # RecursionError: nested deeper than json can read
        answer = None
    if not isinstance(answer, dict):
        raise _no_answer(f"exit code {code}" if code else "no answer")
    if "value" in answer:
        return answer["value"]
    error = answer.get("error")
    if error == "absent":
        raise _absent()
    if (
        isinstance(error, list)
        and len(error) == 2
        and error[0] in get_args(Kind)
        and isinstance(error[1], str)
    ):
        raise SecretServiceError(error[0], error[1])
    raise _no_answer("an answer it could not read")


def _is_text(value: str) -> bool:
    """No lone surrogate: the helper reads tokens as UTF-8, so a real answer never has one."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _absent() -> SecretServiceError:
    return SecretServiceError("absent", "no Secret Service in this session")


def _no_answer(detail: str) -> SecretServiceError:
    return SecretServiceError("unopened", f"its helper process ended without an answer: {detail}")


def serve_call(stdin: IO[bytes] | None = None, stdout: IO[bytes] | None = None) -> int:
    """The helper: read one call, make it, write the answer (``{"value": …}`` or
    ``{"error": …}``) and return the exit code."""
    source = stdin or sys.stdin.buffer
    sink = stdout or sys.stdout.buffer
    try:
        request = json.loads(source.readline(MAX_MESSAGE))
    except (ValueError, RecursionError):
        return 2
    if not _well_formed(request):
        return 2
    threading.Thread(target=_exit_when_closed, args=(source,), daemon=True).start()
    try:
        answer: dict[str, Any] = {"value": _make(request)}
    except SecretServiceError as exc:
        answer = {"error": "absent" if exc.kind == "absent" else [exc.kind, exc.problem]}
    sink.write(json.dumps(answer).encode("utf-8"))
    sink.flush()
    return 0


def _well_formed(request: object) -> bool:
    if not isinstance(request, dict) or not isinstance(request.get("call"), str):
        return False
    if request["call"] not in _CALLS:
        return False
    keys = (
        ("service", "username", "secret") if request["call"] == "set" else ("service", "username")
    )
    return set(request) == {"call", *keys} and all(isinstance(request[k], str) for k in keys)


def _make(request: dict[str, str]) -> Any:
    if not available():
        raise _absent()
    store = SecretServiceStore()
    service, username = request["service"], request["username"]
    if request["call"] == "get":
        return store.get(service, username)
    if request["call"] == "set":
        store.set(service, username, request["secret"])
        return None
    return store.delete(service, username)


def _exit_when_closed(source: IO[bytes]) -> None:
    """Exit as soon as the window closes its end of the pipe (a prompt left unanswered).

    Trap: it reads the pipe itself, not ``source``: a thread blocked in a buffered read holds
    the buffer's lock, and the interpreter's exit then waits a second for it.
    """
    try:
        pipe = source.fileno()
    except (OSError, ValueError):
        return  # not a pipe: nobody to outlive
    try:
        while os.read(pipe, 4096):
            pass
    except OSError:
        pass
    os._exit(1)
