"""`export --pdf` and `--html` read story pictures through the player's image loader: an SVG
bomb as a cover or picture is left out (logged) quickly instead of drawn for minutes."""

from __future__ import annotations

import time
from pathlib import Path

import yaml

from storyplayer.export.handout import _load_image, export_handout
from storyplayer.model.loader import load_story

BOMB = (  # 10^9 rectangles from under a kilobyte
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
    'width="100" height="100"><defs><rect id="a0" width="1" height="1"/>'
    + "".join(f'<g id="a{n}">' + f'<use xlink:href="#a{n - 1}"/>' * 10 + "</g>"
              for n in range(1, 10))
    + '</defs><use xlink:href="#a9"/></svg>'
)
ENTITIES = ('<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaa">]>'
            '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text>&a;</text></svg>')


def test_an_svg_bomb_cover_is_left_out_of_the_handout(qapp, tmp_path: Path) -> None:
    folder = tmp_path / "bombs"
    folder.mkdir()
    (folder / "bomb.svg").write_text(BOMB)
    (folder / "entities.svg").write_text(ENTITIES)
    (folder / "plain.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" width="8" '
                                      'height="4"><rect width="8" height="4"/></svg>')
    data = {"format": 1, "title": "Bombs", "cover": "bomb.svg",
            "events": [{"title": "One", "date": 1900, "image": {"src": "entities.svg"}},
                       {"title": "Two", "date": 1901, "image": {"src": "plain.svg"}}]}
    (folder / "story.yaml").write_text(yaml.safe_dump(data), "utf-8")
    story = load_story(folder)
    start = time.perf_counter()
    written = export_handout(story, pdf=tmp_path / "h.pdf", html=tmp_path / "html", lang="en")
    assert time.perf_counter() - start < 20  # the bomb alone ran for over a minute
    assert (tmp_path / "h.pdf").read_bytes().startswith(b"%PDF") and len(written) == 2
    assert sorted(p.name for p in (tmp_path / "html").glob("*.png")) == ["image-2.png"]
    plain = _load_image(folder / "plain.svg", 1600)  # a plain SVG is drawn sharp, on white
    assert plain is not None and plain.width() == 1600 and plain.height() == 800
