"""The app's only network use: with `import --fetch-media`, each remote picture is
downloaded once into the new story's media/ folder. Pictures only, small, quickly.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

MAX_BYTES = 10 * 1024 * 1024
TIMEOUT = 20.0
TYPES = {
    "image/png": ".png",
    "image/jpeg": ".jpg",
    "image/gif": ".gif",
    "image/webp": ".webp",
    "image/svg+xml": ".svg",
}


class FetchError(Exception):
    """A picture could not be fetched; str(e) says why, in a few words."""


@dataclass(frozen=True)
class Fetched:
    data: bytes
    extension: str


def _magic_type(data: bytes) -> str | None:
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


class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        if urlsplit(newurl).scheme not in ("http", "https"):
            raise FetchError("it redirects to an address that is not http(s)")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch_image(url: str, timeout: float = TIMEOUT, limit: int = MAX_BYTES) -> Fetched:
    """The picture at `url`; FetchError when it is not a small PNG, JPEG, GIF, WebP or SVG."""
    if urlsplit(url).scheme not in ("http", "https"):
        raise FetchError("only http and https addresses are fetched")
    opener = urllib.request.build_opener(_HttpOnlyRedirects)
    request = urllib.request.Request(url, headers={"User-Agent": "storyplayer-import"})
    try:
        with opener.open(request, timeout=timeout) as response:
            content_type = response.headers.get_content_type()
            if content_type not in TYPES:
                raise FetchError(f"it is {content_type}, not a PNG, JPEG, GIF, WebP or SVG picture")
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > limit:
                raise FetchError(f"it is larger than {limit // 1024 // 1024} MB")
            data = response.read(limit + 1)
    except FetchError:
        raise
    except urllib.error.HTTPError as error:
        raise FetchError(f"the server answered {error.code} {error.reason}") from None
    except urllib.error.URLError as error:
        raise FetchError(f"cannot reach it ({error.reason})") from None
    except TimeoutError:
        raise FetchError(f"no answer within {timeout:g} seconds") from None
    except (OSError, ValueError) as error:
        raise FetchError(f"the download failed ({error})") from None
    if len(data) > limit:
        raise FetchError(f"it is larger than {limit // 1024 // 1024} MB")
    actual = _magic_type(data)
    if actual != content_type:
        raise FetchError(f"the file is not the {content_type} picture its server says it is")
    return Fetched(data, TYPES[content_type])


def save(fetched: Fetched, folder: Path, stem: str) -> str:
    """Writes the picture to folder/media/ and returns its path relative to `folder`."""
    media = folder / "media"
    media.mkdir(exist_ok=True)
    name = f"{stem}{fetched.extension}"
    (media / name).write_bytes(fetched.data)
    return f"media/{name}"
