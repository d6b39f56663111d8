"""The command line: parses arguments and runs the player or a sub-command.

Commands that need no window (--version, --list, validate) never import Qt, so they
start in a fraction of a second.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from storyplayer import __version__

MAX_PANES = 3


class UsageError(Exception):
    """The command line itself is wrong (exit 2)."""


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage mistake in one line, without the usage dump."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(message)


def _positive(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number") from None
    if not value > 0 or value != value or value == float("inf"):
        raise argparse.ArgumentTypeError(f"'{text}' must be a number above 0")
    return value


def _seconds(text: str) -> float:
    value = _positive(text) if text.strip() not in ("0", "0.0") else 0.0
    return value


def _ids(text: str) -> list[str]:
    ids = [part.strip() for part in text.split(",") if part.strip()]
    if not ids:
        raise argparse.ArgumentTypeError("give one to three story ids, separated by commas")
    if len(ids) > MAX_PANES:
        raise argparse.ArgumentTypeError(f"at most {MAX_PANES} stories play at once")
    if len(set(ids)) != len(ids):
        raise argparse.ArgumentTypeError("each story may play only once")
    return ids


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="storyplayer",
        description="Play map-based history stories, up to three side by side on one map.",
    )
    parser.add_argument("--version", action="version", version=f"storyplayer {__version__}")
    parser.add_argument(
        "--stories", metavar="DIR", type=Path, action="append", default=[],
        help="add a library folder (repeatable)",
    )
    parser.add_argument("--list", action="store_true", help="print the library, one story a line")
    parser.add_argument("--play", metavar="ID[,ID[,ID]]", type=_ids, help="start playing these")
    parser.add_argument("--speed", metavar="X", type=_positive, default=1.0, help="playback speed")
    parser.add_argument("--lang", choices=("en", "et"), help="interface language")
    parser.add_argument("--fullscreen", action="store_true", help="start full screen")
    parser.add_argument("--kiosk", action="store_true", help="museum kiosk mode")
    parser.add_argument("--screenshot", metavar="PNG", type=Path, help="save a picture and exit")
    parser.add_argument(
        "--at", metavar="SECONDS", type=_seconds, default=0.0,
        help="with --screenshot: seconds of playback before the picture",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    validate = commands.add_parser(
        "validate", help="check story folders or files", description="Check stories."
    )
    validate.add_argument("paths", metavar="PATH", type=Path, nargs="+")
    validate.add_argument("--json", action="store_true", help="machine-readable output")
    return parser


def default_language() -> str:
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable, "")
        if value:
            return "et" if value.lower().startswith("et") else "en"
    return "en"


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        if args.screenshot is None and args.at:
            raise UsageError("--at goes with --screenshot")
        if args.command == "validate":
            return _validate(args)
        args.lang = args.lang or default_language()
        if args.list:
            return _list(args)
        from storyplayer.app import run

        return run(args)
    except UsageError as error:
        print(f"storyplayer: {error} (see storyplayer --help)", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


def _load_library(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from storyplayer.model.library import Library, default_folders, user_library_dir

    return Library.load(default_folders(args.stories), optional=[user_library_dir()])


def _list(args: argparse.Namespace) -> int:
    library = _load_library(args)
    for problem in library.problems:
        print(f"storyplayer: {problem}", file=sys.stderr)
    for story in library.stories:
        title = story.text(story.title, args.lang)
        events = f"{len(story.events)} events"
        print("\t".join((story.id, title, events, ", ".join(story.categories))))
    for entry in library.invalid:
        print(f"storyplayer: {entry.path}: invalid: {entry.reason}", file=sys.stderr)
    return 0


def _validate(args: argparse.Namespace) -> int:
    from storyplayer.model.library import Library
    from storyplayer.model.loader import STORY_FILE, check_story
    from storyplayer.model.problems import Problem

    results: list[tuple[Path, str | None, list[Problem]]] = []
    for path in args.paths:
        if not path.exists():
            results.append((path, None, [Problem(path, 0, 0, "no such file or folder")]))
        elif path.is_dir() and not (path / STORY_FILE).exists():
            library = Library.load([path])
            results += [(path, None, [p]) for p in library.problems]
            results += [(e.path, e.story and e.story.id, e.problems) for e in library.entries]
            if not library.entries and not library.problems:
                results.append((path, None, [Problem(path, 0, 0, "holds no stories")]))
        else:
            story, problems = check_story(path)
            results.append((path, story and story.id, problems))
    invalid = sum(1 for _, _, problems in results if any(p.is_error for p in problems))
    if args.json:
        report = {
            "valid": invalid == 0,
            "stories": [
                {
                    "path": str(path),
                    "id": story_id,
                    "valid": not any(p.is_error for p in problems),
                    "problems": [p.to_json() for p in problems],
                }
                for path, story_id, problems in results
            ],
        }
        print(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        for _, _, problems in results:
            for problem in problems:
                print(problem)
        total = len(results)
        print(f"{total - invalid} of {total} valid", file=sys.stderr)
    return 1 if invalid else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
