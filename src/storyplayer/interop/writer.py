"""Turns a draft into a story folder (story.yaml in our format, media/ when fetched),
written into a temporary folder beside the target and renamed at the end, so a failure
never leaves half a story behind.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from storyplayer.interop.draft import Draft, DraftEvent, ImportFailure, RemoteMedia, slugify
from storyplayer.interop.html_to_markdown import html_to_markdown
from storyplayer.interop.media_fetch import Fetched, FetchError, save

Fetcher = Callable[[str], Fetched]


def default_folder(draft: Draft, cwd: Path) -> Path:
    return cwd / (slugify(draft.title) or "imported-story")


def _link_line(media: RemoteMedia) -> str:
    """The credited Markdown line that stands in for a picture left on the web."""
    label = media.caption or media.alt or "Media"
    label = label.replace("[", "(").replace("]", ")")
    line = f"*{label}:* <{media.url}>" if label == "Media" else f"*Media:* [{label}](<{media.url}>)"
    if media.credit:
        line += f" ({media.credit})"
    if media.link and media.link != media.url and urlsplit(media.link).scheme in ("http", "https"):
        line += f" · <{media.link}>"
    return line


class _StoryWriter:
    def __init__(self, draft: Draft, folder: Path, fetcher: Fetcher | None):
        self.draft, self.folder, self.fetcher = draft, folder, fetcher
        self.fetched: dict[str, str | None] = {}  # url -> media path, None when it failed

    def local(self, value: str) -> str | dict[str, str]:
        """A text field: keyed by the story's language when it has one."""
        return {self.draft.language: value} if self.draft.language else value

    def picture(self, media: RemoteMedia, where: str, stem: str) -> str | None:
        """The media path of a fetched picture, or None (with a warning) when not fetched."""
        warnings = self.draft.warnings
        if self.fetcher is None:
            warnings.add(
                "remote media is not fetched (use --fetch-media); kept as a link in the text", where
            )
            return None
        if media.url not in self.fetched:
            try:
                self.fetched[media.url] = save(self.fetcher(media.url), self.folder, stem)
            except FetchError as error:
                host = urlsplit(media.url).netloc or media.url[:40]
                warnings.add(f"media from {host} was not fetched: {error}; kept as a link", where)
                self.fetched[media.url] = None
        return self.fetched[media.url]

    def with_media(
        self, text: str, media: RemoteMedia | None, where: str, stem: str
    ) -> tuple[str, dict[str, Any] | None]:
        if media is None:
            return text, None
        if media.url.lstrip().startswith("<"):
            # TimelineJS lets "media" be a piece of HTML (a quotation, an embed).
            quoted = html_to_markdown(media.url)
            if quoted:
                text = (
                    f"{text}\n\n> " + quoted.replace("\n", "\n> ")
                    if text
                    else "> " + quoted.replace("\n", "\n> ")
                )
            self.draft.warnings.add("media given as HTML is kept as quoted text", where)
            return text, None
        if urlsplit(media.url).scheme not in ("http", "https"):
            self.draft.warnings.add(
                f"media '{media.url[:60]}' is not a web address; left out", where
            )
            return text, None
        src = self.picture(media, where, stem)
        if src is None:
            line = _link_line(media)
            return (f"{text}\n\n{line}" if text else line), None
        image: dict[str, Any] = {"src": src}
        for key in ("caption", "credit", "alt"):
            if getattr(media, key):
                image[key] = self.local(getattr(media, key))
        return text, image

    def event(self, index: int, event: DraftEvent) -> dict[str, Any]:
        text, image = self.with_media(event.text, event.media, event.where, f"event-{index:02d}")
        out: dict[str, Any] = {"title": self.local(event.title)}
        if event.date is not None:
            out["date"] = event.date
        if event.date_label:
            out["date_label"] = self.local(event.date_label)
        if event.place:
            place = dict(event.place)
            if "name" in place:
                place["name"] = self.local(place["name"])
            out["place"] = place
        if text.strip():
            out["text"] = self.local(text.strip())
        if image:
            out["image"] = image
        return out

    def story(self) -> dict[str, Any]:
        d = self.draft
        title = d.title or "Imported story"
        story: dict[str, Any] = {"format": 1, "id": slugify(title) or "imported-story"}
        if d.language:
            story["languages"] = [d.language]
        story["title"] = self.local(title)
        summary = d.summary
        if d.cover is not None:
            cover_text, cover = self.with_media("", d.cover, "the title slide", "cover")
            if cover:
                story["cover"] = cover["src"]
            elif cover_text:
                summary = f"{summary}\n\n{cover_text}" if summary else cover_text
        if summary.strip():
            story["summary"] = self.local(summary.strip())
        if d.categories:
            story["categories"] = list(d.categories)
        if d.color:
            story["color"] = d.color
        if d.map_view:
            story["map"] = d.map_view
        story["events"] = [self.event(i, e) for i, e in enumerate(d.events, start=1)]
        return story


def write_story(
    draft: Draft, target: Path, *, force: bool = False, fetcher: Fetcher | None = None
) -> Path:
    """Writes the story folder `target`; ImportFailure when it cannot (nothing is left behind)."""
    from storyplayer.model.loader import check_story

    target = target.absolute()
    if target.exists() and not target.is_dir():
        raise ImportFailure(f"{target} exists and is not a folder")
    if target.is_dir() and any(target.iterdir()) and not force:
        raise ImportFailure(f"{target} already exists and is not empty (use --force to replace it)")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent))
    except OSError as error:
        raise ImportFailure(f"cannot write into {target.parent} ({error.strerror})") from None
    try:
        data = _StoryWriter(draft, work, fetcher).story()
        with open(work / "story.yaml", "w", encoding="utf-8") as stream:
            stream.write(f"# Imported from {draft.source_format} by storyplayer import.\n")
            yaml.safe_dump(data, stream, allow_unicode=True, sort_keys=False, width=100)
        story, problems = check_story(work)
        if story is None:
            first = next(p for p in problems if p.is_error)
            raise ImportFailure(f"the imported story does not validate: {first.message}")
        if target.exists():
            old = target.with_name(f".{target.name}.old")
            shutil.rmtree(old, ignore_errors=True)
            target.rename(old)
            work.rename(target)
            shutil.rmtree(old, ignore_errors=True)
        else:
            work.rename(target)
    except OSError as error:
        raise ImportFailure(f"cannot write {target} ({error.strerror or error})") from None
    finally:
        if work.exists():
            shutil.rmtree(work, ignore_errors=True)
    return target
