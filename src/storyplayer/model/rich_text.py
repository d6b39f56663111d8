"""The one place where story text becomes HTML: Markdown rendered, then allow-list sanitised.

Story files are untrusted. Raw HTML in Markdown is off, and whatever HTML comes out passes
nh3 (the Ammonia sanitiser) with a short list of harmless tags. Links survive only as
http(s) or mailto addresses; the panes show them but never follow them.
"""

from __future__ import annotations

import functools
import html
import re

import nh3

ALLOWED_TAGS = {
    "p", "br", "em", "strong", "b", "i", "u", "s", "code", "blockquote",
    "ul", "ol", "li", "a", "h3", "h4", "sup", "sub",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
LINK_SCHEMES = {"http", "https", "mailto"}


@functools.cache
def _markdown():  # type: ignore[no-untyped-def]
    from markdown_it import MarkdownIt

    # "commonmark" with raw HTML disabled: a story's <script> stays visible text.
    return MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": True})


def sanitize_html(markup: str) -> str:
    """`markup` with everything but the allowed tags and link addresses removed."""
    return nh3.clean(
        markup,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=LINK_SCHEMES,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )


# "24. veebruaril" opens many an Estonian paragraph: an ordinal date, not a numbered list.
_ORDINAL_DATE = re.compile(r"^(\s{0,3})(\d{1,4})\.(?= +[a-zõäöüšž])", re.M)


def markdown_to_html(text: str) -> str:
    """Event text (Markdown) as safe HTML for a rich-text label.

    A line starting with a number, a full stop and a lower-case word is an ordinal date
    ("1. juulil"), not a list item; numbered lists use capitals or "1)".
    """
    rendered = _markdown().render(_ORDINAL_DATE.sub(r"\1\2\\.", text))
    # Headings inside an event are at most a small sub-heading.
    for level in ("1", "2"):
        rendered = rendered.replace(f"<h{level}>", "<h3>").replace(f"</h{level}>", "</h3>")
    return sanitize_html(rendered)


# What keeps one step within its time budget whatever a valid story holds: Markdown's link
# and emphasis rules cost far more than their length when brackets or marks pile up (10,000
# "![" took a third of a second), so each event text is capped per kind of markup.
# Real event texts stay far below these: a few links, a few dozen marks, a few paragraphs.
MARKUP_LIMITS = (
    ("lines", ("\n",), 300),
    ("opening brackets", ("[",), 100),  # each may scan the rest of the text for its end
    ("emphasis marks", ("*", "_"), 400),
    ("character references", ("&",), 300),
    ("backticks", ("`",), 300),
)
MAX_MARKUP = 800  # all of them together


_MARKS = re.compile(r"[\n\[*_&`]")
_SMALLEST_LIMIT = min(limit for _, _, limit in MARKUP_LIMITS)


def markdown_cost_problem(text: str) -> str | None:
    """Why `text` would cost too much to show as Markdown, in one sentence; else None."""
    if len(text) <= _SMALLEST_LIMIT or len(_MARKS.findall(text)) <= _SMALLEST_LIMIT:
        return None  # the common case, in one scan: no count can be over its limit
    for name, marks, limit in MARKUP_LIMITS:
        count = sum(text.count(mark) for mark in marks)
        if count > limit:
            return f"has {count} {name}, more than the {limit} it may have (shorten or split it)"
    total = sum(text.count(mark) for _, marks, _ in MARKUP_LIMITS for mark in marks)
    if total > MAX_MARKUP:
        return (f"has {total} Markdown marks (lines, brackets, * _ & `), more than the "
                f"{MAX_MARKUP} it may have (shorten or split it)")
    return None


def plain(text: str) -> str:
    """Plain text escaped for use inside HTML built by the app."""
    return html.escape(text, quote=True)


def verbatim_html(text: str) -> str:
    """`text` as HTML that shows exactly those characters, line breaks kept.

    For places where Qt guesses between plain and rich text (tooltips): story text that
    looks like markup is then shown as written, never interpreted.
    """
    return "<p style='white-space:pre-wrap'>" + html.escape(text, quote=False) + "</p>"
