"""Soft hyphens at syllables: only inside words too wide for a line, never in markup."""

from __future__ import annotations

from storyplayer.ui.shared.hyphenation import SOFT_HYPHEN, hyphenate, hyphenate_html, plain


def test_long_words_get_soft_hyphens_at_syllables() -> None:
    shown = hyphenate("autonoomiameeleavaldus", "et")
    assert plain(shown) == "autonoomiameeleavaldus"
    assert shown.count(SOFT_HYPHEN) >= 4
    assert shown.split(SOFT_HYPHEN)[0] == "au"
    assert plain(hyphenate("Independence", "en")) == "Independence"
    assert hyphenate("Independence", "en").startswith("In" + SOFT_HYPHEN)


def test_words_that_fit_wrap_whole_and_markup_is_left_alone() -> None:
    fits = lambda word: len(word) <= 10  # noqa: E731
    assert hyphenate("Lugu on lõppenud", "et", fits) == "Lugu on lõppenud"
    assert SOFT_HYPHEN in hyphenate("Iseseisvumine", "et", fits)
    html = "<p class='lead'>Konstantin <b>Iseseisvumine</b> &amp; more</p>"
    shown = hyphenate_html(html, "et")
    assert shown.startswith("<p class='lead'>") and "&amp;" in shown
    assert plain(shown).replace("", "") == html.replace("Konstantin", "Konstantin")
    assert SOFT_HYPHEN in shown.split("<b>")[1]
