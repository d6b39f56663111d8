"""Story text becomes HTML in one place: Markdown rendered, then sanitised to an allow-list."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from storyplayer.model.rich_text import (
    ALLOWED_TAGS,
    markdown_to_html,
    sanitize_html,
    verbatim_html,
)


@pytest.mark.parametrize(
    "hostile",
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "[click](javascript:alert(1))",
        "[data](data:text/html;base64,PHNjcmlwdD4=)",
        "![remote](http://127.0.0.1:9/x.png)",
        '<svg onload="alert(1)"><script>x</script></svg>',
        '<p style="background:url(http://127.0.0.1/x)">styled</p>',
        "<iframe src='http://127.0.0.1/'></iframe>",
    ],
)
def test_hostile_markup_is_inert(hostile: str) -> None:
    """Whatever comes out has only allowed tags, no event handlers, styles or sources,
    and links only to web or mail addresses; the rest is visible text."""
    parser = _Elements()
    parser.feed(markdown_to_html(hostile))
    assert {tag for tag, _ in parser.found} <= ALLOWED_TAGS
    for _, attrs in parser.found:
        for name, value in attrs:
            assert name in ("href", "title", "rel")
            if name == "href":
                assert (value or "").startswith(("http://", "https://", "mailto:"))


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, attrs))


def test_markdown_keeps_emphasis_links_and_lists() -> None:
    html = markdown_to_html(
        "Some *text* and **bold**, [a link](https://example.org).\n\n- one\n- two"
    )
    assert "<em>text</em>" in html and "<strong>bold</strong>" in html
    assert 'href="https://example.org"' in html
    assert "<ul>" in html and "<li>one</li>" in html


def test_estonian_ordinal_dates_are_not_lists() -> None:
    assert markdown_to_html("24. veebruaril kuulutati").startswith("<p>24. veebruaril")
    assert "<ol>" in markdown_to_html("1. First\n2. Second")


def test_big_headings_become_small() -> None:
    assert markdown_to_html("# Title") == "<h3>Title</h3>\n"


def test_sanitize_keeps_allowed_tags_only() -> None:
    assert sanitize_html('<b onclick="x">bold</b><div>block</div>') == "<b>bold</b>block"


def test_verbatim_html_shows_markup_as_written() -> None:
    assert verbatim_html("<img src=x>\nline") == (
        "<p style='white-space:pre-wrap'>&lt;img src=x&gt;\nline</p>"
    )
