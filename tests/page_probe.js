/* The tests' own read-back of the map page, injected into every MapView a test makes
 * (tests/page_probe.py) before the page's scripts run. It catches the Leaflet map as the
 * page makes it and offers what the tests click and measure; the page itself holds nothing
 * for tests (its state is read through the `query` message).
 */
(function () {
  "use strict";
  var leaflet;
  Object.defineProperty(window, "L", {
    configurable: true, enumerable: true,
    get: function () { return leaflet; },
    set: function (value) {
      leaflet = value;
      if (value && value.Map && !value.storyProbe) {
        value.storyProbe = true;
        value.Map.addInitHook(function () { window.probeMap = this; });
      }
    }
  });

  function layers(test) {
    var out = [];
    window.probeMap.eachLayer(function (l) { if (test(l)) out.push(l); });
    return out;
  }

  function box(el, container) {
    if (!el) return null;
    var r = el.getBoundingClientRect();
    return { l: r.left - container.left, t: r.top - container.top,
             r: r.right - container.left, b: r.bottom - container.top };
  }

  // The marker of event `index` in `slot` (the current pin or an earlier dot), or null.
  window.probeMarker = function (slot, index) {
    return layers(function (l) {
      return l.storyInfo && l.storyInfo.slot === slot && l.storyInfo.index === index;
    })[0] || null;
  };

  // Each current pin's dot and label in container pixels, the map's size and zoom.
  window.probePins = function () {
    var map = window.probeMap, container = map.getContainer().getBoundingClientRect();
    var pins = layers(function (l) { return l.storyInfo && l.storyInfo.current; });
    pins.sort(function (a, b) { return a.storyInfo.slot - b.storyInfo.slot; });
    return JSON.stringify({
      width: container.width, height: container.height, zoom: map.getZoom(),
      pins: pins.map(function (m) {
        var el = m.getElement(), label = el && el.querySelector(".story-label");
        var shown = label && label.style.display !== "none" && label.textContent;
        return { slot: m.storyInfo.slot, dot: box(el && el.querySelector(".story-dot"), container),
                 label: shown ? box(label, container) : null,
                 side: shown ? (label.classList.contains("side-left") ? "left" : "right") : null };
      })
    });
  };

  // Where the editor's draggable marker stands (container pixels, lat, lon), or null.
  window.probeEditMarker = function () {
    var marker = layers(function (l) { return l.options && l.options.draggable; })[0];
    if (!marker) return null;
    var at = marker.getLatLng(), p = window.probeMap.latLngToContainerPoint(at);
    return JSON.stringify({ x: p.x, y: p.y, lat: at.lat, lon: at.lng });
  };
})();
