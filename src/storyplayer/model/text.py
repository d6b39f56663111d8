"""Multilingual text fields: a plain string, or one string per language code."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import chain
from typing import Any

# A plain string in a story file belongs to no language in particular.
ANY_LANGUAGE = "*"


@dataclass(frozen=True, slots=True)
class LocalText:
    """A piece of story text in one or more languages, in the order the author wrote them."""

    versions: tuple[tuple[str, str], ...]

    @classmethod
    def from_value(cls, value: str | Mapping[str, str]) -> LocalText:
        if isinstance(value, str):
            return cls(((ANY_LANGUAGE, value),))
        # The schema has already checked that codes and texts are strings.
        return cls(tuple(value.items()))

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(lang for lang, _ in self.versions if lang != ANY_LANGUAGE)

    def get(self, lang: str, fallback: str | None = None) -> str:
        """The text in `lang`, else in `fallback`, else in the first language written."""
        table = dict(self.versions)
        for wanted in (lang, fallback, ANY_LANGUAGE):
            if wanted is not None and table.get(wanted):
                return table[wanted]
        return next((text for _, text in self.versions if text), "")

    def all_text(self) -> str:
        """Every version joined, for searching in any language."""
        return "\n".join(text for _, text in self.versions)

    def __bool__(self) -> bool:
        return any(text for _, text in self.versions)


def story_languages(data: Mapping[str, Any], events: Iterable[Any] = ()) -> tuple[str, ...]:
    """A story's languages (from its file's data): its `languages`, else those of the first
    of its texts written per language (its title, its summary, then its events' titles and
    texts), else English. A plain title belongs to any language, so a story titled that way
    is still in the language its other texts are written in."""
    listed = data.get("languages")
    if isinstance(listed, list) and listed:
        return tuple(str(lang) for lang in listed)
    texts = chain((data.get("title"), data.get("summary")),
                  (event.get(key) for event in events if isinstance(event, Mapping)
                   for key in ("title", "text")))
    for text in texts:
        if isinstance(text, Mapping):
            languages = tuple(str(lang) for lang in text if lang != ANY_LANGUAGE)
            if languages:
                return languages
    return ("en",)
