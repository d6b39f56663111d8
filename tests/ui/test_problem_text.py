"""The editor says the loader's problems in the window's language: every problem a form can
lead to, made by the real loader, reads in Estonian; any other keeps the loader's words."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyplayer.model.editing.working_copy import WorkingCopy
from storyplayer.ui.editor import problem_text as said

STORY = "format: 1\nid: s\ntitle:\n  et: Lugu\n"
EVENT = "events:\n  - title:\n      et: Sündmus\n"
MARKED = "[a](b) " * 600

# A story for each problem the editor's forms can lead to (a part of the story's text,
# a part of its event's), and a word the Estonian says it with.
CASES = [
    (STORY + EVENT, "kuupäev on sisestamata"),
    (STORY + EVENT + "    date: eile\n",
     "„eile” ei ole arusaadav kuupäev; kirjuta näiteks 07.11.1917"),
    (STORY + EVENT + f"    date: '{'1' * 90}'\n", "liiga pikk"),
    (STORY + EVENT + "    date: '0'\n", "aastat 0 ei ole"),
    (STORY + EVENT + "    date: 1917-04-31\n", "kuupäeva 31. aprill ei ole olemas"),
    (STORY + EVENT + "    date: 1901-02-29\n", "1901 ei ole liigaasta"),
    (STORY + EVENT + "    date: 1900-02-29\n", "ainult vana kalendri järgi: lisa lõppu vkj"),
    (STORY + EVENT + "    date: {start: 1920, end: 1910}\n", "lõpeb (1910) enne"),
    (STORY + "events:\n  - date: 1900\n", "pealkiri puudub"),
    ("format: 1\nid: s\n" + EVENT, "pealkiri puudub"),
    (STORY + "events: []\n", "lool pole ühtegi sündmust"),
    (STORY + EVENT + "    image: {src: pilt.jpg}\n", "faili „pilt.jpg” ei ole loo kaustas"),
    (STORY + EVENT + "    image: {src: 'https://pildid.ee/a.jpg'}\n",
     "„https://pildid.ee/a.jpg” ei ole fail loo kaustas"),
    (STORY + EVENT + f"    text: {{et: '{'sõna ' * 4001}'}}\n", "on pikem kui 20000 märki"),
    (STORY + "categories: ['']\n" + EVENT, "ei tohi olla tühi"),
    (STORY + EVENT + "    seconds: -3\n", "seconds: -3 ei sobi, lubatud on 0 kuni 3600"),
    (STORY + EVENT + f"    text: {{et: '{MARKED}'}}\n", "tekstis on lubatust rohkem"),
    (STORY + f"summary: {{et: '{MARKED}'}}\n" + EVENT, "kokkuvõttes on lubatust rohkem"),
]


def _messages(tmp_path: Path, text: str) -> list[str]:
    folder = tmp_path / "s"
    folder.mkdir(exist_ok=True)
    return [p.problem.message for p in WorkingCopy(text, folder / "story.yaml").validate()]


def test_every_problem_a_form_can_lead_to_is_said_in_estonian(qapp, tmp_path, translations):
    translations.set_language("et")
    used: set[str] = set()
    for text, words in CASES:
        messages = _messages(tmp_path, text)
        shown = [said.problem_text(m) for m in messages]
        assert any(words in s for s in shown), (messages, shown)
        for message in [said._EVENT_PREFIX.sub("", m) for m in messages]:
            used.update(t for p, t in said._SAID if p.fullmatch(message))
    # Each of the editor's sayings matched a problem the real loader gave.
    assert used == {t for _, t in said._SAID}


def test_the_event_is_named_once_and_other_problems_keep_the_loaders_words(qapp, translations):
    translations.set_language("et")
    message = "event 2 \"Sündmus\": unknown key 'media' in the event (did you mean 'image'?)"
    assert said.problem_text(message) == "unknown key 'media' in the event (did you mean 'image'?)"
    translations.set_language("en")
    assert said.problem_text('event 1 "E": it has no date') == "it has no date yet"


@pytest.mark.parametrize("lang", ["et", "en"])
def test_the_editor_shows_a_bad_date_in_its_language(editor_host, qtbot, lang) -> None:
    host, translations, window = editor_host
    screen = host.new_story()
    translations.set_language(lang)
    window.set_language(lang)
    screen.events.select(0)
    with qtbot.waitSignal(screen.checked, timeout=15_000):
        qtbot.keyClicks(screen.event_form.date, "1917-04-31")
    expected = "kuupäeva 31. aprill ei ole olemas" if lang == "et" else "31 April is not a date"
    item = screen.problems.item(0).text()
    assert item.endswith(expected) and ("Sündmus 1" if lang == "et" else "Event 1") in item
    assert screen.event_form.date_reading.text() == expected  # beside the field too
    # The language changed while the problem shows: it is said again in the new one.
    other = "en" if lang == "et" else "et"
    translations.set_language(other)
    window.set_language(other)
    again = "31 April is not a date" if other == "en" else "kuupäeva 31. aprill ei ole olemas"
    qtbot.waitUntil(lambda: screen.problems.item(0).text().endswith(again))
