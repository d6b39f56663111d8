"""A contact sheet of every screen: `python tools/screens.py OUTDIR` writes the whole layout
matrix (window sizes, panes, languages, text scales, themes, screens; see
tests/layout_checks.py) and the ten-story cases (three stories of different centuries side
by side) as PNGs, and one OUTDIR/index.html that shows them side by side, each with what the
layout checks found on it.

The full matrix is several hundred windows and takes minutes; `--pairwise` writes only the
all-pairs selection the tests use, and `--only TEXT` only the cases whose name holds TEXT.
The 3840x2160 pictures (device pixel ratio 2) are taken in a second process, since Qt fixes
the ratio when it starts.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests")]
MAP_WAIT_S = 30
DRAW_MS = 800  # after the page's answer: its last move drawn, its basemap regions read


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--pairwise", action="store_true", help="the all-pairs cases only")
    parser.add_argument("--only", default="", help="cases whose name contains this")
    parser.add_argument("--dpr", type=int, default=0, help=argparse.SUPPRESS)  # the child
    args = parser.parse_args(argv)
    outdir: Path = args.outdir
    outdir.mkdir(parents=True, exist_ok=True)
    if args.dpr:
        return _shoot(args, args.dpr)
    results: list[dict] = []
    for dpr in (1, 2):
        if _cases(args, dpr):
            results += _run_child(argv or sys.argv[1:], dpr, outdir)
    _write_index(outdir, results)
    bad = sum(1 for r in results if r["problems"])
    print(f"{len(results)} screens, {bad} with problems: {outdir / 'index.html'}")
    return 0


def _cases(args: argparse.Namespace, dpr: int):  # type: ignore[no-untyped-def]
    import layout_checks

    cases = layout_checks.pairwise_cases() if args.pairwise else layout_checks.all_cases()
    cases += layout_checks.centuries_cases()  # three stories of different centuries
    return [c for c in cases if c.dpr == dpr and args.only in c.name]


def _run_child(argv: list[str], dpr: int, outdir: Path) -> list[dict]:
    """Take the pictures at device pixel ratio `dpr` in a process of their own."""
    from storyplayer.app import allow_chromium_as_root

    env = dict(os.environ, QT_SCALE_FACTOR=str(dpr))
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.setdefault("STORYPLAYER_ISOLATED", "1")
    allow_chromium_as_root(env)
    subprocess.run([sys.executable, __file__, *argv, "--dpr", str(dpr)], env=env, check=True)
    return json.loads((outdir / f"results-{dpr}.json").read_text(encoding="utf-8"))


def _shoot(args: argparse.Namespace, dpr: int) -> int:
    from storyplayer.map.scheme import register_scheme

    register_scheme()
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([sys.argv[0]])
    import layout_checks

    from storyplayer.model.library import Library
    from storyplayer.resources import bundled_stories_dir

    waits = _Waits(app)
    stage = layout_checks.Stage(Library.load([bundled_stories_dir()]), waits)  # map ready
    results = []
    for case in _cases(args, dpr):
        window = stage.show(case)
        waits.map_drawn(window.playback.map_view)
        name = f"{case.name}.png"
        window.grab().save(str(args.outdir / name), "PNG")
        results.append({"case": case.__dict__, "name": case.name, "png": name,
                        "problems": layout_checks.problems(window)})
        print(f"{case.name}: {len(results[-1]['problems'])} problems", flush=True)
    stage.close()
    (args.outdir / f"results-{dpr}.json").write_text(json.dumps(results), encoding="utf-8")
    return 0


class _Waits:
    """The waits the stage needs, without pytest."""

    def __init__(self, app) -> None:  # type: ignore[no-untyped-def]
        self.app = app

    def waitExposed(self, widget) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        from PySide6.QtTest import QTest

        QTest.qWaitForWindowExposed(widget, 5000)

    def waitUntil(self, condition, timeout: int = 5000) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        self.wait_until(condition, timeout)

    def wait_until(self, condition, timeout: int, quiet: bool = False) -> None:  # type: ignore[no-untyped-def]
        from PySide6.QtTest import QTest

        end = time.monotonic() + timeout / 1000
        while not condition():
            if time.monotonic() > end:
                if quiet:
                    return
                raise TimeoutError("the screen did not settle in time")
            QTest.qWait(20)

    def pause(self, ms: int) -> None:
        from PySide6.QtTest import QTest

        QTest.qWait(ms)

    def map_drawn(self, view) -> None:  # type: ignore[no-untyped-def]
        """Until the page has handled every message sent so far (its answer to a query comes
        after them), then a little longer for Chromium to draw the frame that a picture of
        the window takes (a web view newly shown, or resized, has none yet)."""
        if not view.is_ready or not view.isVisible():
            return
        answered: dict[int, dict] = {}

        def on_state(seq: int, state: dict) -> None:
            answered[seq] = state

        def laid_out() -> bool:
            """Whether the page answered a query with the web view's own width."""
            seq = view.query_state()
            self.wait_until(lambda: seq in answered, MAP_WAIT_S * 1000, quiet=True)
            size = answered.get(seq, {}).get("size", {})
            return abs(size.get("width", 0) - view.width()) <= 1

        view.stateReceived.connect(on_state)
        self.wait_until(laid_out, MAP_WAIT_S * 1000, quiet=True)
        view.stateReceived.disconnect(on_state)
        self.pause(DRAW_MS)


def _write_index(outdir: Path, results: list[dict]) -> None:
    """One page: a row per screen, the pictures side by side, problems under each."""
    rows: dict[str, list[dict]] = {}
    for result in results:
        rows.setdefault(result["case"]["screen"], []).append(result)
    parts = ["<!doctype html><meta charset='utf-8'><title>Story Player: every screen</title>",
             "<style>body{font:14px sans-serif;margin:16px;background:#f4f2ee}"
             " .row{display:flex;gap:12px;overflow-x:auto;padding-bottom:8px}"
             " figure{margin:0;flex:none;width:360px;background:#fff;padding:6px;"
             "border:1px solid #ccc} figure.bad{border:3px solid #b00020}"
             " img{width:100%;display:block} figcaption{font-size:12px;margin-top:4px}"
             " li{color:#b00020}</style>",
             f"<h1>Every screen ({len(results)} pictures, "
             f"{sum(1 for r in results if r['problems'])} with problems)</h1>"]
    for screen, shots in rows.items():
        parts.append(f"<h2>{html.escape(screen)}</h2><div class='row'>")
        for shot in shots:
            problems = "".join(f"<li>{html.escape(p)}</li>" for p in shot["problems"])
            parts.append(
                f"<figure class='{'bad' if problems else ''}'><a href='{shot['png']}'>"
                f"<img loading='lazy' src='{shot['png']}' alt='{html.escape(shot['name'])}'>"
                f"</a><figcaption>{html.escape(shot['name'])}<ul>{problems}</ul>"
                "</figcaption></figure>")
        parts.append("</div>")
    (outdir / "index.html").write_text("\n".join(parts), encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
