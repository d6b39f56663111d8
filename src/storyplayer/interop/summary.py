"""What an import tells its user at the end, as data a window can lay out and as plain
lines for the command line: pictures kept and missing (and why), media kept as links,
dates guessed from the text, and warnings about what could not be carried over.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from storyplayer.interop.draft import GuessedDate


@dataclass(frozen=True)
class MissingPicture:
    """A picture the story refers to but could not keep; it stays as a credited reference."""

    where: str  # "slide 3", "event 2", "the title slide"
    reference: str  # the address or path as the source wrote it
    reason: str  # a few words: "the server answered 404 Not Found"


@dataclass(frozen=True)
class MediaTally:
    pictures_kept: int = 0
    pictures_missing: tuple[MissingPicture, ...] = ()
    links: int = 0  # videos, sounds and pages kept as credited links in the sources


def _date_text(date: str | dict[str, str]) -> str:
    return f"{date['start']} – {date['end']}" if isinstance(date, dict) else date


def picture_lines(tally: MediaTally) -> list[str]:
    """ "12 pictures kept; 3 not available offline: 2 not downloaded (...), 1 too big"."""
    missing = tally.pictures_missing
    if not tally.pictures_kept and not missing and not tally.links:
        return []
    line = f"pictures: {tally.pictures_kept} kept"
    if missing:
        reasons = Counter(m.reason for m in missing)
        why = "; ".join(f"{count} {reason}" for reason, count in reasons.most_common())
        line += f", {len(missing)} not available offline ({why})"
    lines = [line]
    if tally.links:
        lines.append(f"videos, sounds and pages: {tally.links} kept as credited links in sources")
    return lines


def guess_lines(guesses: tuple[GuessedDate, ...]) -> list[str]:
    """One line per date read from the text, so the author can check each."""
    lines = []
    for guess in guesses:
        name = f"{guess.where} “{guess.headline}”" if guess.headline else guess.where
        lines.append(f"guessed date: {name}: {_date_text(guess.date)} (from “{guess.text}”)")
    return lines
