"""Finds the app's bundled files by name: web pages, basemap, icons, schema, stories.

An installed wheel carries `resources/` and `stories/` inside the package (`_data/`); a source
checkout (editable install) finds them at the top of the repository. Nothing else in the app
builds paths to bundled files.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


class ResourceNotFound(LookupError):
    """A bundled file was asked for by a name that does not exist."""


def _first_existing(*candidates: Path) -> Path:
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise ResourceNotFound(f"none of these folders exists: {', '.join(map(str, candidates))}")


def resources_dir() -> Path:
    """The folder with the map page, basemap, icons, schema and translations."""
    return _first_existing(_PACKAGE / "_data" / "resources", _PACKAGE.parents[1] / "resources")


def bundled_stories_dir() -> Path:
    """The folder of stories that ship with the app."""
    return _first_existing(_PACKAGE / "_data" / "stories", _PACKAGE.parents[1] / "stories")


def resource(name: str) -> Path:
    """The bundled file `name` (a relative path such as "schema/story.schema.json")."""
    root = resources_dir()
    path = (root / name).resolve()
    if root.resolve() not in path.parents or not path.is_file():
        known = sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())
        raise ResourceNotFound(f"no resource {name!r}; known: {', '.join(known)}")
    return path


def leaflet_dir() -> Path:
    """Leaflet's dist folder, from the xstatic-leaflet package."""
    import xstatic.pkg.leaflet as leaflet

    return Path(leaflet.BASE_DIR)
