"""The benchmark's timed HTTP client: JSON POSTs over one keep-alive socket, parsed by hand.

The HTTP side's time should be the API's, not the client's. Measured side by side against
the same server (docs/PERFORMANCE.md), httpx spent about 1.2 ms of Python on each request
and the standard library's ``http.client`` 0.3–0.5 ms (it parses headers with the
``email`` package); this client reads the status line, the headers it needs and exactly
``Content-Length`` bytes of body, in tens of microseconds, as a browser's or curl's native
HTTP code would. It speaks only what ``dyad serve`` answers a POST with: HTTP/1.1 with a
``Content-Length``; anything else is an error, never a guess.
"""

from __future__ import annotations

import json
import socket
from typing import Any
from urllib.parse import urlsplit

__all__ = ["KeptAlive", "LeanHttp", "LeanHttpError", "server_timing"]

_END_OF_HEAD = b"\r\n\r\n"


class LeanHttpError(RuntimeError):
    """The server answered something this client does not read, or closed the connection."""


class LeanHttp:
    """POSTs JSON to one URL over one keep-alive connection."""

    def __init__(self, url: str, *, timeout: float = 120) -> None:
        parts = urlsplit(url)
        if parts.scheme != "http" or not parts.hostname or not parts.port:
            raise LeanHttpError(f"{url}: only http://host:port/path URLs")
        self.path = parts.path or "/"
        self.host = f"{parts.hostname}:{parts.port}"
        self.socket = socket.create_connection((parts.hostname, parts.port), timeout=timeout)
        self.socket.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self._unread = b""
        #: The last answer's status code and headers (names lower-cased).
        self.status = 0
        self.headers: dict[str, str] = {}

    @property
    def timing(self) -> dict[str, float]:
        """The last answer's ``Server-Timing`` in ms, by metric name ("total", "graph")."""
        return server_timing(self.headers.get("server-timing", ""))

    def post(self, payload: dict[str, Any]) -> dict[str, Any]:
        body = json.dumps(payload).encode()
        head = (
            f"POST {self.path} HTTP/1.1\r\nHost: {self.host}\r\n"
            f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
        )
        self.socket.sendall(head.encode() + body)
        answer: dict[str, Any] = json.loads(self._response())
        return answer

    def _response(self) -> bytes:
        received = self._unread
        while _END_OF_HEAD not in received:
            received += self._recv()
        head, _, received = received.partition(_END_OF_HEAD)
        status_line, *lines = head.decode("latin-1").split("\r\n")
        version, _, rest = status_line.partition(" ")
        if version != "HTTP/1.1" or not rest[:3].isdigit():
            raise LeanHttpError(f"not an HTTP/1.1 status line: {status_line!r}")
        self.status = int(rest[:3])
        self.headers = {}
        for line in lines:
            name, _, value = line.partition(":")
            self.headers[name.strip().lower()] = value.strip()
        if "content-length" not in self.headers:
            raise LeanHttpError(f"an answer without Content-Length: {status_line!r}")
        length = int(self.headers["content-length"])
        while len(received) < length:
            received += self._recv()
        self._unread = received[length:]
        return received[:length]

    def _recv(self) -> bytes:
        chunk = self.socket.recv(65536)
        if not chunk:
            raise LeanHttpError("the server closed the connection mid-answer")
        return chunk

    def close(self) -> None:
        self.socket.close()


def server_timing(header: str) -> dict[str, float]:
    """``graph;dur=1.8;desc="…", total;dur=2.4`` as ``{"graph": 1.8, "total": 2.4}``."""
    timing: dict[str, float] = {}
    for metric in header.split(","):
        name, *parameters = (part.strip() for part in metric.split(";"))
        for parameter in parameters:
            key, _, value = parameter.partition("=")
            if key == "dur":
                timing[name] = float(value)
    return timing


class KeptAlive:
    """``LeanHttp`` to one URL, opened again once when the server has closed it while idle:
    Apollo's and uvicorn's keep-alive timeout is 5 s, and a cold query on the other side of
    a busy machine may take longer."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.http = LeanHttp(url)

    def post(self, payload: dict[str, Any]) -> dict[str, Any]:
        try:
            return self.http.post(payload)
        except (LeanHttpError, OSError):
            self.http.close()
            self.http = LeanHttp(self.url)
            return self.http.post(payload)

    def close(self) -> None:
        self.http.close()
