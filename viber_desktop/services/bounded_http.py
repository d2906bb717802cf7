"""Bounds on one HTTP exchange: an overall deadline, a size cap, bounded decompression.

Trap: requests' read timeout applies to each socket read, so a server sending one byte a
second never trips it. The deadline here closes the connection's socket from a timer thread
(a duplicate of the socket is kept, so this works during the TLS handshake, the header read
and the body read alike); the blocked read then ends and the caller reports the deadline.
"""

import contextlib
import socket
import threading
import zlib
from collections.abc import Callable, Iterable
from typing import Any

from requests.adapters import HTTPAdapter

from viber_desktop.core.i18n import _, number

_current = threading.local()


class Deadline:
    """Closes every connection opened in this thread once ``seconds`` have passed."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.expired = False
        self._lock = threading.Lock()
        self._sockets: list[socket.socket] = []
        self._timer = threading.Timer(seconds, self.expire)
        self._timer.daemon = True

    def __enter__(self) -> "Deadline":
        _current.deadline = self
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        _current.deadline = None
        self._timer.cancel()
        with self._lock:
            sockets, self._sockets = self._sockets, []
        for sock in sockets:
            sock.close()

    def watch(self, sock: socket.socket) -> None:
        dup = sock.dup()
        with self._lock:
            self._sockets.append(dup)
            expired = self.expired
        if expired:
            _shut(dup)

    def expire(self) -> None:
        with self._lock:
            self.expired = True
            sockets = list(self._sockets)
        for sock in sockets:
            _shut(sock)


def _shut(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):  # already closed: nothing left to wake
        sock.shutdown(socket.SHUT_RDWR)  # wakes a read blocked in another thread


_WATCHED: dict[type[Any], type[Any]] = {}
_WATCHED_LOCK = threading.Lock()


def _watched_connection(cls: type[Any]) -> type[Any]:
    def _new_conn(self: Any) -> socket.socket:
        sock: socket.socket = cls._new_conn(self)
        deadline: Deadline | None = getattr(_current, "deadline", None)
        if deadline is not None:
            deadline.watch(sock)
        return sock

    return type(f"Watched{cls.__name__}", (cls,), {"_new_conn": _new_conn})


def _watched_pool(pool: type[Any]) -> type[Any]:
    """The pool class whose connections the deadline sees, made once per pool class (not a
    new class per client: classes are cyclic garbage the collector would have to chase)."""
    with _WATCHED_LOCK:
        watched = _WATCHED.get(pool)
        if watched is None:
            watched = _WATCHED[pool] = type(
                f"Watched{pool.__name__}",
                (pool,),
                {"ConnectionCls": _watched_connection(pool.ConnectionCls)},
            )
        return watched


def _watch_manager(manager: Any) -> Any:
    """Give every pool of ``manager`` (direct, proxy or SOCKS) connections the deadline sees."""
    if not getattr(manager, "_viber_watched", False):
        manager.pool_classes_by_scheme = {
            scheme: _watched_pool(pool) for scheme, pool in manager.pool_classes_by_scheme.items()
        }
        manager._viber_watched = True
    return manager


class WatchedAdapter(HTTPAdapter):
    """An HTTPAdapter whose connections obey the current thread's :class:`Deadline`."""

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        _watch_manager(self.poolmanager)

    def proxy_manager_for(self, proxy: str, **proxy_kwargs: Any) -> Any:
        return _watch_manager(super().proxy_manager_for(proxy, **proxy_kwargs))


class TooLarge(Exception):
    """The answer (as sent, or once unpacked) is over the cap; the message says which."""


class UnreadableEncoding(Exception):
    """The answer is compressed in a way this app does not unpack."""


class _Unpacker:
    """Unpacks gzip or deflate a chunk at a time, never producing more than asked."""

    def __init__(self, name: str) -> None:
        self._raw_fallback = name == "deflate"  # some servers send deflate without a header
        self._d = zlib.decompressobj(15 if name == "deflate" else 47)

    def __call__(self, chunk: bytes, max_out: int) -> bytes:
        try:
            out = self._d.decompress(chunk, max_out)
        except zlib.error:
            if not self._raw_fallback:
                raise UnreadableEncoding(_("its compressed data is damaged")) from None
            self._raw_fallback = False
            self._d = zlib.decompressobj(-15)
            return self(chunk, max_out)
        self._raw_fallback = False
        return out


def _decoder(encoding: str) -> Callable[[bytes, int], bytes] | None:
    """A function ``(chunk, max_out) -> bytes`` for a Content-Encoding, or None for identity."""
    name = encoding.strip().lower()
    if name in ("", "identity"):
        return None
    if name in ("gzip", "x-gzip", "deflate"):
        return _Unpacker(name)
    raise UnreadableEncoding(
        _("it is packed as {encoding}, which this app does not unpack").format(
            encoding=repr(encoding[:40])
        )
    )


def read_capped(chunks: Iterable[bytes], encoding: str, cap: int) -> bytes:
    """Join ``chunks`` (the body as sent), unpacked per ``encoding``, refusing more than ``cap``."""
    decode = _decoder(encoding)
    sent = 0
    parts: list[bytes] = []
    size = 0
    for chunk in chunks:
        sent += len(chunk)
        if sent > cap:
            raise TooLarge(_("the answer was larger than {count} bytes").format(count=number(cap)))
        out = chunk if decode is None else decode(chunk, cap - size + 1)
        size += len(out)
        if size > cap:
            raise TooLarge(
                _("the answer unpacks to more than {count} bytes").format(count=number(cap))
            )
        parts.append(out)
    return b"".join(parts)
