"""`storyplayer --install-desktop`: the menu entry, the icon and the `.storyplayer` file type
(application/x-storyplayer) for this user on a Linux (freedesktop) desktop, so that a
double-click on a story package opens it with `storyplayer FILE`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

MIME_TYPE = "application/x-storyplayer"
DESKTOP_FILE = "storyplayer.desktop"


class DesktopError(Exception):
    """The desktop files cannot be installed here; one line."""


def data_home() -> Path:
    """Where freedesktop desktops look for this user's menu entries, icons and file types;
    an isolated run (tests, benchmarks) writes into a temporary folder of its own instead."""
    from storyplayer.model.library import isolated, isolated_dir

    if isolated():
        return isolated_dir() / "share"
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")


def launch_command() -> str:
    """How a desktop starts this Story Player: the installed `storyplayer` script by its
    full path (a desktop session's PATH may lack ~/.local/bin), else this Python with -m."""
    script = shutil.which("storyplayer")
    parts = [script] if script else [sys.executable, "-m", "storyplayer"]
    return " ".join(f'"{p}"' if " " in p else p for p in parts)


def install_desktop(home: Path | None = None) -> list[str]:
    """Writes the desktop entry, icon and MIME type under `home` (default: data_home()) and
    asks the desktop's own tools, where installed, to take them in. Returns what it did."""
    from storyplayer.resources import resource

    if not sys.platform.startswith("linux"):
        raise DesktopError("--install-desktop is for Linux desktops (freedesktop.org)")
    home = home or data_home()
    entry = resource("desktop/storyplayer.desktop").read_text("utf-8")
    entry = entry.replace("Exec=storyplayer %f", f"Exec={launch_command()} %f")
    targets = {
        home / "applications" / DESKTOP_FILE: entry.encode("utf-8"),
        home / "mime" / "packages" / "storyplayer.xml":
            resource("desktop/storyplayer.xml").read_bytes(),
        home / "icons" / "hicolor" / "scalable" / "apps" / "storyplayer.svg":
            resource("desktop/storyplayer.svg").read_bytes(),
    }
    done = []
    try:
        for path, data in targets.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            done.append(f"wrote {path}")
    except OSError as error:
        raise DesktopError(f"{error.filename}: {error.strerror or error}") from None
    for command in (["update-mime-database", str(home / "mime")],
                    ["update-desktop-database", str(home / "applications")],
                    ["xdg-mime", "default", DESKTOP_FILE, MIME_TYPE]):
        if shutil.which(command[0]) is None:
            done.append(f"skipped {command[0]} (not installed)")
            continue
        result = subprocess.run(command, capture_output=True, text=True, timeout=60)
        state = "ran" if result.returncode == 0 else f"failed ({result.returncode})"
        done.append(f"{state} {' '.join(command)}")
    return done
