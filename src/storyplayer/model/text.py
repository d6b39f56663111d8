"""Multilingual text fields: a plain string, or one string per language code."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

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
