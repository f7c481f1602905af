"""Fetching an article by URL, safely: public addresses only, bounded size, time, redirects."""

from __future__ import annotations

import ipaddress
import socket
import time
import urllib.error
import urllib.request
from urllib.parse import urlsplit

from marsad import __version__
from marsad.ingest.document import InputError, ReadOptions

MAX_REDIRECTS = 3


def check_public(url: str, allow_private: bool) -> None:
    """Refuse URLs whose host resolves to a private, loopback or link-local address."""
    host = urlsplit(url).hostname
    if not host:
        raise InputError(url, "URL has no host")
    if allow_private:
        return
    try:
        infos = socket.getaddrinfo(host, None)
    except socket.gaierror:
        raise InputError(url, f"cannot resolve host {host!r}") from None
    for info in infos:
        address = ipaddress.ip_address(info[4][0])
        if not address.is_global:
            raise InputError(
                url,
                f"refusing to fetch from non-public address {address} "
                "(pass --allow-private to fetch from your own network)",
            )


class _CheckedRedirects(urllib.request.HTTPRedirectHandler):
    """Follow a few redirects, each checked like the first URL."""

    def __init__(self, allow_private: bool):
        self.allow_private = allow_private
        self.count = 0

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        self.count += 1
        if self.count > MAX_REDIRECTS:
            raise InputError(req.full_url, f"more than {MAX_REDIRECTS} redirects")
        check_public(newurl, self.allow_private)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch_url(url: str, options: ReadOptions) -> tuple[bytes, str]:
    """The body of ``url`` and the final URL after redirects."""
    check_public(url, options.allow_private)
    opener = urllib.request.build_opener(_CheckedRedirects(options.allow_private))
    request = urllib.request.Request(url, headers={"User-Agent": f"marsad/{__version__}"})
    try:
        with opener.open(request, timeout=options.timeout) as response:
            data = _read_body(response, url, options)
            final = response.geturl()
    except urllib.error.HTTPError as error:
        raise InputError(url, f"HTTP {error.code} {error.reason}") from None
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise InputError(url, f"cannot fetch: {reason}") from None
    if len(data) > options.max_bytes:
        raise InputError(url, f"response larger than {options.max_bytes:,} bytes")
    return data, final


def _read_body(response, url: str, options: ReadOptions) -> bytes:
    """At most ``max_bytes + 1`` bytes, within ``timeout`` seconds in all: the socket
    timeout bounds each read, not a server that trickles a byte at a time."""
    deadline = time.monotonic() + options.timeout
    chunks: list[bytes] = []
    size = 0
    while size <= options.max_bytes:
        if time.monotonic() > deadline:
            raise InputError(url, f"cannot fetch: no complete answer within {options.timeout:g} s")
        chunk = response.read1(min(1 << 16, options.max_bytes + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)
