/* Story Player's map page: an offline Leaflet atlas driven by JSON messages from Python.
 *
 * Python -> page: bridge.message(json) -> handle(msg), dispatching on msg.type.
 * Page -> Python: bridge.send(json) with fetched / ready / shown / marker-clicked / error.
 * Story text reaches the DOM only through textContent.
 */
(function () {
  "use strict";

  // Python's constants (model/map_style.py), given to the page before this script runs.
  var SETUP = window.storyMapSetup;
  document.documentElement.style.setProperty("--sea", SETUP.sea);
  var STYLE = {
    sea: SETUP.sea,
    land: "#f3ead6",
    coast: "#8c8272",
    shore: "#a9b7bb",
    lakeFill: SETUP.sea,
    river: "#6b9cc2",
    graticule: "#8a7d66",
    border: "#9a7b72"
  };
  // bbox as tools/build_basemap.py cuts it (known before the file arrives), for the zoom cap
  var REGIONS = SETUP.regions.map(function (r) {
    return { name: r.name, minZoom: r.min_zoom, riverZoom: r.river_zoom, bbox: r.bbox };
  });
  var FALLBACK_COLORS = SETUP.fallback_colors;

  var timings = { script: performance.now() };  // ms since navigation, for diagnostics
  var bridge = null;
  var basemapDrawn = false;
  var readySent = false;
  var options = { reduced_motion: false, borders: false, tiles: null };
  var stories = {};   // slot -> {color, title, events}
  var current = {};   // slot -> index of the current event
  var markers = {};   // "slot:index" -> the event's marker (L.Marker for current ones)
  var pins = {};      // slot -> the current event's pin (see pinFor)
  var tileLayer = null;
  var tileMaxZoom = SETUP.tile_max_zoom;

  function send(msg) {
    if (bridge) bridge.send(JSON.stringify(msg));
  }

  window.onerror = function (message, source, line) {
    send({ type: "error", message: String(message) + " (" + source + ":" + line + ")" });
  };
  window.addEventListener("unhandledrejection", function (e) {
    send({ type: "error", message: "unhandled: " + String(e.reason) });
  });

  // ---- the map ---------------------------------------------------------------------------

  var map = L.map("map", {
    preferCanvas: true,
    zoomControl: true,
    attributionControl: true,
    worldCopyJump: false,
    minZoom: 2,
    maxZoom: SETUP.max_zoom,  // past the basemap's detail only when places must separate
    zoomSnap: 0.25,
    maxBounds: [[-85, -200], [85, 200]]
  }).setView([58.6, 25.0], 6);
  map.attributionControl.setPrefix("Leaflet");
  // The credits, in English until the app sends them in the window's language.
  var credits = { coastlines: "Coastlines: GSHHG", placeNames: "Names: GeoNames (CC BY 4.0)" };
  map.attributionControl.addAttribution(credits.coastlines);
  map.attributionControl.addAttribution(credits.placeNames);

  function setCredits(words) {
    ["coastlines", "placeNames"].forEach(function (key) {
      if (typeof words[key] !== "string" || words[key] === credits[key]) return;
      map.attributionControl.removeAttribution(credits[key]);
      credits[key] = words[key];
      map.attributionControl.addAttribution(credits[key]);
    });
  }
  // updateWhenIdle: redrawn once a move ends, not on each frame of a flight
  L.control.scale({ imperial: false, maxWidth: 140, updateWhenIdle: true }).addTo(map);

  // One canvas per pane, as few panes as the stacking needs: every canvas costs its pixels
  // several times over (the page's bitmap and the compositor's copies of it), and each frame
  // of a flight moves every one of them.
  map.createPane("basemap").style.zIndex = 200;  // sea, land, lakes, then rivers
  map.createPane("tiles").style.zIndex = 235;  // a raster map covers the basemap and rivers
  map.createPane("lines").style.zIndex = 240;  // the graticule, then borders
  var baseRenderer = L.canvas({ pane: "basemap", padding: 0.3 });
  var lineRenderer = L.canvas({ pane: "lines", padding: 0.3 });
  // story paths and shapes beneath the faded dots; the current pins are DOM markers above
  var markerRenderer = L.canvas({ pane: "markerPane", padding: 0.3, tolerance: 4 });

  // ---- basemap ---------------------------------------------------------------------------

  function decode(flat, scale) {
    // [x0, y0, dx1, dy1, ...] in degrees * scale -> [[lat, lon], ...]
    var out = new Array(flat.length / 2);
    var x = 0, y = 0;
    for (var i = 0, j = 0; i < flat.length; i += 2, j++) {
      x += flat[i];
      y += flat[i + 1];
      out[j] = [y / scale, x / scale];
    }
    return out;
  }

  function onEdge(p, bbox, eps) {
    // the edges of the region's clip box the point lies on, as bits: 1 W, 2 S, 4 E, 8 N
    return (Math.abs(p[1] - bbox[0]) < eps ? 1 : 0) | (Math.abs(p[0] - bbox[1]) < eps ? 2 : 0) |
      (Math.abs(p[1] - bbox[2]) < eps ? 4 : 0) | (Math.abs(p[0] - bbox[3]) < eps ? 8 : 0);
  }

  function onSeam(a, b, seams, eps) {
    for (var k = 0; k < seams.length; k++) {
      var s = seams[k];
      if (Math.abs(a[1] - s[0]) < eps && Math.abs(b[1] - s[0]) < eps &&
          a[0] >= s[1] && a[0] <= s[2] && b[0] >= s[1] && b[0] <= s[2]) return true;
    }
    return false;
  }

  function coastOf(ring, bbox, seams, eps, out) {
    // The ring's outline without the segments on the clip box or on a seam (not coast).
    var line = [ring[0]];
    for (var i = 1; i <= ring.length; i++) {
      var a = ring[i - 1], b = ring[i % ring.length];
      if ((onEdge(a, bbox, eps) & onEdge(b, bbox, eps)) || onSeam(a, b, seams, eps)) {
        if (line.length > 1) out.push(line);
        line = [b];
      } else {
        line.push(b);
      }
    }
    if (line.length > 1) out.push(line);
  }

  function touchesEdge(ring, clip, seams, eps) {
    for (var i = 0; i < ring.length; i++) {
      if (onEdge(ring[i], clip, eps)) return true;
    }
    return seams.length > 0 && ring.some(function (p) {
      return seams.some(function (s) { return Math.abs(p[1] - s[0]) < eps; });
    });
  }

  function ringLayers(rings, data, fill, stroke, weight, layers) {
    // Rings inside the region are filled and stroked in one layer; rings cut by the region's
    // box are filled, and only their real shore is stroked (not the cut).
    var clip = data.clip || data.bbox, seams = data.seams || [], eps = 1.5 / data.scale;
    var inner = [], cut = [], lines = [];
    rings.forEach(function (r) {
      if (touchesEdge(r, clip, seams, eps)) { cut.push([r]); coastOf(r, clip, seams, eps, lines); }
      else inner.push([r]);
    });
    var common = { renderer: baseRenderer, fillColor: fill, fillOpacity: 1, interactive: false,
                   smoothFactor: 0.6 };
    if (cut.length) layers.push(L.polygon(cut, L.extend({ stroke: false }, common)));
    if (inner.length) {
      layers.push(L.polygon(inner, L.extend({ color: stroke, weight: weight, opacity: 0.9 },
                                            common)));
    }
    if (lines.length) {
      layers.push(L.polyline(lines, { renderer: baseRenderer, color: stroke, weight: weight,
                                      opacity: 0.9, interactive: false, smoothFactor: 0.6 }));
    }
  }

  function buildBase(data) {
    var scale = data.scale, bbox = data.bbox;
    var layers = [];
    if (data.name !== "world") {
      layers.push(L.rectangle([[bbox[1], bbox[0]], [bbox[3], bbox[2]]], {
        renderer: baseRenderer, stroke: false, fillColor: STYLE.sea, fillOpacity: 1,
        interactive: false
      }));
    }
    ringLayers(data.land.map(function (r) { return decode(r, scale); }), data, STYLE.land,
               STYLE.coast, 0.7, layers);
    ringLayers(data.water.map(function (r) { return decode(r, scale); }), data, STYLE.lakeFill,
               STYLE.shore, 0.6, layers);
    return L.layerGroup(layers);
  }

  function buildRivers(data) {
    return L.polyline(data.rivers.map(function (r) { return decode(r, data.scale); }), {
      renderer: baseRenderer, color: STYLE.river, weight: 1.2, opacity: 0.85,
      interactive: false, smoothFactor: 0.8
    });
  }

  function buildBorders(data) {
    return L.polyline(data.borders.map(function (r) { return decode(r, data.scale); }), {
      renderer: lineRenderer, color: STYLE.border, weight: 1.1, opacity: 0.8,
      dashArray: "5 3", interactive: false, smoothFactor: 0.8
    });
  }

  // A faint graticule, as in a printed atlas: 10 degrees when zoomed out, 1 degree close in.
  var graticules = {};
  function graticule(step) {
    if (graticules[step]) return graticules[step];
    var lines = [], lat, lon, pts;
    for (lon = -180; lon <= 180; lon += step) lines.push([[-85, lon], [85, lon]]);
    for (lat = -80; lat <= 80; lat += step) {
      pts = [];
      for (lon = -180; lon <= 180; lon += 10) pts.push([lat, lon]);
      lines.push(pts);
    }
    graticules[step] = L.polyline(lines, {
      renderer: lineRenderer, color: STYLE.graticule, weight: 0.5, opacity: 0.22,
      interactive: false
    });
    return graticules[step];
  }
  var shownGraticule = null;
  function updateGraticule() {
    var step = map.getZoom() >= 6 ? 1 : (map.getZoom() >= 4 ? 5 : 10);
    var layer = graticule(step);
    if (layer === shownGraticule) return;
    if (shownGraticule) map.removeLayer(shownGraticule);
    shownGraticule = layer.addTo(map);
    layer.bringToBack();  // beneath the borders on the same canvas
  }
  map.on("zoomend", updateGraticule);
  updateGraticule();

  var regionData = {};  // name -> the region's JSON, once fetched
  var regions = {};     // name -> {base, borders}, built when first needed
  var shownRegions = "";

  function region(name) {
    // Layers are built lazily: only the regions the current zoom needs cost any work.
    var reg = regions[name];
    if (!reg) {
      var t0 = performance.now();
      reg = regions[name] = { base: buildBase(regionData[name]), borders: null, rivers: null };
      timings[name + "Built"] = performance.now() - t0;
    }
    if (options.borders && !reg.borders) reg.borders = buildBorders(regionData[name]);
    return reg;
  }

  function updateBasemap() {
    // The regions for this zoom, drawn coarse to detailed (each paints its own sea first).
    var z = map.getZoom();
    var wanted = REGIONS.filter(function (r) {
      return regionData[r.name] && z >= r.minZoom;
    }).map(function (r) { return r.name; });
    var rivers = REGIONS.filter(function (r) {
      return regionData[r.name] && regionData[r.name].rivers.length && z >= r.riverZoom;
    }).map(function (r) { return r.name; });
    var key = wanted.join(",") + "|" + rivers.join(",") + "|" + options.borders;
    if (key === shownRegions) return;
    shownRegions = key;
    Object.keys(regions).forEach(function (name) {
      map.removeLayer(regions[name].base);
      if (regions[name].borders) map.removeLayer(regions[name].borders);
      if (regions[name].rivers) map.removeLayer(regions[name].rivers);
    });
    wanted.forEach(function (name) { region(name).base.addTo(map); });
    rivers.forEach(function (name) {
      var reg = region(name);
      if (!reg.rivers) reg.rivers = buildRivers(regionData[name]);
      reg.rivers.addTo(map);
    });
    if (options.borders) {
      // world borders only when no finer region is drawn (they would double up)
      var finest = wanted.length > 1 ? wanted.slice(1) : wanted;
      finest.forEach(function (name) { region(name).borders.addTo(map); });
    }
  }
  map.on("zoomend", updateBasemap);

  function loadBasemap() {
    var requests = window.basemapRequests || {};
    var pending = REGIONS.map(function (r) {
      var request = requests[r.name] || fetch("storyplayer://app/basemap/" + r.name + ".json")
        .then(function (resp) { return resp.json(); });
      return request.then(function (data) {
        timings[r.name + "Fetched"] = performance.now();
        regionData[r.name] = data;
        updateBasemap();
      });
    });
    // "ready" once the coarse world layer is drawn: the finer regions are already on their
    // way (fetched in parallel from the page's head) and draw themselves when they arrive.
    var needed = [pending[0]];
    Promise.all(needed).then(function () {
      basemapDrawn = true;
      maybeReady();
    }).catch(function (err) {
      send({ type: "error", message: "basemap: " + err });
      basemapDrawn = true;  // the page still works without a basemap
      maybeReady();
    });
  }

  function maybeReady() {
    if (readySent || !bridge || !basemapDrawn) return;
    readySent = true;
    timings.ready = performance.now();
    send({ type: "ready" });
  }

  // ---- stories ---------------------------------------------------------------------------

  function safeColor(c, slot) {
    return (typeof c === "string" && /^#[0-9a-fA-F]{3,8}$/.test(c)) ? c
      : FALLBACK_COLORS[slot % FALLBACK_COLORS.length];
  }

  function pathStyle(p, slot) {
    // The author's path: shown or not, its colour, width and dashes, each checked.
    var width = typeof p.width === "number" && isFinite(p.width) ? p.width : 2.2;
    var dash = typeof p.dash === "string" && /^[0-9 ,]{1,40}$/.test(p.dash) ? p.dash : "6 5";
    return { show: p.show !== false, color: p.color ? safeColor(p.color, slot) : null,
             width: Math.max(0.5, Math.min(width, 12)), dash: p.dash === "solid" ? null : dash };
  }

  function placed(ev) {
    return ev && typeof ev.lat === "number" && typeof ev.lon === "number";
  }

  function labelElement(text, color) {
    var el = document.createElement("span");
    el.className = "story-label";
    el.textContent = text;
    el.style.borderColor = color;
    el.style.color = color;
    return el;
  }

  // Each slot keeps its layers and updates them in place: a show moves the pin, extends the
  // path and shows or hides dots. The page runs all day, several shows a second when stories
  // play fast, and a pin, its listeners and a layer group rebuilt on each one were garbage
  // that piled up in the renderer until the next full collection.
  var slots = {};  // slot -> {group, path, dots: {index: L.CircleMarker}, pin, shape, overlay}

  function clearSlot(slot) {
    if (slots[slot]) {
      map.removeLayer(slots[slot].group);
      delete slots[slot];
    }
    Object.keys(markers).forEach(function (k) {
      if (k.split(":")[0] === String(slot)) delete markers[k];
    });
    delete pins[slot];
  }

  function clearAll() {
    Object.keys(slots).forEach(clearSlot);
    stories = {};
    current = {};
  }

  function dotFor(slot, index, ev, color) {
    // an earlier event of the story: a faded dot on the canvas
    var m = L.circleMarker([ev.lat, ev.lon], {
      renderer: markerRenderer, radius: 4, color: color, weight: 1, opacity: 0.55,
      fillColor: color, fillOpacity: 0.35
    });
    m.on("click", function () { send({ type: "marker-clicked", slot: slot, index: index }); });
    m.storyInfo = { slot: slot, index: index, lat: ev.lat, lon: ev.lon, color: color,
                    current: false };
    return m;
  }

  function pinFor(slot, color) {
    // The current event: a DOM marker (dot, halo and label) whose parts are shifted in
    // pixels by layoutPins(), so labels stay in view and pins at one place stay apart.
    var body = document.createElement("div");
    body.className = "story-pin-body";
    var mark = document.createElement("span");
    mark.className = "story-mark";
    var halo = document.createElement("span");
    halo.className = "story-halo";
    halo.style.backgroundColor = color;
    var dot = document.createElement("span");
    dot.className = "story-dot";
    dot.style.backgroundColor = color;
    mark.appendChild(halo);
    mark.appendChild(dot);
    body.appendChild(mark);
    var label = labelElement("", color);
    body.appendChild(label);
    var pin = { slot: slot, latlng: null, zoom: undefined, marker: null, mark: mark,
                label: null, labelEl: label, text: null, w: 0, h: 0, index: -1 };
    pin.marker = L.marker([0, 0], {
      icon: L.divIcon({ className: "story-pin", html: body, iconSize: [0, 0], iconAnchor: [0, 0] }),
      keyboard: false, zIndexOffset: 1000 + slot
    });
    pin.marker.on("click", function () {
      send({ type: "marker-clicked", slot: slot, index: pin.index });
    });
    return pin;
  }

  function movePin(pin, index, ev, color) {
    if (pin.index === index) return;
    pin.index = index;
    pin.latlng = L.latLng(ev.lat, ev.lon);
    pin.zoom = ev.zoom;
    pin.marker.storyInfo = { slot: pin.slot, index: index, lat: ev.lat, lon: ev.lon, color: color,
                             current: true };
    pin.marker.setLatLng(pin.latlng);
    var text = ev.name || "";  // the place's name; the headline is the pane's, not the map's
    pin.mark.title = ev.title || "";
    if (text !== pin.text) {
      pin.text = text;
      pin.labelEl.textContent = text;
      pin.labelEl.style.display = text ? "" : "none";
      pin.label = text ? pin.labelEl : null;
    }
  }

  function shapeFor(ev, color) {
    return L.geoJSON(ev.geometry, {
      style: { renderer: markerRenderer, color: color, weight: 2.5, opacity: 0.9,
               fillColor: color, fillOpacity: 0.15 },
      pointToLayer: function (f, latlng) {
        return L.circleMarker(latlng, { renderer: markerRenderer, radius: 5, color: color });
      },
      interactive: false
    });
  }

  function overlayFor(ev) {
    return L.imageOverlay(ev.overlay.url, ev.overlay.bounds, {
      opacity: typeof ev.overlay.opacity === "number" ? ev.overlay.opacity : 0.7,
      interactive: false, className: "story-overlay"
    });
  }

  function setPart(s, name, ev, make, color) {
    // The event's shape or overlay: built when the event changes, kept while it stays.
    var part = s[name];
    if ((part ? part.event : null) === ev) return;
    if (part) s.group.removeLayer(part.layer);
    s[name] = ev ? { event: ev, layer: make(ev, color) } : null;
    if (!ev) return;
    s.group.addLayer(s[name].layer);
    if (name === "shape") {
      // on the dots' canvas, beneath them and beneath the path
      s[name].layer.eachLayer(function (l) { if (l.bringToBack) l.bringToBack(); });
      if (s.path && s.group.hasLayer(s.path)) s.path.bringToBack();
    }
  }

  function drawSlot(slot) {
    var story = stories[slot], index = current[slot];
    if (!story || index === undefined) { clearSlot(slot); return; }
    var color = story.color, events = story.events;
    var s = slots[slot];
    if (!s) {
      s = slots[slot] = { group: L.layerGroup().addTo(map), path: null, dots: {}, pin: null,
                          shape: null, overlay: null };
    }
    var path = [], lastPlaced = -1;
    for (var i = 0; i <= index && i < events.length; i++) {
      if (placed(events[i])) { path.push([events[i].lat, events[i].lon]); lastPlaced = i; }
    }
    if (path.length > 1 && story.path.show) {
      if (!s.path) {
        s.path = L.polyline(path, { renderer: markerRenderer, color: story.path.color || color,
                                    weight: story.path.width, opacity: 0.7,
                                    dashArray: story.path.dash, interactive: false });
      } else {
        s.path.setLatLngs(path);
      }
      if (!s.group.hasLayer(s.path)) { s.group.addLayer(s.path); s.path.bringToBack(); }
    } else if (s.path && s.group.hasLayer(s.path)) {
      s.group.removeLayer(s.path);
    }
    var ev = events[index];
    setPart(s, "shape", ev && ev.geometry ? ev : null, shapeFor, color);
    setPart(s, "overlay", ev && ev.overlay && ev.overlay.url && ev.overlay.bounds ? ev : null,
            overlayFor, color);
    for (var j = 0; j < events.length; j++) {
      var key = slot + ":" + j, dot = s.dots[j];
      var shown = j <= index && j !== lastPlaced && placed(events[j]);
      if (shown) {
        if (!dot) dot = s.dots[j] = dotFor(slot, j, events[j], color);
        if (!s.group.hasLayer(dot)) s.group.addLayer(dot);
        markers[key] = dot;
      } else {
        if (dot && s.group.hasLayer(dot)) s.group.removeLayer(dot);
        if (j !== lastPlaced) delete markers[key];
      }
    }
    if (lastPlaced >= 0) {
      var pin = s.pin || (s.pin = pinFor(slot, color));
      var textBefore = pin.text;
      movePin(pin, lastPlaced, events[lastPlaced], color);
      if (!s.group.hasLayer(pin.marker)) s.group.addLayer(pin.marker);
      markers[slot + ":" + lastPlaced] = pin.marker;
      pins[slot] = pin;
      if (pin.text !== textBefore || !pin.w) measurePin(pin);
    } else {
      if (s.pin && s.group.hasLayer(s.pin.marker)) s.group.removeLayer(s.pin.marker);
      if (s.pin) s.pin.index = -1;
      delete pins[slot];
    }
  }

  // ---- pins and labels, laid out in pixels ---------------------------------------------------
  //
  // The same layout (pins.js) serves the fit (at a zoom still to come, in world pixels) and
  // the view (in container pixels); here it is given the pins and its result applied.

  var Pins = window.StoryPins, Boxes = window.StoryBoxes;
  // Room kept free at the map's edges (px): the scale bar and the attribution sit at the bottom.
  var PAD = { top: 12, right: 12, bottom: 30, left: 12 };
  var preferredSide = {};  // slot -> "left" | "right", as the last fit chose it

  function pinList() {
    return Object.keys(pins).sort().map(function (s) { return pins[s]; });
  }

  function arrangePins(list, px, view, obstacles) {
    return Pins.arrange(list, px, view, obstacles, preferredSide);
  }

  function usableView() {
    var size = map.getSize();
    return { l: PAD.left, t: PAD.top, r: size.x - PAD.right, b: size.y - PAD.bottom };
  }

  var controls = null;  // the controls' rectangles, measured again after a resize
  map.on("resize", function () { controls = null; measurePins(); });

  function measurePin(p) {
    if (p.label) { p.w = p.label.offsetWidth; p.h = p.label.offsetHeight; }
  }

  function measurePins() {
    // A label's size depends on the map's (a long one is cut short to fit a narrow map) and
    // on the text size: measured again when either changes, before the pins are laid out.
    pinList().forEach(measurePin);
  }

  function controlRects() {
    // The zoom buttons are an obstacle a label keeps clear of.
    if (controls) return controls;
    var out = controls = [], mapRect = map.getContainer().getBoundingClientRect();
    var zoom = map.zoomControl && map.zoomControl.getContainer();
    if (zoom) out.push(Boxes.relative(zoom, mapRect, 4));
    return out;
  }

  function setTransform(el, value) {
    // Only a change is written: each write costs the page a style object to collect later.
    if (el.storyTransform === value) return;
    el.storyTransform = value;
    el.style.transform = value;
  }

  function layoutPins() {
    // Shifts every pin's mark and label (relative to its place) for the view as it is now.
    var list = pinList();
    if (!list.length) return;
    var px = {};
    list.forEach(function (p) { px[p.slot] = map.latLngToContainerPoint(p.latlng); });
    arrangePins(list, px, usableView(), controlRects()).placed.forEach(function (placed) {
      placed.marks.forEach(function (m) {
        var at = px[m.pin.slot];
        setTransform(m.pin.mark, "translate(" + (m.x - at.x).toFixed(1) + "px," +
          (m.y - at.y).toFixed(1) + "px)");
      });
      placed.labels.forEach(function (r) {
        var at = px[r.pin.slot];
        setTransform(r.pin.label, "translate(" + Math.round(r.l - at.x) + "px," +
          Math.round(r.t - at.y) + "px)");
        if (r.pin.side !== placed.side) {
          r.pin.label.classList.toggle("side-left", placed.side === "left");
        }
        r.pin.side = placed.side;
      });
    });
  }
  map.on("zoomend moveend resize", layoutPins);

  // ---- how close the view may go -------------------------------------------------------------

  // Below these zooms the basemap region still shows detail; closer in, only parchment.
  var DETAIL_ZOOM = {};
  SETUP.regions.forEach(function (r) { DETAIL_ZOOM[r.name] = r.detail_zoom; });
  var DEFAULT_PLACE_ZOOM = SETUP.place_zoom;

  function detailZoom(latlng) {
    if (tileLayer) return tileMaxZoom;
    var z = DETAIL_ZOOM.world;
    REGIONS.forEach(function (r) {
      var data = regionData[r.name], b = (data && data.bbox) || r.bbox;
      if (b && r.name !== "world" && latlng.lng >= b[0] && latlng.lat >= b[1] &&
          latlng.lng <= b[2] && latlng.lat <= b[3]) {
        z = Math.max(z, DETAIL_ZOOM[r.name]);
      }
    });
    return z;
  }

  function zoomCap(list) {
    var cap = Math.min.apply(null, list.map(function (p) {
      var own = typeof p.zoom === "number" ? p.zoom : DEFAULT_PLACE_ZOOM;
      return Math.min(own, detailZoom(p.latlng));
    }));
    return Math.max(cap, separationZoom(list));
  }

  // ---- moving the view -----------------------------------------------------------------------

  function moveTo(latlng, zoom, animate) {
    // A flight is planned from the view's size: with none yet (the page laid out before its
    // widget is shown) Leaflet's flyTo divides by zero, so the view jumps instead.
    var size = map.getSize();
    if (options.reduced_motion || animate === false || !size.x || !size.y) {
      map.setView(latlng, zoom, { animate: false });
    } else {
      map.flyTo(latlng, zoom, { duration: 1.2 });
    }
  }

  var fitPending = false;
  function scheduleFit() {
    // Shows that arrive together (three panes starting at once) move the view once.
    if (fitPending) return;
    fitPending = true;
    setTimeout(function () { fitPending = false; fitCurrent(); }, 0);
  }

  function zoomToFit(list, cap) {
    var size = map.getSize();
    var availW = size.x - PAD.left - PAD.right, availH = size.y - PAD.top - PAD.bottom;
    var plan = null;
    for (var z = cap; z >= map.getMinZoom(); z -= 0.25) {
      var px = {};
      list.forEach(function (p) { px[p.slot] = map.project(p.latlng, z); });
      plan = arrangePins(list, px, null);
      plan.zoom = z;
      plan.fits = plan.box.r - plan.box.l <= availW && plan.box.b - plan.box.t <= availH;
      if (plan.fits) break;
    }
    return plan;
  }

  // How wide a story's label may be: the map's width less a pin, then narrower when the
  // labels fit at no zoom (three long ones on the narrow map beside three panes at the
  // largest text), cut short with an ellipsis.
  var LABEL_CAPS = ["calc(100vw - 50px)", "calc(70vw - 40px)", "calc(50vw - 48px)"];
  var labelCap = 0;

  function useLabelCap(i) {
    if (i === labelCap) return;
    labelCap = i;
    document.body.style.setProperty("--story-label-max", LABEL_CAPS[i]);
    measurePins();
  }

  function fitPlan(list, cap) {
    // The closest zoom (at most `cap`) at which every pin and label fits inside the padding,
    // and the centre that puts them in the middle of the usable rectangle; the labels are cut
    // shorter when they fit at no zoom. When even that fails, the pins alone are fitted:
    // zooming out to the whole world would not make a label narrower, only the places vanish.
    var plan = null;
    for (var i = 0; i < LABEL_CAPS.length && !(plan && plan.fits); i++) {
      useLabelCap(i);
      plan = zoomToFit(list, cap);
    }
    if (!plan.fits) {
      plan = zoomToFit(list.map(function (p) {
        return { slot: p.slot, latlng: p.latlng, label: null, w: 0, h: 0 };
      }), cap);
    }
    var b = plan.box;
    var centre = L.point((b.l + b.r) / 2 + (PAD.right - PAD.left) / 2,
                         (b.t + b.b) / 2 + (PAD.bottom - PAD.top) / 2);
    plan.center = map.unproject(centre, plan.zoom);
    return plan;
  }

  function fitCurrent(animate) {
    viewByHand = false;  // a step (or the app) fits the view: it is the story's view again
    var list = pinList();
    if (!list.length) return;
    var plan = fitPlan(list, zoomCap(list));
    preferredSide = {};
    plan.placed.forEach(function (p) {
      p.cluster.pins.forEach(function (pin) { preferredSide[pin.slot] = p.side; });
    });
    moveTo(plan.center, plan.zoom, animate);
  }

  function flyTo(lat, lon, zoom) {
    // "Show on map": one level closer than a fit may go; a pin there keeps its label in view.
    var latlng = L.latLng(lat, lon);
    if (typeof zoom !== "number") zoom = map.getZoom();
    zoom = Math.max(map.getMinZoom(), Math.min(zoom, detailZoom(latlng) + 1, map.getMaxZoom()));
    viewByHand = true;  // asked for ("Show on map"): kept like a view chosen by hand
    var here = pinList().filter(function (p) { return p.latlng.distanceTo(latlng) < 1; });
    if (!here.length) { moveTo(latlng, zoom); return; }
    zoom = Math.min(Math.max(zoom, separationZoom(here) + 1), map.getMaxZoom());  // a street apart
    var plan = fitPlan(here, zoom);
    moveTo(plan.center, plan.zoom);
  }

  // A resize (the window, a pane opening or closing, the splitter) fits the view to the
  // shown events again, once the size has settled, so that every current place and label
  // stays in view. Not when the viewer has moved the map by hand (or asked for "Show on
  // map") since the last step: the view they chose stays centred where it was, and the
  // next step fits the map again.
  var REFIT_AFTER_MS = 150;
  var viewByHand = false;
  var refitTimer = null;
  map.on("resize", function () {
    clearTimeout(refitTimer);
    refitTimer = setTimeout(function () { if (!viewByHand) fitCurrent(false); },
                            REFIT_AFTER_MS);
  });
  function movedByHand() { viewByHand = true; }
  // Leaflet's own gestures: drag (mouse, one finger), wheel, double click, pinch and
  // two-finger pan, shift-drag box zoom, the keyboard and the zoom buttons.
  map.on("dragstart boxzoomend dblclick", movedByHand);
  map.getContainer().addEventListener("wheel", movedByHand, { passive: true });
  map.getContainer().addEventListener("touchstart", function (e) {
    if (e.touches.length >= 2) movedByHand();
  }, { passive: true });
  map.getContainer().addEventListener("keydown", function (e) {
    if (/^(Arrow|\+|-|=|_)/.test(e.key) && e.target === map.getContainer()) movedByHand();
  });
  if (map.zoomControl) {
    map.zoomControl.getContainer().addEventListener("click", movedByHand, true);
  }

  // ---- separating nearby places ------------------------------------------------------------
  //
  // Sites 100 m apart (a town's streets) sit on one dot at a region's detail zoom: a fit may
  // then go closer, past the basemap's detail, until each current pin stands SEPARATE_PX
  // from the other pins and from its story's previous place, the step the viewer just saw
  // (place labels carry the orientation there). Older places do not pull the view closer.

  var SEPARATE_PX = 24, SEPARATE_MAX_ZOOM = 16, SAME_PLACE_M = 5;

  function previousPlace(pin) {
    var s = slots[pin.slot], best = -1;
    if (!s) return null;
    Object.keys(s.dots).forEach(function (j) {
      j = Number(j);
      if (j < pin.index && j > best && s.group.hasLayer(s.dots[j])) best = j;
    });
    return best >= 0 ? s.dots[best].getLatLng() : null;
  }

  function separationZoom(list) {
    var need = -Infinity;
    list.forEach(function (p) {
      var a = map.project(p.latlng, 0);
      var others = list.map(function (o) { return o.latlng; });
      var previous = previousPlace(p);
      if (previous) others.push(previous);
      others.forEach(function (q) {
        if (q === p.latlng || p.latlng.distanceTo(q) < SAME_PLACE_M) return;
        var d = a.distanceTo(map.project(q, 0));
        if (d > 0) need = Math.max(need, Math.log(SEPARATE_PX / d) / Math.LN2);
      });
    });
    return Math.min(SEPARATE_MAX_ZOOM, Math.floor(need * 4) / 4 + 0.25);
  }

  // ---- place names, theme, overlay opacity (labels.js; extra messages) ---------------------

  function labelObstacles() {
    // What a place name must not cover, in container pixels: the story's pins and labels,
    // the earlier events' dots and the map's controls.
    var out = [], box = map.getContainer().getBoundingClientRect();
    function rect(el, pad) {
      var r = el.getBoundingClientRect();
      if (r.width || r.height) out.push(Boxes.relative(el, box, pad));
    }
    pinList().forEach(function (p) {
      // the mark itself has no size (its dot and halo are placed around it): its dot does
      rect(p.mark.querySelector(".story-dot") || p.mark, 5);
      if (p.label) rect(p.label, 3);
    });
    Object.keys(slots).forEach(function (slot) {
      Object.keys(slots[slot].dots).forEach(function (j) {
        var dot = slots[slot].dots[j];
        if (!slots[slot].group.hasLayer(dot)) return;
        var pt = map.latLngToContainerPoint(dot.getLatLng());
        out.push({ l: pt.x - 7, t: pt.y - 7, r: pt.x + 7, b: pt.y + 7 });
      });
    });
    var controls = map.getContainer().querySelectorAll(".leaflet-control");
    for (var i = 0; i < controls.length; i++) rect(controls[i], 4);
    return out;
  }

  var placeLabels = window.StoryLabels ? window.StoryLabels(map, labelObstacles) : null;
  if (placeLabels) {
    (window.labelsRequest || fetch("storyplayer://app/basemap/labels.json")
      .then(function (r) { return r.json(); }))
      .then(function (json) { placeLabels.setData(json); })
      .catch(function (err) { send({ type: "error", message: "labels: " + err }); });
  }
  map.getContainer().addEventListener("contextmenu", function (e) { e.preventDefault(); });

  var HIGH_CONTRAST_STYLE = { sea: "#c4dbe6", land: "#fffaf0", coast: "#000000",
                              shore: "#00334d", lakeFill: "#c4dbe6", river: "#0050a0",
                              graticule: "#000000", border: "#5a1a0a" };
  var LIGHT_STYLE = L.extend({}, STYLE);
  var theme = { high_contrast: false, text_scale: 1 };
  var strings = { opacity: "Old map" };

  function applyTheme(msg) {
    var high = !!msg.high_contrast;
    var textScale = typeof msg.text_scale === "number" && msg.text_scale > 0 ? msg.text_scale : 1;
    if (high !== theme.high_contrast) {
      L.extend(STYLE, high ? HIGH_CONTRAST_STYLE : LIGHT_STYLE);
      document.body.classList.toggle("high-contrast", high);
      // the basemap's layers are rebuilt in the new colours, once, without a reload
      Object.keys(regions).forEach(function (name) {
        var reg = regions[name];
        [reg.base, reg.borders, reg.rivers].forEach(function (l) { if (l) map.removeLayer(l); });
        delete regions[name];
      });
      graticules = {};
      if (shownGraticule) { map.removeLayer(shownGraticule); shownGraticule = null; }
      updateGraticule();
      shownRegions = "";
      updateBasemap();
    }
    theme = { high_contrast: high, text_scale: textScale };
    document.body.style.setProperty("--map-text-scale", String(textScale));
    measurePins();
    layoutPins();
    if (placeLabels) placeLabels.setScale(textScale);
  }

  // The opacity slider: shown while a current event has a historical overlay, or a raster
  // layer is on, so a class can fade the old map against today's coastline.
  var opacity = { control: null, input: null, caption: null, value: null };

  function currentOverlays() {
    var out = [];
    Object.keys(slots).forEach(function (slot) {
      if (slots[slot].overlay) out.push(slots[slot].overlay.layer);
    });
    if (tileLayer) out.push(tileLayer);
    return out;
  }

  function opacityControl() {
    if (opacity.control) return opacity.control;
    var Control = L.Control.extend({
      options: { position: "topright" },
      onAdd: function () {
        var div = L.DomUtil.create("div", "opacity-control leaflet-control");
        var label = L.DomUtil.create("label", "", div);
        opacity.caption = L.DomUtil.create("span", "", label);
        opacity.caption.textContent = strings.opacity;
        opacity.input = L.DomUtil.create("input", "", label);
        opacity.input.type = "range";
        opacity.input.min = "0";
        opacity.input.max = "100";
        opacity.input.step = "5";
        L.DomEvent.disableClickPropagation(div);
        L.DomEvent.disableScrollPropagation(div);
        opacity.input.addEventListener("input", function () {
          opacity.value = Number(opacity.input.value) / 100;
          currentOverlays().forEach(function (l) { l.setOpacity(opacity.value); });
        });
        return div;
      }
    });
    opacity.control = new Control();
    return opacity.control;
  }

  function showOpacity() {
    var layers = currentOverlays(), control = opacityControl();
    if (!layers.length) {
      if (control._map) { map.removeControl(control); if (placeLabels) placeLabels.schedule(); }
      return;
    }
    if (!control._map) { control.addTo(map); if (placeLabels) placeLabels.schedule(); }
    if (opacity.value === null) {
      opacity.input.value = String(Math.round((layers[0].options.opacity || 0.7) * 100));
    } else {
      layers.forEach(function (l) { l.setOpacity(opacity.value); });
    }
  }

  function pageState() {
    var container = map.getContainer().getBoundingClientRect();
    var hc = getComputedStyle(document.body).getPropertyValue("--label-ink").trim();
    var b = map.getBounds();
    return {
      zoom: map.getZoom(),
      center: map.getCenter(),
      bounds: [[b.getSouth(), b.getWest()], [b.getNorth(), b.getEast()]],
      regions: shownRegions,  // "name,name|borders": the basemap regions drawn
      timings: timings,
      markers: Object.keys(markers).map(function (k) { return markers[k].storyInfo; }),
      size: { width: container.width, height: container.height },
      visualScale: window.visualViewport ? window.visualViewport.scale : 1,
      names: { lang: placeLabels ? placeLabels.names().lang : "en",
               date: placeLabels ? placeLabels.names().date : null },
      labels: placeLabels ? placeLabels.state() : [],
      labelCost: placeLabels ? placeLabels.cost() : null,
      obstacles: labelObstacles(),
      theme: { high_contrast: document.body.classList.contains("high-contrast"),
               text_scale: theme.text_scale, label_ink: hc, coast: STYLE.coast },
      opacity: opacity.control && opacity.control._map
        ? { shown: true, value: Number(opacity.input.value) / 100,
            layers: currentOverlays().map(function (l) { return l.options.opacity; }) }
        : { shown: false }
    };
  }

  function extendHandlers(table) {
    table.names = function (msg) {
      if (msg.strings && typeof msg.strings.opacity === "string") {
        strings.opacity = msg.strings.opacity;
        if (opacity.caption) opacity.caption.textContent = strings.opacity;
      }
      if (msg.strings) setCredits(msg.strings);
      if (placeLabels) placeLabels.setNames(msg);
    };
    table.theme = applyTheme;
    var setOptions = table.options;
    table.options = function (msg) {
      setOptions(msg);
      // Reduced motion: a pinch ends where the fingers leave it, with no zoom animation
      // (whose CSS transition reduced motion turns off, which left Leaflet waiting for it).
      map.options.zoomAnimation = !msg.reduced_motion;
    };
    table.query = function (msg) { send({ type: "state", seq: msg.seq, state: pageState() }); };
  }

  // ---- messages --------------------------------------------------------------------------

  var handlers = {
    stories: function (msg) {
      clearAll();
      (msg.stories || []).forEach(function (s) {
        stories[s.slot] = { color: safeColor(s.color, s.slot), title: String(s.title || ""),
                            events: s.events || [], path: pathStyle(s.path || {}, s.slot) };
      });
    },
    show: function (msg) {
      var story = stories[msg.slot];
      if (story && msg.index >= 0 && msg.index < story.events.length) {
        current[msg.slot] = msg.index;
        drawSlot(msg.slot);
      }
      layoutPins();
      showOpacity();
      send({ type: "shown", seq: msg.seq });
      if (placeLabels) placeLabels.schedule();  // after the answer: names wait, a step not
      // An event with no place leaves the map where it is.
      if (story && placed(story.events[msg.index]) && msg.fit !== false) scheduleFit();
    },
    fly: function (msg) {
      flyTo(msg.lat, msg.lon, msg.zoom);
    },
    "fly-to-event": function (msg) {
      var story = stories[msg.slot], ev = story && story.events[msg.index];
      // The event's own zoom, else one level closer than a fit's default.
      if (placed(ev)) flyTo(ev.lat, ev.lon, typeof ev.zoom === "number" ? ev.zoom
                                                                      : DEFAULT_PLACE_ZOOM + 1);
    },
    fit: function () { fitCurrent(); },
    options: function (msg) {
      options.reduced_motion = !!msg.reduced_motion;
      options.borders = !!msg.borders;
      setTiles(msg.tiles || null);
      document.body.classList.toggle("reduced-motion", options.reduced_motion);
      shownRegions = "";
      updateBasemap();
    },
    clear: clearAll
  };

  function escapeText(s) {
    var el = document.createElement("span");
    el.textContent = String(s || "");
    return el.innerHTML;
  }

  function setTiles(tiles) {
    if (tileLayer) { map.removeLayer(tileLayer); tileLayer = null; }
    if (!tiles || !tiles.url) { map.setMaxZoom(SETUP.max_zoom); return; }
    tileMaxZoom = tiles.max_zoom || SETUP.tile_max_zoom;
    map.setMaxZoom(Math.max(SETUP.max_zoom, tileMaxZoom));
    tileLayer = L.tileLayer(tiles.url, {
      pane: "tiles", attribution: escapeText(tiles.attribution), maxZoom: tileMaxZoom, opacity: 0.9
    }).addTo(map);
  }

  function handle(msg) {
    var fn = msg && handlers[msg.type];
    if (!fn) {
      send({ type: "error", message: "unknown message type: " + (msg && msg.type) });
      return;
    }
    try {
      fn(msg);
    } catch (err) {
      send({ type: "error", message: msg.type + ": " + (err && err.stack || err) });
    }
  }
  extendHandlers(handlers);

  // ---- the story editor --------------------------------------------------------------------
  // While editing, a click on the map sets the selected event's place (map-clicked), and the
  // event's marker can be dragged (marker-dragged). Python owns the place: it answers with
  // edit-marker once the story has changed.

  var editing = { on: false, marker: null };

  function editClick(e) {
    if (!editing.on) return;
    send({ type: "map-clicked", lat: e.latlng.lat, lon: e.latlng.lng });
  }
  map.on("click", editClick);

  handlers.edit = function (msg) {
    editing.on = !!msg.on;
    map.getContainer().classList.toggle("editing", editing.on);
    if (!editing.on && editing.marker) {
      map.removeLayer(editing.marker);
      editing.marker = null;
    }
  };

  handlers["edit-marker"] = function (msg) {
    if (typeof msg.lat !== "number" || typeof msg.lon !== "number") {
      if (editing.marker) map.removeLayer(editing.marker);
      editing.marker = null;
      return;
    }
    var at = L.latLng(msg.lat, msg.lon);
    if (!editing.marker) {
      var el = document.createElement("div");
      el.className = "edit-marker-body";
      editing.marker = L.marker(at, {
        draggable: true, keyboard: false, zIndexOffset: 2000,
        icon: L.divIcon({ className: "edit-marker", html: el, iconSize: [22, 22],
                          iconAnchor: [11, 11] })
      }).addTo(map);
      editing.marker.on("dragend", function () {
        var p = editing.marker.getLatLng();
        send({ type: "marker-dragged", lat: p.lat, lon: p.lng });
      });
    } else {
      editing.marker.setLatLng(at);
    }
    if (!map.getBounds().pad(-0.1).contains(at)) map.panTo(at, { animate: false });
  };

  // ---- start -----------------------------------------------------------------------------

  loadBasemap();
  var bridgeRequest = window.bridgeRequest || new Promise(function (resolve) {
    new QWebChannel(qt.webChannelTransport, function (ch) { resolve(ch.objects.bridge); });
  });
  bridgeRequest.then(function (b) {
    timings.channel = performance.now();
    bridge = b;
    bridge.message.connect(function (text) {
      var msg;
      try { msg = JSON.parse(text); } catch (err) {
        send({ type: "error", message: "bad JSON from Python" });
        return;
      }
      handle(msg);
    });
    maybeReady();
    // "fetched" once every file the page starts with has arrived (or failed): the rest of
    // its loading, parsing and drawing them, is its own work and needs nothing from Python,
    // whose thread answers the page's requests. The app builds its window meanwhile.
    var downloads = (window.startupDownloads || []).map(function (d) {
      return d.catch(function () { return null; });
    });
    Promise.all(downloads).then(function () { send({ type: "fetched" }); });
  });
})();
