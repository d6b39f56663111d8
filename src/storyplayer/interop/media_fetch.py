"""The app's only network use: with `import --fetch-media`, each remote picture is
downloaded once into the new story's media/ folder. Pictures only, small, quickly, and only
from the public internet: every host is resolved first and refused when any of its
addresses is loopback, private, link-local, multicast or otherwise not public (checked
again on every redirect, and the connection goes to the address that was checked). Each
file and the whole import have a size and a time budget that a slow server cannot stretch.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

MAX_BYTES = 10 * 1024 * 1024  # one picture
TOTAL_BYTES = 100 * 1024 * 1024  # every picture of one import
FILE_SECONDS = 20.0  # one picture, from resolving its host to its last byte
IMPORT_SECONDS = 120.0  # every picture of one import
MAX_REDIRECTS = 5
TYPES = {
    "image/png": ".png",
    "image/jpeg": ".jpg",
    "image/gif": ".gif",
    "image/webp": ".webp",
    "image/svg+xml": ".svg",
}
_REDIRECTS = (301, 302, 303, 307, 308)

Resolver = Callable[[str, int], list[str]]  # host, port -> IP addresses
AddressCheck = Callable[[str], bool]


class FetchError(Exception):
    """A picture could not be fetched; str(e) says why, in a few words."""


@dataclass(frozen=True)
class Fetched:
    data: bytes
    extension: str


def magic_type(data: bytes) -> str | None:
    """The picture type the bytes really are (PNG, JPEG, GIF, WebP, SVG), or None."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data.startswith((b"GIF87a", b"GIF89a")):
        return "image/gif"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if (
        head.startswith((b"<?xml", b"<svg", b"<!--", b"<!doctype svg"))
        and b"<svg" in data[:4096].lower()
    ):
        return "image/svg+xml"
    return None


def system_resolver(host: str, port: int) -> list[str]:
    """Every address the system's resolver gives for `host`."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return [str(info[4][0]) for info in infos]


def public_address(address: str) -> bool:
    """True only for an address on the public internet (not loopback, private, link-local,
    multicast, reserved or unspecified; IPv4 written inside IPv6 is judged as IPv4)."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = ip.ipv4_mapped or ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if embedded is not None:
            ip = embedded
    return ip.is_global and not ip.is_multicast


class _PinnedHTTP(http.client.HTTPConnection):
    """Talks to `host` (its name in the request) at the one address that was checked."""

    def __init__(self, host: str, port: int, address: str, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout)
        self.address = address

    def connect(self) -> None:
        self.sock = socket.create_connection((self.address, self.port), self.timeout)


class _PinnedHTTPS(_PinnedHTTP):
    default_port = 443

    def connect(self) -> None:
        super().connect()
        context = ssl.create_default_context()
        self.sock = context.wrap_socket(self.sock, server_hostname=self.host)


class MediaFetcher:
    """Fetches pictures for one import, within its budgets. Call it with a URL; it returns
    the picture or raises FetchError. `resolver` and `address_allowed` exist so a test can
    point a name at a local server; the app always uses the defaults."""

    def __init__(
        self,
        *,
        resolver: Resolver = system_resolver,
        address_allowed: AddressCheck = public_address,
        max_bytes: int = MAX_BYTES,
        total_bytes: int = TOTAL_BYTES,
        file_seconds: float = FILE_SECONDS,
        import_seconds: float = IMPORT_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.resolver, self.address_allowed = resolver, address_allowed
        self.max_bytes, self.total_bytes = max_bytes, total_bytes
        self.file_seconds, self.import_seconds = file_seconds, import_seconds
        self.clock = clock
        self._started: float | None = None
        self._spent_bytes = 0

    def __call__(self, url: str) -> Fetched:
        now = self.clock()
        if self._started is None:
            self._started = now
        left = self.import_seconds - (now - self._started)
        if left <= 0:
            raise FetchError(f"the import's {self.import_seconds:g} seconds for downloads ran out")
        if self._spent_bytes >= self.total_bytes:
            raise FetchError(
                f"the import's {_megabytes(self.total_bytes)} for downloads ran out"
            )
        deadline = now + min(self.file_seconds, left)
        for _ in range(MAX_REDIRECTS + 1):
            url = self._get(url, deadline)
            if isinstance(url, Fetched):
                self._spent_bytes += len(url.data)
                return url
        raise FetchError(f"it redirects more than {MAX_REDIRECTS} times")

    # --- one request --------------------------------------------------------------------

    def _left(self, deadline: float) -> float:
        left = deadline - self.clock()
        if left <= 0:
            raise FetchError(f"no complete answer within {self.file_seconds:g} seconds")
        return left

    def _address(self, host: str, port: int, deadline: float) -> str:
        """The first address of `host`, resolved within the time left; FetchError when any
        of its addresses is not public (a name that also points inside is refused whole)."""
        answer: list[list[str] | BaseException] = []

        def resolve() -> None:
            try:
                answer.append(self.resolver(host, port))
            except BaseException as error:  # noqa: BLE001 - reported below, in this thread
                answer.append(error)

        worker = threading.Thread(target=resolve, daemon=True, name="resolve-media-host")
        worker.start()
        worker.join(self._left(deadline))
        if not answer:
            raise FetchError(f"the name {host} was not resolved in time")
        result = answer[0]
        if isinstance(result, BaseException) or not result:
            raise FetchError(f"cannot find the host {host}")
        refused = [a for a in result if not self.address_allowed(a)]
        if refused:
            raise FetchError(
                f"refused: {host} is a local or private address ({refused[0]}), not the internet"
            )
        return result[0]

    def _get(self, url: str, deadline: float) -> str | Fetched:
        """The picture, or the address a redirect points to."""
        try:
            parts = urlsplit(url)
            port = parts.port
        except ValueError:
            raise FetchError("the address is not a valid URL") from None
        if parts.scheme not in ("http", "https"):
            raise FetchError("only http and https addresses are fetched")
        if parts.username is not None or parts.password is not None:
            raise FetchError("addresses with a user name or password are not fetched")
        host = parts.hostname
        if not host:
            raise FetchError("the address names no host")
        https = parts.scheme == "https"
        port = port or (443 if https else 80)
        address = self._address(host, port, deadline)
        kind = _PinnedHTTPS if https else _PinnedHTTP
        connection = kind(host, port, address, timeout=self._left(deadline))
        # A server that trickles bytes keeps every single read short of the socket's time
        # limit; this closes the socket when the picture's whole budget is spent.
        watchdog = threading.Timer(max(0.0, deadline - self.clock()), _abort, (connection,))
        watchdog.daemon = True
        watchdog.start()
        try:
            path = parts.path or "/"
            if parts.query:
                path += "?" + parts.query
            connection.request(
                "GET", path, headers={"User-Agent": "storyplayer-import", "Accept": "image/*"}
            )
            response = connection.getresponse()
            if response.status in _REDIRECTS:
                target = response.getheader("Location")
                if not target:
                    raise FetchError(f"the server answered {response.status} without an address")
                next_url = urljoin(url, target.strip())
                if urlsplit(next_url).scheme not in ("http", "https"):
                    raise FetchError("it redirects to an address that is not http(s)")
                return next_url
            if response.status != 200:
                raise FetchError(f"the server answered {response.status} {response.reason}")
            content_type = (response.getheader("Content-Type") or "").split(";")[0].strip()
            content_type = content_type.lower()
            if content_type not in TYPES:
                shown = content_type or "of no stated type"
                raise FetchError(f"it is {shown}, not a PNG, JPEG, GIF, WebP or SVG picture")
            limit = min(self.max_bytes, self.total_bytes - self._spent_bytes)
            length = response.getheader("Content-Length") or ""
            if length.strip().isdigit() and int(length) > limit:
                raise self._too_big(limit)
            data = self._read(response, limit, deadline)
        except FetchError:
            raise
        except ssl.SSLError as error:
            raise FetchError(f"the secure connection failed ({error.reason})") from None
        except TimeoutError:
            raise FetchError(f"no complete answer within {self.file_seconds:g} seconds") from None
        except (OSError, http.client.HTTPException, ValueError) as error:
            if self.clock() >= deadline:
                raise FetchError(
                    f"no complete answer within {self.file_seconds:g} seconds"
                ) from None
            raise FetchError(f"the download failed ({error or type(error).__name__})") from None
        finally:
            watchdog.cancel()
            connection.close()
        actual = magic_type(data)
        if actual != content_type:
            raise FetchError(f"the file is not the {content_type} picture its server says it is")
        return Fetched(data, TYPES[content_type])

    def _too_big(self, limit: int) -> FetchError:
        if limit < self.max_bytes:
            return FetchError(
                f"the import's {_megabytes(self.total_bytes)} for downloads ran out"
            )
        return FetchError(f"it is larger than {_megabytes(limit)}")

    def _read(self, response: http.client.HTTPResponse, limit: int, deadline: float) -> bytes:
        chunks: list[bytes] = []
        size = 0
        while True:
            self._left(deadline)
            chunk = response.read1(64 * 1024)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:
                raise self._too_big(limit)
        self._left(deadline)
        return b"".join(chunks)


def _abort(connection: http.client.HTTPConnection) -> None:
    sock = connection.sock
    if sock is not None:
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass


def _megabytes(limit: int) -> str:
    return f"{limit / 1024 / 1024:.0f} MB" if limit >= 1024 * 1024 else f"{limit} bytes"


def save(fetched: Fetched, folder: Path, stem: str) -> str:
    """Writes the picture to folder/media/ and returns its path relative to `folder`."""
    media = folder / "media"
    media.mkdir(exist_ok=True)
    name = f"{stem}{fetched.extension}"
    (media / name).write_bytes(fetched.data)
    return f"media/{name}"
