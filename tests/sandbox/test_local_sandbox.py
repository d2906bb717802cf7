"""The Sandbox profile's sandbox belongs to its owner: started on first use, stopped by it."""

import errno
import socket
import threading
from collections.abc import Iterator
from typing import Any

import pytest

from viber_desktop.sandbox import server
from viber_desktop.sandbox.local import LocalSandbox, SandboxStopped
from viber_desktop.services.sending import SendRefused, resolve_target, send_checked
from viber_desktop.services.settings import SANDBOX, Profile

GOOD = {"receiver": "sandbox-user-1", "type": "text", "text": "Hi", "sender": {"name": "Shop"}}


@pytest.fixture
def owned() -> Iterator[LocalSandbox]:
    with LocalSandbox() as sandbox:
        yield sandbox


def listening(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) == 0


def test_nothing_listens_before_the_first_use(owned: LocalSandbox) -> None:
    assert not owned.started
    assert owned.token == "sandbox-0123456789abcdef-token"
    assert not owned.started
    assert listening(owned.running().port) and owned.started


def test_many_threads_at_once_start_one_server(owned: LocalSandbox) -> None:
    barrier = threading.Barrier(8)
    seen: list[Any] = []

    def use() -> None:
        barrier.wait()
        seen.append(owned.running())

    threads = [threading.Thread(target=use) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(seen) == 8 and all(s is seen[0] for s in seen)


def test_stop_closes_the_port_and_it_does_not_start_again() -> None:
    sandbox = LocalSandbox()
    port = sandbox.running().port
    sandbox.stop()
    sandbox.stop()  # twice is fine
    assert not listening(port) and not sandbox.started
    with pytest.raises(SandboxStopped):
        sandbox.running()
    with pytest.raises(SendRefused, match="the built-in sandbox has stopped"):
        resolve_target(SANDBOX, sandbox=sandbox)


def test_two_owners_get_two_sandboxes_and_a_send_goes_to_the_given_one(tmp_path: Any) -> None:
    with LocalSandbox() as first, LocalSandbox() as second:
        target = resolve_target(SANDBOX, sandbox=first)
        assert target.base_url == first.base_url != second.base_url
        assert target.token == first.token
        _, result = send_checked(GOOD, target, None)
        assert result.outcome == "ok"
        assert [r.path for r in first.running().requests] == ["/pa/send_message"]
        assert second.running().requests == []


def test_an_explicit_address_or_another_profile_never_starts_it(
    owned: LocalSandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("VIBER_AUTH_TOKEN", "env-token-1234567890")
    resolve_target(SANDBOX, sandbox=owned, api_url="http://127.0.0.1:9/pa")
    resolve_target(Profile(name="Prod"), sandbox=owned)
    assert not owned.started


def test_a_sandbox_that_cannot_listen_refuses_the_send_in_plain_words(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def no_port(*_args: Any, **_kwargs: Any) -> server.Sandbox:
        # A real bind failure cannot be forced on loopback: the server raises what bind does.
        raise OSError(errno.EADDRNOTAVAIL, "Cannot assign requested address")

    monkeypatch.setattr(server, "Sandbox", no_port)
    with LocalSandbox() as sandbox, pytest.raises(SendRefused) as caught:
        resolve_target(SANDBOX, sandbox=sandbox)
    assert str(caught.value) == (
        "the built-in sandbox could not start on this computer (Cannot assign requested "
        "address); restart the app and try again"
    )
