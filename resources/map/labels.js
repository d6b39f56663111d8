/* Place-name labels on the map: towns, islands and seas, in the interface language and with
 * the names in use at the current event's date.
 *
 * The towns and seas come from basemap/labels.json (GeoNames, sorted by importance); the
 * names as they were come from Python in a "names" message (the gazetteer, resolved for the
 * date: { id, name, today, lat, lon, geonameid, kind }). After every move the labels are
 * placed again: the most important first, each where it covers no label already placed, no
 * story marker and no map control; the rest are left out. Text reaches the DOM only through
 * textContent.
 */
(function () {
  "use strict";

  var MAX_LABELS = 220;      // placed per view: a map is to be read, not a list of towns
  var PX_PER_LABEL = 11000;   // and at most one label per this many square pixels of map
  var SPACING = 5;           // px kept free around each label
  var MAX_TRIED = 1500;      // candidates looked at per view
  var FONT = { town: 12.5, city: 14, water: 13, island: 12.5 };
  // Place names are the background: they grow with a large text size less than the story's
  // own labels do (up to 1.5), so a city never outshouts the place the story is at.
  var MAX_SCALE = 1.25;
  var FAMILY = '"Source Sans Pro", "DejaVu Sans", sans-serif';
  var Boxes = window.StoryBoxes, hits = Boxes.hits;

  function StoryLabels(map, obstacles) {
    var pane = map.createPane("placeLabels");
    pane.style.zIndex = 450;  // above overlays and shapes, beneath the story's markers
    pane.style.pointerEvents = "none";
    var data = null;
    var names = { lang: "en", date: null, places: [] };
    var byGeoname = {};       // geonameid -> gazetteer place, for the current date
    var extra = [];           // gazetteer places not in labels.json (islands)
    var scale = 1;
    var pool = [];            // DOM elements, reused
    var shown = [];           // {el, text, today, kind, box}
    var measure = document.createElement("canvas").getContext("2d");

    var lastNames = null;
    var known = {};           // geonameid -> true for every town in labels.json

    // the names may arrive before labels.json: they are matched again when it does
    function setData(json) {
      data = json;
      known = {};
      data.places.forEach(function (p) { known[p[5]] = true; });
      if (lastNames) setNames(lastNames); else schedule();
    }

    function setNames(msg) {
      lastNames = msg;
      names = { lang: msg.lang === "et" ? "et" : "en", date: msg.date || null,
                places: Array.isArray(msg.places) ? msg.places : [] };
      byGeoname = {};
      extra = [];
      names.places.forEach(function (p) {
        if (typeof p.lat !== "number" || typeof p.lon !== "number") return;
        if (p.geonameid && known[p.geonameid]) byGeoname[p.geonameid] = p;
        else extra.push(p);
      });
      schedule();
    }

    function setScale(s) { scale = s > 0 ? Math.min(s, MAX_SCALE) : 1; schedule(); }

    function textWidth(text, size, italic) {
      // bold: a face without a 600 weight is drawn bold on the page, so measure it wide
      measure.font = (italic ? "italic " : "") + "bold " + size + "px " + FAMILY;
      return measure.measureText(text).width;
    }

    function candidates(z, bounds) {
      // [{lat, lon, name, today, kind}] in order of importance, for this zoom and view
      var out = [], lang = names.lang, tried = 0;
      if (!data) return out;
      var s = bounds.getSouth(), n = bounds.getNorth(), w = bounds.getWest(),
          e = bounds.getEast();
      function inView(lat, lon) { return lat >= s && lat <= n && lon >= w && lon <= e; }
      data.water.forEach(function (water) {
        if (water[4] <= z && inView(water[2], water[3])) {
          var name = lang === "et" ? (water[1] || water[0]) : water[0];
          out.push({ lat: water[2], lon: water[3], name: name, today: name, kind: "water" });
        }
      });
      extra.forEach(function (p) {
        if (z >= (p.kind === "island" ? 7 : 8) && inView(p.lat, p.lon)) {
          out.push({ lat: p.lat, lon: p.lon, name: p.name, today: p.today,
                     kind: p.kind === "water" ? "water" : p.kind });
        }
      });
      var places = data.places;
      for (var i = 0; i < places.length && tried < MAX_TRIED; i++) {
        var p = places[i];
        if (p[4] > z || !inView(p[2], p[3])) continue;
        tried++;
        var then = byGeoname[p[5]];
        var today = lang === "et" ? (p[1] || p[0]) : p[0];
        out.push({ lat: p[2], lon: p[3], name: then ? then.name : today,
                   today: then ? then.today : today, kind: p[4] <= 4 ? "city" : "town" });
      }
      return out;
    }

    function element(i) {
      var el = pool[i];
      if (!el) {
        el = pool[i] = document.createElement("div");
        var dot = document.createElement("span");
        dot.className = "place-dot";
        var text = document.createElement("span");
        text.className = "place-text";
        var name = document.createElement("span");
        name.className = "place-name";
        var today = document.createElement("span");
        today.className = "place-today";
        text.appendChild(name);
        text.appendChild(today);
        el.appendChild(dot);
        el.appendChild(text);
        pane.appendChild(el);
      }
      return el;
    }

    function place(c, size, taken, view) {
      // The label's box beside its place (right, left, above, below), or null if none fits.
      var pt = map.latLngToContainerPoint([c.lat, c.lon]);
      var changed = c.name !== c.today;
      var w = textWidth(c.name, size, c.kind === "water") +
        (changed ? textWidth(" (" + c.today + ")", size * 0.78, false) : 0);
      var h = size * 1.3;
      var options = c.kind === "water"
        ? [[-w / 2, -h / 2]]
        : [[6, -h / 2], [-6 - w, -h / 2], [-w / 2, -h - 5], [-w / 2, 5]];
      var dot = c.kind === "water" ? null : { l: pt.x - 3, t: pt.y - 3, r: pt.x + 3, b: pt.y + 3 };
      if (dot && hits(dot, taken)) return null;
      for (var k = 0; k < options.length; k++) {
        var box = { l: pt.x + options[k][0] - 2, t: pt.y + options[k][1] - 1 };
        box.r = box.l + w + 4;
        box.b = box.t + h + 2;
        if (box.l < view.l || box.t < view.t || box.r > view.r || box.b > view.b) continue;
        if (!hits(box, taken, c.kind === "water" ? 0 : SPACING)) {
          return { pt: pt, box: box, dot: dot, dx: options[k][0], dy: options[k][1], w: w, h: h };
        }
      }
      return null;
    }

    var cost = { last: 0, max: 0, count: 0 };  // ms per placement, for diagnostics

    function update() {
      if (!data) return;
      var started = performance.now();
      // the container as laid out now (Leaflet's own size may lag behind a resize)
      var el = map.getContainer();
      var size = { x: el.clientWidth, y: el.clientHeight };
      var z = map.getZoom();
      var view = { l: 0, t: 0, r: size.x, b: size.y };
      var taken = obstacles().slice();
      var list = candidates(z, map.getBounds().pad(0.05));
      var count = 0, most = Math.min(MAX_LABELS, Math.round(size.x * size.y / PX_PER_LABEL));
      shown = [];
      for (var i = 0; i < list.length && count < most; i++) {
        var c = list[i];
        var fontSize = (FONT[c.kind] || FONT.town) * scale;
        var at = place(c, fontSize, taken, view);
        if (!at && c.name !== c.today) {
          // The name of the time alone, when today's name in brackets leaves it no room.
          c = { lat: c.lat, lon: c.lon, name: c.name, today: c.name, kind: c.kind };
          at = place(c, fontSize, taken, view);
        }
        if (!at) continue;
        taken.push(at.box);
        if (at.dot) taken.push(at.dot);
        var el = element(count++);
        el.className = "place-label place-" + c.kind;
        el.style.fontSize = fontSize.toFixed(1) + "px";
        el.style.display = "";
        var layer = map.containerPointToLayerPoint(at.pt);
        el.style.transform = "translate(" + Math.round(layer.x) + "px," +
          Math.round(layer.y) + "px)";
        var text = el.childNodes[1];
        text.style.transform = "translate(" + Math.round(at.dx) + "px," +
          Math.round(at.dy) + "px)";
        text.firstChild.textContent = c.name;
        text.lastChild.textContent = c.name !== c.today ? " (" + c.today + ")" : "";
        shown.push({ el: el, name: c.name, today: c.today, kind: c.kind });
      }
      for (var j = count; j < pool.length; j++) pool[j].style.display = "none";
      verify(obstacles(), view);
      cost.last = performance.now() - started;
      cost.max = Math.max(cost.max, cost.last);
      cost.count++;
    }

    function verify(blocked, view) {
      // The boxes as the page drew them (one layout for all): a label the measurement got
      // wrong, one that would overlap or leave the map, is hidden rather than shown badly.
      var box = map.getContainer().getBoundingClientRect();
      var rects = shown.map(function (s) { return Boxes.relative(s.el.childNodes[1], box); });
      var kept = [], accepted = blocked.slice();
      rects.forEach(function (r, i) {
        var out = r.l < view.l || r.t < view.t || r.r > view.r || r.b > view.b;
        if (out || hits(r, accepted)) {
          shown[i].el.style.display = "none";
        } else {
          accepted.push(r);
          kept.push(shown[i]);
        }
      });
      shown = kept;
    }

    // Moves, zooms, resizes and shows that come together are placed once, after them.
    var pending = false;
    function schedule() {
      if (pending) return;
      pending = true;
      setTimeout(function () {
        pending = false;
        update();
        pane.style.visibility = "";
      }, 0);
    }

    map.on("zoomstart", function () { pane.style.visibility = "hidden"; });
    map.on("zoomend moveend resize", schedule);

    function state() {
      // Every shown label's text and box (container pixels), for the page's state answer;
      // a placement still pending is done first, so the answer is what the page will show.
      if (pending) { pending = false; update(); pane.style.visibility = ""; }
      var box = map.getContainer().getBoundingClientRect();
      return shown.map(function (s) {
        var a = s.el.childNodes[1].getBoundingClientRect();
        return { name: s.name, today: s.today, kind: s.kind,
                 box: { l: a.left - box.left, t: a.top - box.top, r: a.right - box.left,
                        b: a.bottom - box.top } };
      });
    }

    return { setData: setData, setNames: setNames, setScale: setScale, update: update,
             schedule: schedule, cost: function () { return cost; },
             state: state, names: function () { return names; } };
  }

  window.StoryLabels = StoryLabels;
})();
