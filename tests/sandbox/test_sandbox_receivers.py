"""The sandbox answers get_user_details and get_online like Viber, over real loopback HTTP."""

import json
from typing import Any

import pytest
import requests

from viber_desktop.core.endpoints import AUTH_HEADER
from viber_desktop.core.receiver_records import UserDetails, decode_online
from viber_desktop.core.receivers import ONLINE_IDS_MAX, USER_DETAILS_LIMIT
from viber_desktop.core.text import body_bytes
from viber_desktop.sandbox import users
from viber_desktop.sandbox.server import Sandbox
from viber_desktop.services.viber_client import ViberClient

MESSAGE = {"type": "text", "text": "Hi", "sender": {"name": "Shop"}}


class Clock:
    def __init__(self) -> None:
        self.now = 1_700_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(sandbox: Sandbox) -> Clock:
    tick = Clock()
    sandbox.state.clock = tick
    return tick


@pytest.fixture
def client(sandbox: Sandbox) -> ViberClient:
    return ViberClient(sandbox.base_url, sandbox.token, read_timeout=5)


def post(sandbox: Sandbox, endpoint: str, body: bytes) -> dict[str, Any]:
    answer = requests.post(
        f"{sandbox.base_url}/{endpoint}",
        data=body,
        headers={AUTH_HEADER: sandbox.token},
        timeout=5,
    )
    assert answer.status_code == 200
    data: dict[str, Any] = answer.json()
    return data


def test_user_details_has_viber_shape_and_levels(client: ViberClient) -> None:
    result = client.get_user_details("sandbox-user-1")
    assert result.outcome == "ok" and result.data is not None
    assert set(result.data) >= {"status", "status_message", "message_token", "user"}
    assert set(result.data["user"]) == {
        "id",
        "name",
        "avatar",
        "country",
        "language",
        "primary_device_os",
        "api_version",
        "viber_version",
        "mcc",
        "mnc",
        "device_type",
    }
    details = UserDetails.from_answer(result.data)
    assert details is not None and details.name == "Alice (sandbox)"
    assert details.api_version == users.CURRENT_API_LEVEL
    old = UserDetails.from_answer(client.get_user_details(users.OLD_USER).data)
    assert old is not None and old.api_version == 2


def test_user_details_limit_is_two_per_twelve_hours_per_user(
    client: ViberClient, clock: Clock
) -> None:
    assert [client.get_user_details("sandbox-user-2").status for _ in range(3)] == [0, 0, 12]
    assert client.get_user_details("sandbox-user-3").status == 0  # another user: own count
    clock.now += USER_DETAILS_LIMIT.window_s - 1
    assert client.get_user_details("sandbox-user-2").status == 12
    clock.now += 1
    assert client.get_user_details("sandbox-user-2").status == 0


@pytest.mark.parametrize(
    ("body", "status"),
    [
        (b'{"id": "stranger"}', 6),
        (b'{"id": "status-13"}', 13),
        (b'{"id": ""}', 4),
        (b"{}", 4),
        (b'{"id": 5}', 4),
        (b"[]", 4),
        (b"not json", 3),
    ],
)
def test_user_details_refusals(sandbox: Sandbox, body: bytes, status: int) -> None:
    assert post(sandbox, "get_user_details", body)["status"] == status


def test_online_states_with_last_online(client: ViberClient, clock: Clock) -> None:
    ids = ["sandbox-user-1", "sandbox-user-2", "sandbox-user-3", users.BUSY_USER, "stranger"]
    result = client.get_online(ids)
    assert result.outcome == "ok"
    entries = decode_online(result.data)
    assert [e.id for e in entries] == ids
    assert [e.state.name for e in entries] == [
        "online",
        "offline",
        "undisclosed",
        "tryLater",
        "unavailable",
    ]
    assert entries[1].last_online is not None
    assert entries[1].last_online.timestamp() == pytest.approx(clock.now - 2 * 3600)
    assert entries[0].last_online is None


@pytest.mark.parametrize(
    ("ids", "status"),
    [
        ([f"sandbox-user-{i}" for i in range(ONLINE_IDS_MAX + 1)], 3),
        ([], 4),
        (["sandbox-user-1", 7], 3),
        (["sandbox-user-1", ""], 3),
    ],
)
def test_online_refusals(sandbox: Sandbox, ids: list[Any], status: int) -> None:
    assert post(sandbox, "get_online", json.dumps({"ids": ids}).encode())["status"] == status


def test_online_takes_exactly_the_maximum(sandbox: Sandbox) -> None:
    ids = [f"sandbox-user-{i}" for i in range(ONLINE_IDS_MAX)]
    answer = post(sandbox, "get_online", json.dumps({"ids": ids}).encode())
    assert answer["status"] == 0 and len(answer["users"]) == ONLINE_IDS_MAX


def test_the_client_does_not_send_more_than_the_maximum(sandbox: Sandbox) -> None:
    client = ViberClient(sandbox.base_url, sandbox.token)
    result = client.get_online([f"u{i}" for i in range(ONLINE_IDS_MAX + 1)])
    assert result.outcome == "not_sent" and "at most 100" in (result.error or "")
    broken = client.get_user_details("a\ud800")
    assert broken.outcome == "not_sent"
    assert not [r for r in sandbox.requests if r.path != "/pa/send_message"]


@pytest.mark.parametrize(
    ("min_api", "status"),
    [(None, 0), (1, 0), (2, 0), (3, 13), (users.CURRENT_API_LEVEL + 1, 13)],
)
def test_old_user_gets_status_13_above_its_level(
    client: ViberClient, min_api: int | None, status: int
) -> None:
    message: dict[str, Any] = {**MESSAGE, "receiver": users.OLD_USER}
    if min_api is not None:
        message["min_api_version"] = min_api
    result = client.send_message(body_bytes(message))
    assert result.status == status
    if status == 13:
        assert result.status_name == "apiVersionNotSupported"


def test_current_users_take_their_level(client: ViberClient) -> None:
    level = users.CURRENT_API_LEVEL
    for receiver in ("sandbox-user-1", "sandbox-user-anything"):
        ok = {**MESSAGE, "receiver": receiver, "min_api_version": level}
        assert client.send_message(body_bytes(ok)).status == 0
        above = {**ok, "min_api_version": level + 1}
        assert client.send_message(body_bytes(above)).status == 13


def test_lookups_need_the_token(sandbox: Sandbox) -> None:
    client = ViberClient(sandbox.base_url, "wrong-token-123")
    assert client.get_user_details("sandbox-user-1").status == 2
    assert client.get_online(["sandbox-user-1"]).status == 2
