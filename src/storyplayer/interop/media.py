"""What an imported story's media references are, and where a picture can be had from:
a picture on the web, a Wikimedia Commons file (`wikifile:NAME`), a picture beside the
imported file (`images/map.png`), or a video, sound or web page the player cannot show.
Copying a picture from beside the source file is done here too, with the same checks a
download gets (a regular file inside that folder, small, really a picture).
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import quote, unquote, urlsplit

from storyplayer.interop.media_fetch import MAX_BYTES, TYPES, Fetched, FetchError, magic_type

PICTURE_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg"}
VIDEO_SUFFIXES = {".mp4", ".webm", ".mov", ".m4v", ".ogv", ".avi", ".mkv"}
AUDIO_SUFFIXES = {".mp3", ".ogg", ".oga", ".wav", ".m4a", ".flac", ".opus"}
VIDEO_HOSTS = ("youtube.com", "youtu.be", "vimeo.com", "vine.co", "dailymotion.com", "ted.com")
AUDIO_HOSTS = ("soundcloud.com", "spotify.com", "mixcloud.com", "audioboom.com")
PICTURE_HOSTS = ("upload.wikimedia.org",)
LINK_HOSTS = ("twitter.com", "x.com", "instagram.com", "facebook.com", "wikipedia.org",
              "google.com", "flickr.com", "tiktok.com", "storify.com", "documentcloud.org")
COMMONS = "https://commons.wikimedia.org/wiki/"
COMMONS_WIDTH = 1280  # Commons scales a picture down to this width for us

# How each kind is named in an event's sources (plain text, in the story file).
LABELS = {"picture": "Picture", "video": "Video", "audio": "Audio", "link": "Link"}
MISSING_LABEL = "Picture not available offline"


@dataclass(frozen=True)
class MediaRef:
    """One media reference, understood."""

    kind: str  # "picture", "maybe-picture", "video", "audio", "link", "unusable"
    fetch_url: str = ""  # the http(s) address to download a picture from
    local: str = ""  # a path beside the imported file
    origin: str = ""  # where it came from, kept in the story's sources


def _suffix(path: str) -> str:
    return PurePosixPath(unquote(path)).suffix.lower()


def _on(host: str, names: tuple[str, ...]) -> bool:
    return any(host == name or host.endswith("." + name) for name in names)


def _commons(name: str) -> MediaRef:
    name = name.strip().removeprefix("File:").removeprefix("file:").strip().replace(" ", "_")
    if not name:
        return MediaRef("unusable")
    quoted = quote(name, safe="()_-.,'!")
    page = f"{COMMONS}File:{quoted}"
    suffix = _suffix(name)
    if suffix in VIDEO_SUFFIXES:
        return MediaRef("video", origin=page)
    if suffix in AUDIO_SUFFIXES:
        return MediaRef("audio", origin=page)
    fetch = f"{COMMONS}Special:FilePath/{quoted}?width={COMMONS_WIDTH}"
    return MediaRef("picture", fetch_url=fetch, origin=page)


def classify(url: str) -> MediaRef:
    """What `url` (a StoryMapJS / TimelineJS `media.url`) is and where to get it."""
    url = url.strip()
    if url.lower().startswith("wikifile:"):
        return _commons(url.split(":", 1)[1])
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
    except ValueError:
        return MediaRef("unusable")
    if parts.scheme in ("http", "https") and host:
        if _on(host, ("commons.wikimedia.org",)) and "/wiki/File:" in parts.path:
            return _commons(unquote(parts.path.split("/wiki/File:", 1)[1]))
        suffix = _suffix(parts.path)
        if _on(host, VIDEO_HOSTS) or suffix in VIDEO_SUFFIXES:
            return MediaRef("video", origin=url)
        if _on(host, AUDIO_HOSTS) or suffix in AUDIO_SUFFIXES:
            return MediaRef("audio", origin=url)
        if suffix in PICTURE_SUFFIXES or _on(host, PICTURE_HOSTS):
            return MediaRef("picture", fetch_url=url, origin=url)
        if _on(host, LINK_HOSTS) or suffix or parts.path.rstrip("/").count("/") == 0:
            return MediaRef("link", origin=url)  # a page, a document, a site
        return MediaRef("maybe-picture", fetch_url=url, origin=url)
    if parts.scheme or parts.netloc or url.startswith(("/", "\\")) or "\x00" in url:
        return MediaRef("unusable")  # data:, file:, javascript:, absolute paths
    path = PurePosixPath(url.replace("\\", "/"))
    if ".." in path.parts or not path.parts:
        return MediaRef("unusable")
    suffix = path.suffix.lower()
    if suffix in VIDEO_SUFFIXES:
        return MediaRef("video", origin=url)
    if suffix in AUDIO_SUFFIXES:
        return MediaRef("audio", origin=url)
    return MediaRef("picture", local=str(path), origin=url)


def copy_beside(relative: str, base: Path, limit: int = MAX_BYTES) -> Fetched:
    """The picture at `relative` inside the folder `base`; FetchError when it is missing,
    outside that folder, not a regular file (a FIFO, a device), too big or not a picture."""
    try:
        root = base.resolve(strict=True)
        path = (root / relative).resolve(strict=True)
        path.relative_to(root)
        # A regular file only; a FIFO or device would block or never end.
        info = os.stat(path)
    except FileNotFoundError:
        raise FetchError("it is not beside the imported file") from None
    except ValueError:
        raise FetchError("it is outside the imported file's folder") from None
    except (OSError, RuntimeError) as error:
        why = getattr(error, "strerror", None) or error
        raise FetchError(f"it cannot be read ({why})") from None
    if not stat.S_ISREG(info.st_mode):
        raise FetchError("it is not a regular file")
    if info.st_size > limit:
        raise FetchError(f"it is larger than {limit // 1024 // 1024} MB")
    try:
        with open(path, "rb") as stream:
            data = stream.read(limit + 1)
    except OSError as error:
        raise FetchError(f"it cannot be read ({error.strerror})") from None
    if len(data) > limit:
        raise FetchError(f"it is larger than {limit // 1024 // 1024} MB")
    kind = magic_type(data)
    if kind is None:
        raise FetchError("it is not a PNG, JPEG, GIF, WebP or SVG picture")
    return Fetched(data, TYPES[kind])
