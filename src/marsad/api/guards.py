"""What protects the API: request size and rate limits, the write token, and the
security headers (strict CSP) on every response. Plain ASGI, no extra dependency."""

from __future__ import annotations

import hmac
import json
import threading
import time
from collections import defaultdict

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
       "frame-ancestors 'none'; form-action 'self'")
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


async def _reply(send, status: int, detail: str, headers: list | None = None) -> None:
    body = json.dumps({"detail": detail}).encode()
    await send({"type": "http.response.start", "status": status, "headers": [
        (b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
        *SECURITY_HEADERS, *(headers or [])]})
    await send({"type": "http.response.body", "body": body})


class Guards:
    """ASGI middleware: body size limit, per-client rate limit on writes and analyses,
    and security headers."""

    def __init__(self, app, max_body: int, rate_per_minute: int, limited: tuple[str, ...]):
        self.app = app
        self.max_body = max_body
        self.limiter = RateLimiter(rate_per_minute)
        self.limited = limited

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        if "\x00" in scope["path"] or b"%00" in scope.get("query_string", b""):
            # NUL is not text, and PostgreSQL refuses it even as a bound parameter
            return await _reply(send, 400, "NUL characters are not allowed in the URL")
        headers = dict(scope["headers"])
        length = headers.get(b"content-length")
        if length is not None and length.isdigit() and int(length) > self.max_body:
            return await _reply(send, 413, f"request body over {self.max_body} bytes")
        if scope["method"] == "POST" and scope["path"] in self.limited:
            client = (scope.get("client") or ("?", 0))[0]
            wait = self.limiter.wait(client)
            if wait:
                return await _reply(send, 429, "too many requests: slow down",
                                    [(b"retry-after", str(int(wait) + 1).encode())])

        received = 0

        async def limited_receive():
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.max_body:  # a chunked body without Content-Length
                raise BodyTooLarge
            return message

        async def secured_send(message):
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS]
            await send(message)

        try:
            await self.app(scope, limited_receive, secured_send)
        except BodyTooLarge:
            await _reply(send, 413, f"request body over {self.max_body} bytes")


class BodyTooLarge(Exception):
    pass


class RateLimiter:
    """A token bucket per client: ``per_minute`` requests, refilled continuously."""

    def __init__(self, per_minute: int):
        self.capacity = float(per_minute)
        self.rate = per_minute / 60.0
        self.buckets: dict[str, tuple[float, float]] = defaultdict(
            lambda: (self.capacity, time.monotonic()))
        self.lock = threading.Lock()

    def wait(self, client: str) -> float:
        """0 when the request may go ahead, else the seconds until it may."""
        with self.lock:
            tokens, last = self.buckets[client]
            now = time.monotonic()
            tokens = min(self.capacity, tokens + (now - last) * self.rate)
            if tokens >= 1:
                self.buckets[client] = (tokens - 1, now)
                return 0.0
            self.buckets[client] = (tokens, now)
            return (1 - tokens) / self.rate


def token_matches(expected: str | None, authorization: str | None) -> bool:
    if not expected or not authorization or not authorization.startswith("Bearer "):
        return False
    return hmac.compare_digest(authorization.removeprefix("Bearer ").encode(), expected.encode())
