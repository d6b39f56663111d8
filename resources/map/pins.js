/* The story pins' layout engine, in pixels and free of the map: pins within PIN.clusterPx of
 * each other share a small ring around their middle, their labels stacked on one side; a
 * label faces the middle and flips to the other side, or moves up or down, when it would
 * leave the view or cover another box. map.js gives it the pins' pixels (world pixels at a
 * zoom still to come while fitting, container pixels for the view) and applies the result.
 *
 * A pin here is {slot, label (an element or null), w, h}: the label's measured size.
 */
(function () {
  "use strict";

  var Boxes = window.StoryBoxes;
  var PIN = { halo: 15, mark: 11, gap: 15, clusterPx: 18, labelGap: 3 };

  function ringShifts(n) {
    if (n < 2) return [[0, 0]];
    var r = n === 2 ? 10 : 12, out = [];
    for (var k = 0; k < n; k++) {
      var a = -Math.PI / 2 + k * 2 * Math.PI / n;
      out.push([r * Math.cos(a), r * Math.sin(a)]);
    }
    return out;
  }

  function clusters(list, px) {
    var out = [];
    list.forEach(function (p) {
      var pt = px[p.slot];
      for (var i = 0; i < out.length; i++) {
        if (out[i].first.distanceTo(pt) < PIN.clusterPx) { out[i].pins.push(p); return; }
      }
      out.push({ first: pt, pins: [p] });
    });
    out.forEach(function (c) {
      var x = 0, y = 0;
      c.pins.forEach(function (p) { x += px[p.slot].x; y += px[p.slot].y; });
      c.x = x / c.pins.length;
      c.y = y / c.pins.length;
    });
    return out;
  }

  function placeCluster(c, side, nudge) {
    // Absolute pixel positions of the cluster's marks and labels for one side and nudge.
    var shifts = ringShifts(c.pins.length);
    var marks = c.pins.map(function (p, k) {
      return { pin: p, x: c.x + shifts[k][0], y: c.y + shifts[k][1] };
    });
    var box = { l: Infinity, t: Infinity, r: -Infinity, b: -Infinity };
    function grow(l, t, r, b) {
      box.l = Math.min(box.l, l); box.t = Math.min(box.t, t);
      box.r = Math.max(box.r, r); box.b = Math.max(box.b, b);
    }
    marks.forEach(function (m) {
      grow(m.x - PIN.mark, m.y - PIN.mark, m.x + PIN.mark, m.y + PIN.mark);
    });
    var minX = box.l + PIN.mark, maxX = box.r - PIN.mark;
    var stacked = marks.filter(function (m) { return m.pin.label; }).sort(function (a, b) {
      return a.y - b.y || a.pin.slot - b.pin.slot;
    });
    var total = stacked.reduce(function (s, m) { return s + m.pin.h; }, 0) +
      PIN.labelGap * Math.max(0, stacked.length - 1);
    var step = (stacked.length ? stacked[0].pin.h : 24) + PIN.labelGap;
    var y = c.y - total / 2 + nudge * step;
    var labels = stacked.map(function (m) {
      var w = m.pin.w, h = m.pin.h;
      var x = side === "right" ? maxX + PIN.gap : minX - PIN.gap - w;
      var rect = { pin: m.pin, l: x, t: y, r: x + w, b: y + h };
      grow(rect.l, rect.t, rect.r, rect.b);
      y += h + PIN.labelGap;
      return rect;
    });
    return { cluster: c, side: side, nudge: nudge, marks: marks, labels: labels, box: box };
  }

  function outside(box, view) {
    if (!view) return 0;
    return Math.max(0, view.l - box.l) + Math.max(0, box.r - view.r) +
      Math.max(0, view.t - box.t) + Math.max(0, box.b - view.b);
  }

  function arrange(list, px, view, obstacles, preferredSide) {
    // view: {l, t, r, b} the usable rectangle, or null while fitting; preferredSide: slot ->
    // the side the last fit chose for its label.
    var cs = clusters(list, px);
    var xs = cs.map(function (c) { return c.x; });
    var mid = view ? (view.l + view.r) / 2 : (Math.min.apply(null, xs) + Math.max.apply(null, xs)) / 2;
    var taken = (obstacles || []).slice(), out = [];
    cs.forEach(function (c) {
      var inward = (cs.length > 1 || view) && c.x > mid ? "left" : "right";
      var preferred = view && preferredSide ? preferredSide[c.pins[0].slot] : null;
      var sides = [preferred || inward];
      sides.push(sides[0] === "right" ? "left" : "right");
      var best = null;
      [0, 1, -1, 2, -2].forEach(function (nudge, ni) {
        sides.forEach(function (side, si) {
          var p = placeCluster(c, side, nudge);
          var covered = 0;
          p.labels.concat([p.box]).forEach(function (r) {
            taken.forEach(function (t) { covered += Boxes.overlapArea(r, t); });
          });
          p.score = outside(p.box, view) * 50 + covered + ni * 4 + si * 2;
          if (!best || p.score < best.score) best = p;
        });
      });
      best.labels.forEach(function (r) { taken.push(r); });
      best.marks.forEach(function (m) {
        taken.push({ l: m.x - PIN.mark, t: m.y - PIN.mark, r: m.x + PIN.mark, b: m.y + PIN.mark });
      });
      out.push(best);
    });
    var box = { l: Infinity, t: Infinity, r: -Infinity, b: -Infinity };
    out.forEach(function (p) {
      box.l = Math.min(box.l, p.box.l); box.t = Math.min(box.t, p.box.t);
      box.r = Math.max(box.r, p.box.r); box.b = Math.max(box.b, p.box.b);
    });
    return { placed: out, box: box };
  }

  window.StoryPins = { PIN: PIN, arrange: arrange };
})();
