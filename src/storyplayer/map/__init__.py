"""The map: one embedded web map (QWebEngineView + Leaflet) driven through `MapView`.

Call `register_scheme()` before the QApplication exists (app.py and tests/conftest.py do).
`story_messages` turns a story into what the map shows.
"""

from storyplayer.map.scheme import register_scheme

__all__ = ["register_scheme"]
