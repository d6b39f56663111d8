"""What an author sets for a story's path reaches the real map page (width, dash, colour, or
no path at all), and a pin is labelled with its place's name only, never with the headline."""

from __future__ import annotations

from storyplayer.model.map_protocol import MapEvent, MapStory
from storyplayer.model.story import PathStyle


def _events() -> tuple[MapEvent, ...]:
    return (
        MapEvent(59.437, 24.7536, name="Tallinn", title="The town council meets", zoom=7),
        MapEvent(58.378, 26.729, name="", title="A headline with no place name", zoom=7),
    )


def _show(qtbot, map_view, story: MapStory) -> None:
    map_view.set_options(reduced_motion=True)
    map_view.set_stories([story])
    seq = map_view.show_event(0, 1)
    with qtbot.waitSignal(map_view.shown, timeout=5000, check_params_cb=lambda s: s == seq):
        pass


# The path is drawn on a canvas, with no element of its own: the test finds the polyline
# through the map a current pin is on.
LINE_JS = """(function () {
  var m = window.probeMarker(0, 1);
  var out = [];
  m._map.eachLayer(function (l) {
    if (l instanceof L.Polyline && !(l instanceof L.Polygon) && l.getLatLngs().length === 2
        && l.options.interactive === false && l.options.opacity === 0.7) {
      out.push({color: l.options.color, weight: l.options.weight,
                dash: l.options.dashArray || null});
    }
  });
  return JSON.stringify(out);
})()"""


def test_path_style_and_pin_labels(qtbot, map_view, probe):
    import json

    _show(qtbot, map_view, MapStory(0, "#b03a2e", "S", _events()))
    assert json.loads(probe.run(map_view, LINE_JS)) == [
        {"color": "#b03a2e", "weight": 2.2, "dash": "6 5"}]
    # The current event has no place name: no label, the headline only as the pin's tooltip.
    label = "document.querySelector('.story-pin .story-label')"
    assert probe.run(map_view, f"{label}.style.display") == "none"
    assert probe.run(map_view, f"{label}.textContent") == ""
    title = "document.querySelector('.story-pin .story-mark').title"
    assert probe.run(map_view, title) == "A headline with no place name"
    seq = map_view.show_event(0, 0)
    with qtbot.waitSignal(map_view.shown, timeout=5000, check_params_cb=lambda s: s == seq):
        pass
    assert probe.run(map_view, f"{label}.textContent") == "Tallinn"

    styled = PathStyle(True, "#224466", 5, "1 9")
    _show(qtbot, map_view, MapStory(0, "#b03a2e", "S", _events(), styled))
    assert json.loads(probe.run(map_view, LINE_JS)) == [
        {"color": "#224466", "weight": 5, "dash": "1 9"}]
    _show(qtbot, map_view, MapStory(0, "#b03a2e", "S", _events(), PathStyle(True, dash="solid")))
    assert json.loads(probe.run(map_view, LINE_JS)) == [
        {"color": "#b03a2e", "weight": 2.2, "dash": None}]
    _show(qtbot, map_view, MapStory(0, "#b03a2e", "S", _events(), PathStyle(show=False)))
    assert json.loads(probe.run(map_view, LINE_JS)) == []
