"""Soft hyphens at syllable and compound boundaries, so a long word that must wrap breaks
where a printed page would break it ("Iseseis-vumine"), never at an arbitrary letter.

Qt wraps at a soft hyphen (U+00AD) and shows a hyphen there; elsewhere it stays invisible.
Words are split by the Estonian and English hyphenation dictionaries of `pyphen`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

import pyphen

SOFT_HYPHEN = "\u00ad"
MIN_LETTERS = 7  # without a width to fit, shorter words move to the next line whole
_WORD = re.compile(r"[^\W\d_]{4,}")  # with one, any word of four letters may be too wide
_TEXT_NODE = re.compile(r">([^<]+)<")
_DICTIONARIES = {"et": "et_EE", "en": "en_US"}


@functools.lru_cache(maxsize=4)
def _dictionary(lang: str) -> pyphen.Pyphen:
    # At least two letters either side of a break: "Es-tonia" reads badly, "Esto-nia" fine.
    return pyphen.Pyphen(lang=_DICTIONARIES.get(lang, "en_US"), left=2, right=3)


@functools.lru_cache(maxsize=4096)
def _word(word: str, lang: str) -> str:
    return _dictionary(lang).inserted(word, hyphen=SOFT_HYPHEN)


Fits = Callable[[str], bool]


def hyphenate(text: str, lang: str, fits: Fits | None = None) -> str:
    """`text` (plain) with soft hyphens inside its long words; with `fits`, only inside the
    words that do not fit on a line of their own (the others wrap whole, at spaces)."""
    if SOFT_HYPHEN in text:
        return text  # the author placed them

    def split(match: re.Match[str]) -> str:
        word = match.group(0)
        if fits(word) if fits is not None else len(word) < MIN_LETTERS:
            return word
        return _word(word, lang)

    return _WORD.sub(split, text)


def hyphenate_html(html: str, lang: str, fits: Fits | None = None) -> str:
    """`html` (sanitised markup) with soft hyphens in the words of its text, never its tags."""
    return _TEXT_NODE.sub(lambda m: ">" + hyphenate(m.group(1), lang, fits) + "<",
                          f">{html}<")[1:-1]


def too_wide(text: str, fits: Fits) -> frozenset[str]:
    """The long words of `text` that do not fit a line: when they change, so do the breaks."""
    return frozenset(w for w in _WORD.findall(text) if not fits(w))


def plain(text: str) -> str:
    """`text` without its soft hyphens (and the zero-width spaces that let a range of years
    break after its dash): for screen readers, search and comparisons."""
    return text.replace(SOFT_HYPHEN, "").replace("\u200b", "")
