"""The command line: parses arguments and runs the player or a sub-command.

Commands that need no window (--version, --list, validate) never import Qt, so they
start in a fraction of a second.
"""

from __future__ import annotations

import argparse
import json
import os
import re
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
        raise UsageError(_file_hint(message) or message)


def _file_hint(message: str) -> str | None:
    """For a file or folder given where a command belongs, what to type instead."""
    found = re.match(r"argument COMMAND: invalid choice: '(.*)' \(choose from", message)
    if found is None:
        return None
    token = found.group(1)
    path = Path(token)
    suffix = path.suffix.lower()
    if suffix in (".json", ".csv"):
        return f"'{token}' is not a command; to import it: storyplayer import {token}"
    if suffix in (".yaml", ".yml") or path.is_dir() or "/" in token or os.sep in token:
        return (f"'{token}' is not a command; to play the stories of a folder: "
                "storyplayer --stories FOLDER; to check a story file: "
                f"storyplayer validate {token}")
    return None


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
    parser.add_argument(
        "--sync", action="store_true",
        help="play the stories together in date order (one shared playhead)",
    )
    parser.add_argument(
        "--manual", action="store_true",
        help="classroom mode: events wait for the presenter to step",
    )
    parser.add_argument(
        "--config", metavar="FILE", type=Path,
        help="settings file (default: config.toml in the user's config folder)",
    )
    parser.add_argument(
        "--check-config", action="store_true", help="check the settings file and exit",
    )
    parser.add_argument("--screenshot", metavar="PNG", type=Path, help="save a picture and exit")
    parser.add_argument(
        "--at", metavar="SECONDS", type=_seconds, default=0.0,
        help="with --screenshot: seconds of playback before the picture",
    )
    parser.add_argument(
        "--install-desktop", action="store_true",
        help="add Story Player and the .storyplayer file type to this user's desktop (Linux)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    validate = commands.add_parser(
        "validate", help="check story folders or files", description="Check stories."
    )
    validate.add_argument("paths", metavar="PATH", type=Path, nargs="+")
    validate.add_argument("--json", action="store_true", help="machine-readable output")
    importer = commands.add_parser(
        "import", help="turn a StoryMapJS or TimelineJS file into a story folder",
        description="Import a StoryMapJS JSON, TimelineJS JSON or TimelineJS CSV file.",
    )
    importer.add_argument("file", metavar="FILE", type=Path)
    importer.add_argument("-o", "--output", metavar="DIR", type=Path,
                          help="story folder to write (default ./<slug-of-title>)")
    importer.add_argument("--force", action="store_true", help="replace a non-empty folder")
    importer.add_argument("--fetch-media", action="store_true",
                          help="download the pictures into media/ (the only network use)")
    importer.add_argument("--no-guess-dates", action="store_true",
                          help="do not read dates from headlines and text")
    export = commands.add_parser(
        "export", help="write a printable handout of a story",
        description="Write an A4 handout of a story as PDF and/or HTML.",
    )
    export.add_argument("story_id", metavar="ID")
    export.add_argument("--pdf", metavar="FILE", type=Path, help="write a PDF handout")
    export.add_argument("--html", metavar="DIR", type=Path, help="write an HTML handout folder")
    export.add_argument("--lang", choices=("en", "et"), default=argparse.SUPPRESS,
                        help="language of the handout")
    places = commands.add_parser(
        "places", help="what a place was called at a date (the historical gazetteer)",
        description="Print the names a place had, or the one in use at --date.",
    )
    places.add_argument("name", metavar="NAME", help="a place's name in any period or language")
    places.add_argument("--date", metavar="YYYY-MM-DD",
                        help="the date to look up (a Julian date may end in O.S.)")
    places.add_argument("--lang", choices=("en", "et"), default=argparse.SUPPRESS,
                        help="language of the names")
    pack = commands.add_parser(
        "pack", help="write a story into one file to share (.storyplayer)",
        description="Write a story of the library into one story package file.",
    )
    pack.add_argument("story_id", metavar="ID")
    pack.add_argument("-o", "--output", metavar="FILE", type=Path,
                      help="package to write (default ./ID.storyplayer)")
    install = commands.add_parser(
        "install", help="check a story package and install it, without a window",
        description="Check a .storyplayer package and install its story into the user library.",
    )
    install.add_argument("package_file", metavar="FILE", type=Path)
    kept = install.add_mutually_exclusive_group()
    kept.add_argument("--replace", action="store_true",
                      help="replace an installed story with the same id")
    kept.add_argument("--copy", action="store_true",
                      help="keep both: install it under a new id when its id is taken")
    install.add_argument("--library", metavar="DIR", type=Path,
                         help="install into this library folder instead of the user library")
    parser.epilog = ("storyplayer FILE.storyplayer opens the player, checks that story package "
                     "and installs it into the user library.")
    _add_stats_command(commands)
    return parser


def _add_stats_command(commands) -> None:  # type: ignore[no-untyped-def]
    stats = commands.add_parser(
        "stats", help="report the kiosk's anonymous visitor statistics",
        description="Per story: times chosen, completion rate, median time watched, where "
                    "visitors leave; languages; busiest hours.",
    )
    stats.add_argument("--since", metavar="DATE", help="from this day on (2026-05-01)")
    stats.add_argument("--until", metavar="DATE", help="up to and including this day")
    output = stats.add_mutually_exclusive_group()
    output.add_argument("--csv", metavar="FILE", type=Path, help="write the per-story table")
    output.add_argument("--json", action="store_true", help="machine-readable output")
    stats.add_argument("--merge", metavar="DB", type=Path, nargs="+",
                       help="combine these kiosks' statistics files into one report")


def default_language() -> str:
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable, "")
        if value:
            return "et" if value.lower().startswith("et") else "en"
    return "en"


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        package, argv = _package_argument(
            parser, list(sys.argv[1:] if argv is None else argv))
        args = parser.parse_args(argv)
        args.package = package
        if args.screenshot is None and args.at:
            raise UsageError("--at goes with --screenshot")
        for output in _outputs(args):
            problem = output_problem(output)
            if problem:
                print(f"storyplayer: {output}: {problem}", file=sys.stderr)
                return 1
        html = getattr(args, "html", None)
        if args.command == "export" and html is not None and not html.parent.is_dir():
            # the HTML handout's folder itself may be new, but not the folders above it
            print(f"storyplayer: {html}: no such folder {html.parent}", file=sys.stderr)
            return 1
        if args.command == "validate":
            return _validate(args)
        if args.command == "import":
            return _import(args)
        if args.command == "pack":
            return _pack(args)
        if args.command == "install":
            return _install(args)
        if args.command == "export":
            if args.pdf is None and args.html is None:
                raise UsageError("export needs --pdf FILE or --html DIR")
            args.lang = args.lang or default_language()
            return _export(args)
        if args.command == "places":
            args.lang = args.lang or default_language()
            return _places(args)
        if args.command == "stats":
            return _stats(args)
        if args.check_config:
            return _check_config(args)
        if args.install_desktop:
            return _install_desktop()
        if args.package is not None and not args.package.is_file():
            print(f"storyplayer: {args.package}: no such file", file=sys.stderr)
            return 1
        args.lang_given = args.lang  # a --lang beats the config file; the system's does not
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
    except BrokenPipeError:
        # the reader went away (`storyplayer --list | head -1`): stop quietly, as Unix tools
        # do, and keep Python's flush at exit from printing a traceback
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141


def _outputs(args: argparse.Namespace) -> list[Path]:
    """The files the command will write, checked before any work starts."""
    outputs = [args.screenshot] if args.screenshot is not None else []
    if args.command == "export" and args.pdf is not None:
        outputs.append(args.pdf)
    return outputs


def output_problem(path: Path) -> str | None:
    """Why a file cannot be written at path, or None; a missing folder is never created."""
    if path.is_dir():
        return "is a folder; give a file name"
    if not path.parent.is_dir():
        missing = "no such folder" if not path.parent.exists() else "not a folder:"
        return f"{missing} {path.parent}"
    return None


def _check_config(args: argparse.Namespace) -> int:
    from storyplayer.model.config import load_config, missing_folders

    loaded = load_config(args.config)
    if args.config is not None and not loaded.exists:
        print(f"storyplayer: {loaded.path}: no such file", file=sys.stderr)
        return 1
    # in the file's line order; problems without a line (0) come last
    problems = sorted(loaded.problems + missing_folders(loaded),
                      key=lambda problem: problem.line or float("inf"))
    for problem in problems:
        print(problem)
    if problems:
        print(f"{loaded.path}: {len(problems)} problem(s); the app still starts, with "
              "defaults for wrong settings", file=sys.stderr)
        return 1
    state = "ok" if loaded.exists else "not there; every setting has its default"
    print(f"{loaded.path}: {state}", file=sys.stderr)
    return 0


def _load_library(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from storyplayer.model.library import load_default

    return load_default(args.stories)


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
    from storyplayer.model.safe_files import name_problem, safe_exists, safe_is_dir

    results: list[tuple[Path, str | None, list[Problem]]] = []
    for path in args.paths:
        refused = name_problem(str(path))  # a name too long or with a NUL: said, not raised
        if refused or not (safe_exists(path) or path.is_symlink()):
            message = refused or "no such file or folder"
            results.append((path, None, [Problem(path, 0, 0, message)]))
        elif safe_is_dir(path) and not safe_exists(path / STORY_FILE):
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


def _import(args: argparse.Namespace) -> int:
    from storyplayer.interop import ImportFailure, import_file

    try:
        report = import_file(
            args.file, args.output, force=args.force, fetch_media=args.fetch_media,
            guess_dates=not args.no_guess_dates, taken_ids=_taken_ids(args.output),
        )
    except ImportFailure as error:
        print(f"storyplayer: {args.file}: {error}", file=sys.stderr)
        return 1
    print(f"Imported {report.source_format}: {report.title}")
    print(f"{report.events} events, written to {report.folder}")
    for line in report.summary_lines():
        print(line)
    return 0


def _taken_ids(output: Path | None) -> set[str]:
    """Story ids the imported story must not take: the bundled stories' and those of the
    library the new folder joins (its future siblings), so that no two stories of one
    library share an id (the second would be hidden as a duplicate)."""
    from storyplayer.model.library import Library, user_library_dir

    library_dir = output.absolute().parent if output is not None else Path.cwd()
    taken = bundled_ids()
    # the user library plays beside every other folder, so its ids are taken everywhere
    folders = [user_library_dir()] + ([library_dir] if library_dir.is_dir() else [])
    for folder in folders:
        for entry in Library.load([folder], optional=[folder]).entries:
            replaced = output is not None and entry.path.absolute() == output.absolute()
            if entry.story is not None and not replaced:
                taken.add(entry.story.id)
    return taken


def _export(args: argparse.Namespace) -> int:
    from storyplayer.export.handout import ExportFailure, export_handout

    library = _load_library(args)
    story = next((s for s in library.stories if s.id == args.story_id), None)
    if story is None:
        known = ", ".join(sorted(s.id for s in library.stories)) or "none"
        print(f"storyplayer: no story with id '{args.story_id}' (known: {known})", file=sys.stderr)
        return 1
    try:
        written = export_handout(story, pdf=args.pdf, html=args.html, lang=args.lang)
    except ExportFailure as error:
        print(f"storyplayer: {error}", file=sys.stderr)
        return 1
    for path in written:
        print(f"wrote {path}")
    return 0


def _places(args: argparse.Namespace) -> int:
    from storyplayer.model.dates import DateError
    from storyplayer.model.gazetteer import GazetteerError, bundled_gazetteer, day_key

    try:
        day = day_key(args.date) if args.date is not None else None
    except DateError as error:
        raise UsageError(f"--date: {error}") from None
    try:
        found = bundled_gazetteer().find(args.name)
    except GazetteerError as error:
        print(f"storyplayer: {error}", file=sys.stderr)
        return 1
    if not found:
        print(f"storyplayer: no place called '{args.name}' in the gazetteer", file=sys.stderr)
        return 1
    for entry in found:
        today = entry.today(args.lang)
        if day is not None:
            name = entry.name_at(day, args.lang)
            print(f"{entry.id}: {name}" + (f" (today {today})" if name != today else ""))
            continue
        periods = []
        for period in entry.periods(args.lang):
            span = [f"from {_iso(period.start)}" if period.start is not None else "",
                    f"until {_iso(period.end)}" if period.end is not None else ""]
            periods.append(" ".join([period.name, *filter(None, span)]))
        print(f"{entry.id}: " + "; ".join(periods))
    return 0


def _iso(day: int) -> str:
    from storyplayer.model.gazetteer import iso_day

    return iso_day(day)


def _package_argument(parser: argparse.ArgumentParser,
                      argv: list[str]) -> tuple[Path | None, list[str]]:
    """`storyplayer FILE.storyplayer`: the package file, taken out of `argv` before argparse
    (which would take it for a command name), and the arguments left."""
    commands: set[str] = set()
    takes_value: set[str] = set()
    for action in parser._actions:  # argparse has no public way to list them
        if isinstance(action, argparse._SubParsersAction):
            commands.update(action.choices)
        elif action.nargs != 0:
            takes_value.update(action.option_strings)
    for at, token in enumerate(argv):
        if token in commands or token == "--":
            break  # a command's arguments are its own
        after_option = at > 0 and argv[at - 1] in takes_value
        if token.lower().endswith(".storyplayer") and not token.startswith("-") \
                and not after_option:
            return Path(token), argv[:at] + argv[at + 1:]
    return None, argv


def _pack(args: argparse.Namespace) -> int:
    from storyplayer.sharing import PackageError, pack_story

    library = _load_library(args)
    if args.story_id not in library:
        broken = [e for e in library.invalid if e.name == args.story_id]
        if broken:
            print(f"storyplayer: story '{args.story_id}' cannot be shared: {broken[0].reason}",
                  file=sys.stderr)
            return 1
        known = ", ".join(sorted(s.id for s in library.stories)) or "none"
        print(f"storyplayer: no story with id '{args.story_id}' (known: {known})", file=sys.stderr)
        return 1
    story = library.get(args.story_id)
    output = args.output or Path(f"{story.id}.storyplayer")
    try:
        pack_story(story.folder, output)
    except PackageError as error:
        print(f"storyplayer: {error}", file=sys.stderr)
        return 1
    print(f"wrote {output}")
    return 0


def _install(args: argparse.Namespace) -> int:
    from storyplayer.model.library import user_library_dir
    from storyplayer.sharing import PackageError, PackageExists, install_package

    library_dir = args.library or user_library_dir()
    try:
        installed = install_package(args.package_file, library_dir, replace=args.replace,
                                    reserved=bundled_ids(), as_copy=args.copy)
    except PackageExists as error:
        print(f"storyplayer: {error}; add --replace to replace it, or --copy to keep both",
              file=sys.stderr)
        return 1
    except PackageError as error:
        print(f"storyplayer: {error}", file=sys.stderr)
        return 1
    lang = getattr(args, "lang", None) or default_language()
    verb = "Replaced" if installed.replaced else "Installed"
    print(f"{verb} '{installed.title.get(lang)}' ({installed.story_id}) in {installed.path}")
    return 0


def _install_desktop() -> int:
    from storyplayer.sharing.desktop import DesktopError, install_desktop

    try:
        for line in install_desktop():
            print(line)
    except DesktopError as error:
        print(f"storyplayer: {error}", file=sys.stderr)
        return 1
    return 0


def bundled_ids() -> set[str]:
    """Ids of the stories that come with the app, which a package may not take."""
    from storyplayer.model.library import Library
    from storyplayer.resources import bundled_stories_dir

    return {story.id for story in Library.load([bundled_stories_dir()]).stories}


def _stats(args: argparse.Namespace) -> int:
    from storyplayer.model.stats_report import StatsError, parse_day, report
    from storyplayer.model.visit_stats import default_stats_path

    try:
        since = parse_day(args.since) if args.since else None
        until = parse_day(args.until) if args.until else None
    except ValueError as error:
        raise UsageError(str(error)) from None
    paths = args.merge or [default_stats_path()]
    try:
        summary = report(paths, since, until)
    except StatsError as error:
        print(f"storyplayer: {error}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(summary.to_json(), indent=2, ensure_ascii=False))
    elif args.csv is not None:
        try:
            args.csv.write_text(summary.to_csv(), encoding="utf-8")
        except OSError as error:
            print(f"storyplayer: {args.csv}: cannot write: {error.strerror or error}",
                  file=sys.stderr)
            return 1
        print(f"wrote {args.csv}")
    else:
        print(summary.to_text())
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
