"""Where a new story or an editable copy goes: a fresh id and folder in the user library,
the YAML of a story made from nothing, and the copy of a bundled story."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from storyplayer.model.editing.atomic import write_atomic
from storyplayer.model.editing.document import StoryDocument
from storyplayer.model.loader import STORY_FILE

_SLUG = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
    """An id made of `text`: lower-case letters, digits and single dashes."""
    import unicodedata

    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _SLUG.sub("-", plain.lower()).strip("-")[:60].strip("-") or "story"


def free_id(library_dir: Path, wanted: str, taken: frozenset[str] | set[str] = frozenset()) -> str:
    """`wanted`, or `wanted-2`, `wanted-3`, ...: an id no story folder or library story has."""
    base = slug(wanted)
    candidate, number = base, 1
    while candidate in taken or (library_dir / candidate).exists():
        number += 1
        candidate = f"{base}-{number}"
    return candidate


def id_for_title(library_dir: Path, title: str, current: str,
                 taken: frozenset[str] | set[str] = frozenset()) -> str:
    """The id a story about to be saved for the first time takes from its `title`: its
    `current` id when that is already the title's (`story`, `story-2`), else a free one."""
    base = slug(title)
    if current == base or re.fullmatch(re.escape(base) + r"-\d+", current):
        return current
    return free_id(library_dir, base, set(taken) - {current})


def new_story_text(story_id: str, title: str, lang: str) -> str:
    """A story made from nothing: a title and one event to start from."""
    return (
        "format: 1\n"
        f"id: {story_id}\n"
        "title:\n"
        f"  {lang}: {_quoted(title)}\n"
        "categories: []\n"
        "events:\n"
        "  - title:\n"
        f"      {lang}: {_quoted(first_event_title(lang))}\n"
    )


def first_event_title(lang: str) -> str:
    return "Esimene sündmus" if lang == "et" else "First event"


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def copy_story(source: Path, library_dir: Path, new_id: str) -> Path:
    """Copies the story folder `source` into `library_dir` as `new_id`; its file's id (if it
    has one) is changed to the new id, everything else stays as the author wrote it.
    Returns the new folder."""
    target = library_dir / new_id
    library_dir.mkdir(parents=True, exist_ok=True)
    # Links are left behind: a copy holds only the story's own files.
    shutil.copytree(source, target, ignore=lambda folder, names: [
        n for n in names if (Path(folder) / n).is_symlink()])
    set_story_id(target, new_id)
    return target


def set_story_id(folder: Path, new_id: str) -> None:
    """The story in `folder` takes `new_id`: its file's id is changed if it names one (a file
    without one takes the folder's name); everything else stays as the author wrote it."""
    file = folder / STORY_FILE
    doc = StoryDocument(file.read_text("utf-8"))
    if "id" in doc.data:
        doc.set(("id",), new_id)
        write_atomic(file, doc.text())
