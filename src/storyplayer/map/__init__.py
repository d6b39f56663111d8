"""The map: one embedded web map (QWebEngineView + Leaflet) driven through `MapView`.

Call `register_scheme()` before the QApplication exists (app.py and tests/map/conftest.py do).
"""

from storyplayer.map.scheme import register_scheme

__all__ = ["register_scheme"]
