/* Story Player's map page: an offline Leaflet atlas driven by JSON messages from Python.
 *
 * Python -> page: bridge.message(json) -> handle(msg), dispatching on msg.type.
 * Page -> Python: bridge.send(json) with ready / shown / marker-clicked / error.
 * Story text reaches the DOM only through textContent.
 */
(function () {
  "use strict";

  var STYLE = {
    sea: "#d5e1e6",
    land: "#f3ead6",
    coast: "#8c8272",
    shore: "#a9b7bb",
    lakeFill: "#d5e1e6",
    river: "#6b9cc2",
    graticule: "#8a7d66",
    border: "#9a7b72"
  };
  var REGIONS = [
    { name: "world", minZoom: 0, riverZoom: 99 },
    { name: "europe", minZoom: 4, riverZoom: 5 },
    { name: "baltic", minZoom: 7, riverZoom: 5 }  // Europe's rivers leave the Baltic to it
  ];
  var FALLBACK_COLORS = ["#b03a2e", "#1f618d", "#7d6608"];

  var timings = { script: performance.now() };  // ms since navigation, for diagnostics
  var bridge = null;
  var basemapDrawn = false;
  var readySent = false;
  var options = { reduced_motion: false, borders: false, tiles: null };
  var stories = {};   // slot -> {color, title, events}
  var current = {};   // slot -> index of the current event
  var storyLayers = {}; // slot -> L.LayerGroup
  var markers = {};   // "slot:index" -> L.CircleMarker
  var labels = {};    // slot -> the current event's L.Tooltip
  var tileLayer = null;

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
    maxZoom: 12,
    zoomSnap: 0.25,
    maxBounds: [[-85, -200], [85, 200]]
  }).setView([58.6, 25.0], 6);
  map.attributionControl.setPrefix("Leaflet");
  map.attributionControl.addAttribution("Coastlines: GSHHG");
  L.control.scale({ imperial: false, maxWidth: 140 }).addTo(map);

  map.createPane("basemap").style.zIndex = 200;
  map.createPane("rivers").style.zIndex = 230;
  map.createPane("graticule").style.zIndex = 240;
  map.createPane("borders").style.zIndex = 250;
  map.createPane("storyShapes").style.zIndex = 420;
  var baseRenderer = L.canvas({ pane: "basemap", padding: 0.3 });
  var borderRenderer = L.canvas({ pane: "borders", padding: 0.3 });
  var graticuleRenderer = L.canvas({ pane: "graticule", padding: 0.3 });
  var riverRenderer = L.canvas({ pane: "rivers", padding: 0.3 });
  var storyRenderer = L.canvas({ pane: "storyShapes", padding: 0.3 });
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
      renderer: riverRenderer, color: STYLE.river, weight: 1.2, opacity: 0.85,
      interactive: false, smoothFactor: 0.8
    });
  }

  function buildBorders(data) {
    return L.polyline(data.borders.map(function (r) { return decode(r, data.scale); }), {
      renderer: borderRenderer, color: STYLE.border, weight: 1.1, opacity: 0.8,
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
      renderer: graticuleRenderer, color: STYLE.graticule, weight: 0.5, opacity: 0.22,
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

  function clearSlot(slot) {
    if (storyLayers[slot]) {
      map.removeLayer(storyLayers[slot]);
      delete storyLayers[slot];
    }
    Object.keys(markers).forEach(function (k) {
      if (k.split(":")[0] === String(slot)) delete markers[k];
    });
    delete labels[slot];
  }

  function markerFor(slot, index, ev, color, isCurrent) {
    var m = L.circleMarker([ev.lat, ev.lon], isCurrent ? {
      renderer: markerRenderer, radius: 8, color: "#ffffff", weight: 2.5, opacity: 1,
      fillColor: color, fillOpacity: 1
    } : {
      renderer: markerRenderer, radius: 4, color: color, weight: 1, opacity: 0.55,
      fillColor: color, fillOpacity: 0.35
    });
    m.on("click", function () { send({ type: "marker-clicked", slot: slot, index: index }); });
    m.storyInfo = { slot: slot, index: index, lat: ev.lat, lon: ev.lon, color: color,
                    current: isCurrent };
    markers[slot + ":" + index] = m;
    return m;
  }

  function drawSlot(slot) {
    clearSlot(slot);
    var story = stories[slot], index = current[slot];
    if (!story || index === undefined) return;
    var color = story.color, group = L.layerGroup();
    var events = story.events;
    var path = [], lastPlaced = -1;
    for (var i = 0; i <= index && i < events.length; i++) {
      if (placed(events[i])) { path.push([events[i].lat, events[i].lon]); lastPlaced = i; }
    }
    if (path.length > 1) {
      L.polyline(path, { renderer: storyRenderer, color: color, weight: 2.2, opacity: 0.7,
                         dashArray: "6 5", interactive: false }).addTo(group);
    }
    var ev = events[index];
    if (ev && ev.geometry) {
      L.geoJSON(ev.geometry, {
        style: { renderer: storyRenderer, color: color, weight: 2.5, opacity: 0.9,
                 fillColor: color, fillOpacity: 0.15 },
        pointToLayer: function (f, latlng) {
          return L.circleMarker(latlng, { renderer: storyRenderer, radius: 5, color: color });
        },
        interactive: false
      }).addTo(group);
    }
    if (ev && ev.overlay && ev.overlay.url && ev.overlay.bounds) {
      L.imageOverlay(ev.overlay.url, ev.overlay.bounds, {
        opacity: typeof ev.overlay.opacity === "number" ? ev.overlay.opacity : 0.7,
        interactive: false, className: "story-overlay"
      }).addTo(group);
    }
    for (var j = 0; j <= index && j < events.length; j++) {
      if (!placed(events[j]) || j === lastPlaced) continue;
      markerFor(slot, j, events[j], color, false).addTo(group);
    }
    if (lastPlaced >= 0) {
      var cur = events[lastPlaced];
      L.circleMarker([cur.lat, cur.lon], {
        renderer: storyRenderer, radius: 15, stroke: false, fillColor: color, fillOpacity: 0.18,
        interactive: false
      }).addTo(group);
      var m = markerFor(slot, lastPlaced, cur, color, true).addTo(group);
      var label = cur.name || cur.title || "";
      if (label) {
        m.bindTooltip(labelElement(label, color), {
          permanent: true, direction: "auto", offset: [0, 0], className: "story-tooltip",
          opacity: 1
        });
        labels[slot] = m.getTooltip();
      }
    }
    group.addTo(map);
    storyLayers[slot] = group;
  }

  // ---- labels that keep out of each other's way -------------------------------------------

  function overlaps(a, b) {
    return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  }

  function declutterLabels() {
    var placedRects = [];
    Object.keys(labels).sort().forEach(function (slot) {
      var tip = labels[slot];
      if (!tip || !tip.getElement()) return;
      var tries = ["auto", "left", "right", "top", "bottom"];
      for (var i = 0; i < tries.length; i++) {
        tip.options.direction = tries[i];
        tip.update();
        var rect = tip.getElement().getBoundingClientRect();
        if (!placedRects.some(function (r) { return overlaps(r, rect); }) || i === tries.length - 1) {
          placedRects.push(rect);
          return;
        }
      }
    });
  }
  map.on("zoomend moveend", declutterLabels);

  function currentPlaces() {
    var out = [];
    Object.keys(current).forEach(function (slot) {
      var story = stories[slot];
      if (!story) return;
      for (var i = current[slot]; i >= 0; i--) {
        var ev = story.events[i];
        if (placed(ev)) { out.push(ev); return; }
      }
    });
    return out;
  }

  function moveTo(latlng, zoom) {
    if (options.reduced_motion) map.setView(latlng, zoom, { animate: false });
    else map.flyTo(latlng, zoom, { duration: 1.2 });
  }

  var fitPending = false;
  function scheduleFit() {
    // Shows that arrive together (three panes starting at once) move the view once.
    if (fitPending) return;
    fitPending = true;
    setTimeout(function () { fitPending = false; fitCurrent(); }, 0);
  }

  function fitCurrent() {
    var places = currentPlaces();
    if (!places.length) return;
    if (places.length === 1) {
      moveTo([places[0].lat, places[0].lon], places[0].zoom || 8);
      return;
    }
    var bounds = L.latLngBounds(places.map(function (p) { return [p.lat, p.lon]; }));
    var maxZoom = Math.min.apply(null, places.map(function (p) { return p.zoom || 9; }));
    // Labels face the middle of the map (direction "auto"), so the padding stays even.
    var opts = { padding: [60, 60], maxZoom: Math.max(3, maxZoom) };
    if (options.reduced_motion) map.fitBounds(bounds, L.extend({ animate: false }, opts));
    else map.flyToBounds(bounds, L.extend({ duration: 1.2 }, opts));
  }

  // ---- messages --------------------------------------------------------------------------

  var handlers = {
    stories: function (msg) {
      Object.keys(storyLayers).forEach(clearSlot);
      stories = {};
      current = {};
      (msg.stories || []).forEach(function (s) {
        stories[s.slot] = { color: safeColor(s.color, s.slot), title: String(s.title || ""),
                            events: s.events || [] };
      });
    },
    show: function (msg) {
      var story = stories[msg.slot];
      if (story && msg.index >= 0 && msg.index < story.events.length) {
        current[msg.slot] = msg.index;
        drawSlot(msg.slot);
      }
      declutterLabels();
      send({ type: "shown", seq: msg.seq });
      // An event with no place leaves the map where it is.
      if (story && placed(story.events[msg.index])) scheduleFit();
    },
    fly: function (msg) {
      moveTo([msg.lat, msg.lon], typeof msg.zoom === "number" ? msg.zoom : map.getZoom());
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
    clear: function () {
      Object.keys(storyLayers).forEach(clearSlot);
      stories = {};
      current = {};
    }
  };

  function escapeText(s) {
    var el = document.createElement("span");
    el.textContent = String(s || "");
    return el.innerHTML;
  }

  function setTiles(tiles) {
    if (tileLayer) { map.removeLayer(tileLayer); tileLayer = null; }
    if (!tiles || !tiles.url) return;
    tileLayer = L.tileLayer(tiles.url, {
      attribution: escapeText(tiles.attribution), maxZoom: tiles.max_zoom || 18, opacity: 0.9
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
  window.handle = handle;

  // Read-back for tests and diagnostics.
  window.storyMapState = function () {
    return JSON.stringify({
      ready: readySent,
      zoom: map.getZoom(),
      center: map.getCenter(),
      regions: shownRegions,
      timings: timings,
      markers: Object.keys(markers).map(function (k) { return markers[k].storyInfo; })
    });
  };
  window.storyMapBounds = function () {
    var b = map.getBounds();
    return [[b.getSouth(), b.getWest()], [b.getNorth(), b.getEast()]];
  };
  window.storyMapMarker = function (slot, index) { return markers[slot + ":" + index] || null; };

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
  });
})();
