"""The user's settings: one documented TOML file, read leniently and written back atomically.

Every problem becomes a :class:`ConfigProblem` (file, line, message); the setting it concerns
keeps its default, so a broken file never stops the app. No Qt here.
"""

from __future__ import annotations

import difflib
import os
import re
import tempfile
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from storyplayer.model.problems import one_line
from storyplayer.model.safe_files import (
    FileRefused,
    name_problem,
    read_bytes,
    regular_stat,
    safe_exists,
    safe_is_dir,
)
from storyplayer.model.schedule import Schedule, parse_schedule

CONFIG_NAME = "config.toml"
LANGUAGES = ("en", "et")
THEMES = ("light", "high-contrast")
MIN_TEXT_SCALE, MAX_TEXT_SCALE = 0.8, 2.5
MIN_IDLE_SECONDS = 10
MAX_IDLE_SECONDS = 24 * 60 * 60  # a day; the kiosk's timer counts milliseconds in 32 bits
MAX_CONFIG_BYTES = 256 * 1024  # a commented config is a few KiB


def default_config_path() -> Path:
    """`config.toml` in the platform's config folder for storyplayer. An isolated run (tests,
    benchmarks, screenshots) has none: its settings are the defaults, and a text size or
    theme it saves goes into its own temporary folder, never into the user's settings."""
    from storyplayer.model.library import isolated, isolated_dir

    if isolated():
        return isolated_dir() / CONFIG_NAME
    from platformdirs import user_config_dir

    return Path(user_config_dir("storyplayer")) / CONFIG_NAME


@dataclass(frozen=True)
class KioskSettings:
    enabled: bool = False
    idle_seconds: float = 90.0
    exit_chord: str = "Ctrl+Alt+Shift+Q"
    pin: str = ""
    # Running many kiosks (docs/kiosk.md): the question before the reset, statistics, health.
    countdown_seconds: float = 10.0  # "Are you still there?"; 0: reset without asking
    statistics: bool = True  # anonymous visitor statistics in the data folder
    name: str = ""  # this kiosk's name in heartbeat files; "": the computer's name
    heartbeat_folder: Path | None = None  # also write <name>.json here (a shared folder)
    watch_seconds: float = 30.0  # how often the library and config are looked at; 0: never


@dataclass(frozen=True)
class TileSettings:
    mbtiles: Path | None = None  # a local MBTiles file; wins over `url`
    url: str = ""  # an online https XYZ template, {z}/{x}/{y}
    attribution: str = ""


@dataclass(frozen=True)
class Config:
    library: tuple[Path, ...] = ()
    featured: tuple[str, ...] = ()
    language: str | None = None  # None: the system's
    theme: str = "light"
    text_scale: float = 1.0
    reduced_motion: bool = False
    manual: bool = False
    kiosk: KioskSettings = field(default_factory=KioskSettings)
    tiles: TileSettings = field(default_factory=TileSettings)
    schedule: Schedule = field(default_factory=Schedule)  # opening hours; always open


@dataclass(frozen=True)
class ConfigProblem:
    path: Path
    line: int  # 0: not known
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else str(self.path)
        return one_line(f"{where}: {self.message}", 1000)  # it may quote the file


@dataclass
class LoadedConfig:
    """The settings in force, where they came from, and what was wrong with the file."""

    config: Config
    path: Path
    problems: list[ConfigProblem]
    exists: bool = False

    @property
    def writable(self) -> bool:
        target = self.path if self.exists else self.path.parent
        while not target.exists():
            target = target.parent
        return os.access(target, os.W_OK)


# --- reading ----------------------------------------------------------------------------------

_TOP_KEYS = {"library", "featured", "language", "theme", "text_scale", "reduced_motion",
             "manual", "kiosk", "tiles"}
_KIOSK_KEYS = {"enabled", "idle_seconds", "exit_chord", "pin"}
_TILE_KEYS = {"mbtiles", "url", "attribution"}
_TOP_KEYS |= {"schedule"}
_KIOSK_KEYS |= {"countdown_seconds", "statistics", "name", "heartbeat_folder", "watch_seconds"}
_TOML_LINE = re.compile(r"\(at line (\d+), column (\d+)\)")
_CHORD = re.compile(r"^((Ctrl|Alt|Shift|Meta)\+)+[A-Za-z0-9]$|^((Ctrl|Alt|Shift|Meta)\+)*F\d{1,2}$")


class _Reader:
    def __init__(self, path: Path, text: str):
        self.path, self.problems = path, []  # type: list[ConfigProblem]
        self._lines = text.splitlines()

    def line_of(self, key: str, table: str | None = None) -> int:
        """The line where `key` is set (inside `[table]` if given); 0 when not found."""
        current: str | None = None
        pattern = re.compile(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*=")
        for number, line in enumerate(self._lines, 1):
            header = re.match(r"^\s*\[\s*([^\]]+?)\s*\]", line)
            if header:
                current = header.group(1)
                if table is None and current == key:
                    return number
                continue
            if current == table and pattern.match(line):
                return number
        return 0

    def problem(self, message: str, key: str, table: str | None = None) -> None:
        self.problems.append(ConfigProblem(self.path, self.line_of(key, table), message))

    def unknown(self, data: dict[str, Any], known: set[str], table: str | None) -> None:
        for key in data:
            if key not in known:
                guess = difflib.get_close_matches(key, sorted(known), n=1, cutoff=0.6)
                hint = f"; did you mean '{guess[0]}'?" if guess else ""
                where = f" in [{table}]" if table else ""
                self.problem(f"unknown setting '{key}'{where}{hint}", key, table)

    def get(self, data: dict[str, Any], key: str, kind: type | tuple[type, ...], what: str,
            table: str | None = None) -> Any:
        """data[key] if present and of the right kind; else None (and a problem if wrong)."""
        if key not in data:
            return None
        value = data[key]
        if isinstance(value, bool) and kind in (int, float, (int, float)):
            value = object()  # true/false is not a number
        if not isinstance(value, kind):
            name = f"{table}.{key}" if table else key
            self.problem(f"'{name}' must be {what}; using the default", key, table)
            return None
        return value

    def number(self, data: dict[str, Any], key: str, what: str, low: float, high: float,
               default: str, table: str | None = None) -> float | None:
        """data[key] as a float if it is a number from `low` to `high`; else None, and a
        problem saying the range and that `default` is used. (NaN fails both comparisons;
        inf or 1e10 would overflow a timer.)"""
        number = self.get(data, key, (int, float), what, table)
        if number is None:
            return None
        if low <= number <= high:
            return float(number)
        name = f"{table}.{key}" if table else key
        self.problem(f"'{name}' must be between {low} and {high}; using {default}", key,
                     table)
        return None


def load_config(path: Path | None = None) -> LoadedConfig:
    """Read the config at `path` (default: the platform's); never raises for a bad file."""
    path = Path(path) if path is not None else default_config_path()
    if not name_problem(str(path)) and not safe_exists(path) and not path.is_symlink():
        return LoadedConfig(Config(), path, [], exists=False)
    try:
        # regular files only, opened without blocking, at most MAX_CONFIG_BYTES (never
        # /dev/zero or a FIFO)
        text = read_bytes(path, MAX_CONFIG_BYTES, what="config file").decode("utf-8")
    except FileRefused as error:
        problem = ConfigProblem(path, 0, f"{error.message}; using all defaults")
        return LoadedConfig(Config(), path, [problem], exists=True)
    except UnicodeDecodeError:
        problem = ConfigProblem(path, 0, "is not UTF-8 text; using all defaults")
        return LoadedConfig(Config(), path, [problem], exists=True)
    config, problems = parse_config(text, path)
    return LoadedConfig(config, path, problems, exists=True)


def parse_config(text: str, path: Path = Path("config.toml")) -> tuple[Config, list[ConfigProblem]]:
    """Settings from TOML `text`; each bad setting is reported and keeps its default."""
    reader = _Reader(path, text)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        found = _TOML_LINE.search(str(error))
        line = int(found.group(1)) if found else 0
        message = _TOML_LINE.sub("", str(error)).strip()
        problem = ConfigProblem(path, line, f"not valid TOML: {message}; using all defaults")
        return Config(), [problem]
    except RecursionError:  # tomllib recurses once per nested [ or {
        return Config(), [ConfigProblem(path, 0, "nests too deeply to be a config file; "
                                        "using all defaults")]
    except ValueError:  # int() refuses an integer of thousands of digits
        return Config(), [ConfigProblem(path, 0, "holds a number with too many digits; "
                                        "using all defaults")]
    reader.unknown(data, _TOP_KEYS, None)
    values: dict[str, Any] = {}

    library = reader.get(data, "library", list, "a list of folders")
    if library is not None:
        if all(isinstance(item, str) for item in library):
            values["library"] = tuple(Path(item).expanduser() for item in library)
        else:
            reader.problem("'library' must be a list of folder names in quotes", "library")
    featured = reader.get(data, "featured", list, "a list of story ids")
    if featured is not None:
        if all(isinstance(item, str) and re.fullmatch(r"[a-z0-9-]+", item) for item in featured):
            values["featured"] = tuple(featured)
        else:
            reader.problem("'featured' must be a list of story ids such as \"october-1917\"",
                           "featured")
    language = reader.get(data, "language", str, "a language code")
    if language is not None:
        if language in LANGUAGES:
            values["language"] = language
        else:
            reader.problem(f"language '{language}' is not available (choose one of "
                           f"{', '.join(LANGUAGES)}); using the system's", "language")
    theme = reader.get(data, "theme", str, "a theme name")
    if theme is not None:
        if theme in THEMES:
            values["theme"] = theme
        else:
            guess = difflib.get_close_matches(theme, THEMES, n=1)
            hint = f"; did you mean '{guess[0]}'?" if guess else f" (choose {' or '.join(THEMES)})"
            reader.problem(f"unknown theme '{theme}'{hint}", "theme")
    scale = reader.number(data, "text_scale", "a number such as 1.2", MIN_TEXT_SCALE,
                          MAX_TEXT_SCALE, "1.0")
    if scale is not None:
        values["text_scale"] = scale
    for key in ("reduced_motion", "manual"):
        flag = reader.get(data, key, bool, "true or false")
        if flag is not None:
            values[key] = flag

    kiosk = reader.get(data, "kiosk", dict, "a table: [kiosk]")
    if kiosk is not None:
        values["kiosk"] = _kiosk(reader, kiosk)
    tiles = reader.get(data, "tiles", dict, "a table: [tiles]")
    if tiles is not None:
        values["tiles"] = _tiles(reader, tiles, path)
    schedule = reader.get(data, "schedule", dict, "a table: [schedule]")
    if schedule is not None:
        values["schedule"], problems = parse_schedule(schedule)
        for key, message in problems:
            reader.problem(message, key, "schedule")
    return Config(**values), reader.problems


def _kiosk(reader: _Reader, data: dict[str, Any]) -> KioskSettings:
    reader.unknown(data, _KIOSK_KEYS, "kiosk")
    values: dict[str, Any] = {}
    enabled = reader.get(data, "enabled", bool, "true or false", "kiosk")
    if enabled is not None:
        values["enabled"] = enabled
    idle = reader.number(data, "idle_seconds", "a number of seconds", MIN_IDLE_SECONDS,
                         MAX_IDLE_SECONDS, "90", "kiosk")
    if idle is not None:
        values["idle_seconds"] = idle
    chord = reader.get(data, "exit_chord", str, "a key chord such as \"Ctrl+Alt+Shift+Q\"",
                       "kiosk")
    if chord is not None:
        if _CHORD.match(chord) and "+" in chord:
            values["exit_chord"] = chord
        else:
            reader.problem(f"'kiosk.exit_chord' '{chord}' is not a key chord with modifiers, "
                           "such as \"Ctrl+Alt+Shift+Q\"; using that", "exit_chord", "kiosk")
    pin = data.get("pin")
    if isinstance(pin, int) and not isinstance(pin, bool):
        # TOML has no leading zeros in numbers, so 1234 is exactly what was typed: a typo
        # must not take the kiosk's exit protection away.
        if 0 <= pin < 10**12:
            values["pin"] = str(pin)
            reader.problem(f"'kiosk.pin' should be in quotes (\"{pin}\"); the PIN is {pin}",
                           "pin", "kiosk")
        else:
            reader.problem("'kiosk.pin' must be up to 12 digits in quotes, such as \"2468\"; "
                           "no PIN is asked", "pin", "kiosk")
    else:
        pin = reader.get(data, "pin", str, "digits in quotes, such as \"2468\"", "kiosk")
        if pin is not None:
            if re.fullmatch(r"\d{0,12}", pin):
                values["pin"] = pin
            else:
                reader.problem("'kiosk.pin' may hold only digits (the PIN pad has no letters); "
                               "no PIN is asked", "pin", "kiosk")
    _kiosk_operations(reader, data, values)
    return KioskSettings(**values)


def _kiosk_operations(reader: _Reader, data: dict[str, Any], values: dict[str, Any]) -> None:
    """The [kiosk] settings for running many kiosks: countdown, statistics, health, watch."""
    for key, low, high, default in (("countdown_seconds", 0, 120, "10"),
                                    ("watch_seconds", 0, 86_400, "30")):
        number = reader.number(data, key, "a number of seconds", low, high, default, "kiosk")
        if number is not None:
            values[key] = number
    statistics = reader.get(data, "statistics", bool, "true or false", "kiosk")
    if statistics is not None:
        values["statistics"] = statistics
    name = reader.get(data, "name", str, "a name in quotes, such as \"hall-2-left\"", "kiosk")
    if name is not None:
        if re.fullmatch(r"[A-Za-z0-9._-]{0,64}", name):
            values["name"] = name
        else:
            reader.problem("'kiosk.name' may hold letters, digits, '.', '_' and '-' (it names "
                           "a file); using the computer's name", "name", "kiosk")
    folder = reader.get(data, "heartbeat_folder", str, "a folder name in quotes", "kiosk")
    if folder:
        values["heartbeat_folder"] = Path(folder).expanduser()


def _tiles(reader: _Reader, data: dict[str, Any], config_path: Path) -> TileSettings:
    reader.unknown(data, _TILE_KEYS, "tiles")
    values: dict[str, Any] = {}
    mbtiles = reader.get(data, "mbtiles", str, "a file name in quotes", "tiles")
    if mbtiles:
        file = Path(mbtiles).expanduser()
        file = file if file.is_absolute() else config_path.parent / file
        refused = _not_a_file(file)
        if refused is None:
            values["mbtiles"] = file
        elif refused == "does not exist":
            reader.problem(f"no MBTiles file at {file}; the map shows its own basemap",
                           "mbtiles", "tiles")
        else:
            reader.problem(f"the MBTiles file {file} {refused}; the map shows its own basemap",
                           "mbtiles", "tiles")
    url = reader.get(data, "url", str, "an https URL template", "tiles")
    if url:
        if tile_url_problem(url) is None:
            values["url"] = url
        else:
            reader.problem(f"'tiles.url' {tile_url_problem(url)}", "url", "tiles")
    attribution = reader.get(data, "attribution", str, "text in quotes", "tiles")
    if attribution is not None:
        values["attribution"] = attribution
    if (values.get("url") or values.get("mbtiles")) and not values.get("attribution"):
        reader.problem("tiles need an 'attribution' (the map's copyright line)",
                       "tiles")
    return TileSettings(**values)


def _not_a_file(file: Path) -> str | None:
    """Why `file` is not a regular file to open, or None if it is."""
    try:
        regular_stat(file)
    except FileRefused as error:
        return error.message
    return None


# A host name with at least one dot, made of letters, digits and dashes, ending in letters
# (so neither a single-label host such as "{s}" or "localhost" nor an IP address).
_HOST = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")


def tile_url_problem(url: str) -> str | None:
    """Why `url` cannot be an online tile source, or None: it must be https, name a dotted
    host (placeholders such as {s} only as a subdomain), carry no user name or password,
    and hold {z}, {x} and {y}."""
    must = "must be an https address with a host name such as tile.example.org"
    if not url.startswith("https://"):
        return must
    if not all(p in url for p in ("{z}", "{x}", "{y}")):
        return "must be an https address with {z}, {x} and {y} in it"
    try:
        parts = urlsplit(url.replace("{s}", "a"))
        host = parts.hostname or ""
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError:
        return must
    if "@" in parts.netloc:
        return "must not hold a user name or password"
    if "{" in host or not _HOST.match(host):
        return must
    return None


# --- writing back ------------------------------------------------------------------------------


class ConfigNotWritable(OSError):
    """The config file (or its folder) cannot be written; the setting stays in memory."""


def save_setting(path: Path, key: str, value: float | bool | str) -> None:
    """Set a top-level `key` in the file at `path`, keeping every other line and comment.

    Written to a temporary file beside it and renamed over it, so a crash never leaves half a
    file. Raises ConfigNotWritable when that is not possible.
    """
    rendered = _toml_value(value)
    try:  # the safe reader: a config that is /dev/zero or a FIFO is not read, nor written
        exists = safe_exists(path) or path.is_symlink()
        text = read_bytes(path, MAX_CONFIG_BYTES, what="config file").decode() if exists else ""
    except (FileRefused, UnicodeDecodeError, ValueError) as error:
        raise ConfigNotWritable(f"{path} {error}") from error
    lines = text.splitlines()
    pattern = re.compile(rf"^\s*{re.escape(key)}\s*=")
    first_table = next((i for i, line in enumerate(lines) if re.match(r"^\s*\[", line)),
                       len(lines))
    for i in range(first_table):
        if pattern.match(lines[i]):
            comment = ""
            if "#" in lines[i].split("=", 1)[1]:
                comment = "  #" + lines[i].split("=", 1)[1].split("#", 1)[1]
            lines[i] = f"{key} = {rendered}{comment}"
            break
    else:
        insert = first_table
        while insert > 0 and not lines[insert - 1].strip():
            insert -= 1
        lines.insert(insert, f"{key} = {rendered}")
    new_text = "\n".join(lines) + "\n"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists() and not os.access(path, os.W_OK):
            raise PermissionError(f"{path} is read-only")
        handle, temporary = tempfile.mkstemp(prefix=".config-", suffix=".toml", dir=path.parent)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                stream.write(new_text)
                stream.flush()
                os.fsync(stream.fileno())
            if path.exists():
                os.chmod(temporary, path.stat().st_mode & 0o777)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as error:
        raise ConfigNotWritable(str(error)) from error


def _toml_value(value: float | bool | str) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(round(float(value), 2))
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def with_text_scale(config: Config, scale: float) -> Config:
    return replace(config, text_scale=scale)


# --- checking what the settings point at -----------------------------------------------------


def missing_folders(loaded: LoadedConfig) -> list[ConfigProblem]:
    """One problem per `library` folder that is not there (for --check-config: the app itself
    starts anyway and says so in a banner, since a folder may be a drive not yet plugged in)."""
    if not loaded.exists or not loaded.config.library:
        return []
    try:  # the safe reader again: never /dev/zero or a FIFO
        text = read_bytes(loaded.path, MAX_CONFIG_BYTES, what="config file").decode("utf-8")
    except (FileRefused, UnicodeDecodeError):
        return []
    lines = _Reader(loaded.path, text)
    problems = []
    for folder in loaded.config.library:
        if safe_is_dir(folder):
            continue
        what = "is not a folder" if safe_exists(folder) else "does not exist"
        problems.append(ConfigProblem(loaded.path, lines.line_of("library"),
                                      f"library folder {folder} {what}"))
    return problems
