"""Turns a draft into a story folder (story.yaml in our format, media/ with the pictures it
could keep), written into a temporary folder beside the target and renamed at the end, so
a failure never leaves half a story behind. Every picture keeps its caption, credit and
where it came from; one that cannot be kept stays as a credited reference in the sources.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Collection
from pathlib import Path
from typing import Any

import yaml

from storyplayer.interop.draft import Draft, DraftEvent, ImportFailure, RemoteMedia, slugify
from storyplayer.interop.html_to_markdown import html_to_markdown, markdown_to_plain
from storyplayer.interop.media import LABELS, MISSING_LABEL, MediaRef, classify, copy_beside
from storyplayer.interop.media_fetch import Fetched, FetchError, save
from storyplayer.interop.summary import MediaTally, MissingPicture

Fetcher = Callable[[str], Fetched]
NOT_DOWNLOADED = "not downloaded (import with --fetch-media to download them)"
MAX_SOURCE_TEXT = 2000


def free_name(base: str, taken: Callable[[str], bool]) -> str:
    """`base`, or `base-2`, `base-3`, ... the first that is not taken."""
    name, number = base, 2
    while taken(name):
        name = f"{base}-{number}"
        number += 1
    return name


def default_folder(
    draft: Draft, cwd: Path, taken_ids: Collection[str] = (), *, force: bool = False
) -> Path:
    """./<slug-of-title>, numbered when that folder (or story id) is taken; with `force`
    the unnumbered folder, to be replaced."""
    base = slugify(draft.title) or "imported-story"
    if force:
        return cwd / base
    return cwd / free_name(base, lambda name: name in taken_ids or (cwd / name).exists())


def credit_line(label: str, media: RemoteMedia, origin: str) -> str:
    """ "Picture: Twain caricatured by Spy — Vanity Fair — https://…" (plain text)."""
    words = [media.caption or media.alt, media.credit]
    line = " — ".join(part for part in words if part)
    line = f"{label}: {line} — {origin}" if line else f"{label}: {origin}"
    if media.link and media.link not in (origin, media.url):
        line += f" (link: {media.link})"
    return line[:MAX_SOURCE_TEXT]


def origin_of(media: RemoteMedia) -> str:
    """Where a picture came from: its page or address, as a reader can follow it."""
    ref = classify(media.url)
    if ref.local and media.link.startswith(("https://", "http://")):
        return media.link  # the page the author credits, rather than a path on a disk
    return ref.origin or media.url


class _StoryWriter:
    def __init__(
        self, draft: Draft, folder: Path, fetcher: Fetcher | None, media_base: Path | None
    ) -> None:
        self.draft, self.folder, self.fetcher = draft, folder, fetcher
        self.media_base = media_base
        self.obtained: dict[str, str | FetchError] = {}  # address/path -> media path or why not
        self.kept = 0
        self.missing: list[MissingPicture] = []
        self.links = 0

    def tally(self) -> MediaTally:
        return MediaTally(self.kept, tuple(self.missing), self.links)

    def local(self, value: str) -> str | dict[str, str]:
        """A text field: keyed by the story's language when it has one."""
        return {self.draft.language: value} if self.draft.language else value

    def obtain(self, ref: MediaRef, stem: str) -> str:
        """The media path of the picture in the new folder; FetchError when it cannot be had."""
        key = ref.local or ref.fetch_url
        if key not in self.obtained:
            try:
                if ref.local:
                    if self.media_base is None:
                        raise FetchError("there is no folder to copy it from")
                    fetched = copy_beside(ref.local, self.media_base)
                elif self.fetcher is None:
                    raise FetchError(NOT_DOWNLOADED)
                else:
                    fetched = self.fetcher(ref.fetch_url)
                self.obtained[key] = save(fetched, self.folder, stem)
            except FetchError as error:
                self.obtained[key] = error
        result = self.obtained[key]
        if isinstance(result, FetchError):
            raise result
        return result

    def picture(
        self, media: RemoteMedia, where: str, stem: str, sources: list[str]
    ) -> dict[str, Any] | None:
        """The event's `image` for `media`, or None; a credited line goes to `sources`."""
        ref = classify(media.url)
        origin = origin_of(media)
        if ref.kind in LABELS and ref.kind != "picture":
            sources.append(credit_line(LABELS[ref.kind], media, origin))
            self.links += 1
            return None
        if ref.kind == "unusable":
            self.draft.warnings.add(
                f"media '{media.url[:60]}' is neither a web address nor a file beside the "
                "imported one; left out",
                where,
            )
            return None
        try:
            src = self.obtain(ref, stem)
        except FetchError as error:
            if ref.kind == "maybe-picture":
                sources.append(credit_line(LABELS["link"], media, origin))
                self.links += 1
                return None
            sources.append(credit_line(MISSING_LABEL, media, origin))
            self.missing.append(MissingPicture(where, media.url, str(error)))
            return None
        self.kept += 1
        sources.append(credit_line(LABELS["picture"], media, origin))
        image: dict[str, Any] = {"src": src}
        for key in ("caption", "credit", "alt"):
            if getattr(media, key):
                image[key] = self.local(getattr(media, key))
        return image

    def event(self, index: int, event: DraftEvent) -> dict[str, Any]:
        text, sources, image = event.text, list(event.sources), None
        media = event.media
        if media is not None and media.url.lstrip().startswith("<"):
            # TimelineJS lets "media" be a piece of HTML (a quotation, an embed).
            quoted = html_to_markdown(media.url)
            if quoted:
                quote = "> " + quoted.replace("\n", "\n> ")
                text = f"{text}\n\n{quote}" if text else quote
            self.draft.warnings.add("media given as HTML is kept as quoted text", event.where)
            media = None
        if media is None and event.fallback_media is not None:
            media = event.fallback_media  # a background picture or a marker icon
        if media is not None:
            image = self.picture(media, event.where, f"event-{index:02d}", sources)
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
        if sources:
            out["sources"] = [self.local(line) for line in sources[:50]]
        if event.background:
            out["background"] = event.background
        return out

    def story(self, story_id: str) -> dict[str, Any]:
        d = self.draft
        title = d.title or "Imported story"
        story: dict[str, Any] = {"format": 1, "id": story_id}
        if d.language:
            story["languages"] = [d.language]
        story["title"] = self.local(title)
        # The summary is plain text: the picker shows it as it is.
        summary = markdown_to_plain(d.summary)
        if d.cover is not None:
            credits: list[str] = []
            cover = self.picture(d.cover, "the title slide", "cover", credits)
            if cover:
                # The credit goes with the cover, with where the picture came from.
                origin = origin_of(d.cover)
                web = origin if origin.startswith(("https://", "http://")) else ""
                credit = " — ".join(p for p in (d.cover.credit, web) if p)
                cover.pop("credit", None)
                if credit:
                    cover["credit"] = self.local(credit[:MAX_SOURCE_TEXT])
                story["cover"] = cover if "credit" in cover else cover["src"]
            elif credits:  # not kept: the credited reference ends the summary
                line = credits[0].replace("Picture", "Cover picture", 1)
                summary = f"{summary}\n\n{line}" if summary else line
        if summary.strip():
            story["summary"] = self.local(summary.strip()[:20000])
        if d.categories:
            story["categories"] = list(d.categories)
        if d.color:
            story["color"] = d.color
        if d.map_view:
            story["map"] = d.map_view
        if d.path:
            story["path"] = dict(d.path)
        if d.ending.strip():
            story["ending"] = self.local(d.ending.strip()[:20000])
        story["events"] = [self.event(i, e) for i, e in enumerate(d.events, start=1)]
        return story


def write_story(
    draft: Draft,
    target: Path,
    *,
    force: bool = False,
    fetcher: Fetcher | None = None,
    media_base: Path | None = None,
    story_id: str | None = None,
) -> tuple[Path, MediaTally]:
    """Writes the story folder `target`; ImportFailure when it cannot (nothing is left behind).
    Pictures named by a relative path are copied from `media_base` (the source's folder)."""
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
        writer = _StoryWriter(draft, work, fetcher, media_base)
        data = writer.story(story_id or slugify(draft.title) or "imported-story")
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
    return target, writer.tally()
