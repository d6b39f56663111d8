"""The loader's problems as the editor shows them: without the event's name (the list and
the field say which event), and in the window's language.

The loader words its problems in English, once, for the command line, the logs and the
tests. What a teacher can meet while filling in the editor's forms (a date it cannot read,
a missing title, a picture file that is gone, a text too long) is said here again in the
window's language; anything else keeps the loader's words."""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

from storyplayer.model.dates import month_number

_EVENT_PREFIX = re.compile(r'^event \d+(?: "[^"]*")?: ')
_FIELD = r"(?P<field>[\w.\[\]]+)"
_MARKS = r" has (?P<count>\d+) .+, more than the (?P<limit>\d+) it may have \(shorten or split it\)"

# The loader's words (a pattern for the whole message) and what the editor says instead.
_SAID: list[tuple[re.Pattern[str], str]] = [(re.compile(words), said) for words, said in [
    (r"it has no date",
     QT_TRANSLATE_NOOP("ProblemText", "it has no date yet")),
    (r"cannot read (?P<q>['\"])(?P<value>.+)(?P=q) as a date; write e\.g\. (?P<examples>.+)",
     QT_TRANSLATE_NOOP("ProblemText", "cannot read '{value}' as a date; write e.g. {examples}")),
    (r"a date of (?P<count>\d+) characters is too long to be a date; .*",
     QT_TRANSLATE_NOOP("ProblemText", "a date of {count} characters is too long to be a date")),
    (r"year 0 does not exist: 1 BC is followed by AD 1",
     QT_TRANSLATE_NOOP("ProblemText", "year 0 does not exist: 1 BC is followed by AD 1")),
    (r"(?P<day>\d+) (?P<month>[A-Z][a-z]+) is not a date",
     QT_TRANSLATE_NOOP("ProblemText", "{day} {month} is not a date")),
    (r"29 (?P<month>February) (?P<year>.+) is not a date: (?P=year) is not a leap year",
     QT_TRANSLATE_NOOP("ProblemText",
                       "29 {month} {year} is not a date: {year} is not a leap year")),
    (r"29 (?P<month>February) (?P<year>.+) is not a date in the Gregorian calendar, only in "
     r"the Julian one \(mark it O\.S\.\)",
     QT_TRANSLATE_NOOP("ProblemText",
                       "29 {month} {year} is a date only in the Julian calendar: mark it O.S.")),
    (r"the range ends \((?P<end>.+)\) before it starts \((?P<start>.+)\)",
     QT_TRANSLATE_NOOP("ProblemText", "the range ends ({end}) before it starts ({start})")),
    (r"the event needs 'title'",
     QT_TRANSLATE_NOOP("ProblemText", "the event needs a title")),
    (r"the story needs 'title'",
     QT_TRANSLATE_NOOP("ProblemText", "the story needs a title")),
    (r"the story has no events: it needs at least one",
     QT_TRANSLATE_NOOP("ProblemText", "the story has no events: it needs at least one")),
    (r"media file '(?P<name>.+)' does not exist",
     QT_TRANSLATE_NOOP("ProblemText", "the file '{name}' is not in the story folder")),
    (r"media '(?P<name>.+)' is not a file in the story folder",
     QT_TRANSLATE_NOOP("ProblemText", "'{name}' is not a file in the story folder")),
    (_FIELD + r" is longer than (?P<count>\d+) characters.*",
     QT_TRANSLATE_NOOP("ProblemText",
                       "{field} is longer than {count} characters (shorten or split it)")),
    (_FIELD + r" must not be empty",
     QT_TRANSLATE_NOOP("ProblemText", "{field} must not be empty")),
    (_FIELD + r" is (?P<value>\S+), out of range \((?P<low>\S+) to (?P<high>\S+)\)",
     QT_TRANSLATE_NOOP("ProblemText", "{field} is {value}; it may be from {low} to {high}")),
    (r"the text" + _MARKS,
     QT_TRANSLATE_NOOP("ProblemText", "the text has more Markdown marks than it may have "
                                      "({count}, at most {limit}): shorten or split it")),
    (r"the summary" + _MARKS,
     QT_TRANSLATE_NOOP("ProblemText", "the summary has more Markdown marks than it may have "
                                      "({count}, at most {limit}): shorten or split it")),
]]


def problem_text(message: str) -> str:
    """`message` (a loader problem's) as the editor shows it."""
    message = _EVENT_PREFIX.sub("", message)
    for pattern, said in _SAID:
        match = pattern.fullmatch(message)
        if match is not None:
            fields = match.groupdict()
            if "month" in fields:  # the loader names months in English
                number = month_number(fields["month"])
                if number is not None:
                    fields["month"] = QLocale().standaloneMonthName(number)
            return QCoreApplication.translate("ProblemText", said).format(**fields)
    return message
