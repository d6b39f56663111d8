/* Boxes in container pixels ({l, t, r, b}), shared by the story pins (pins.js, map.js) and
 * the place names (labels.js): how much two overlap, whether one hits any of a list, and an
 * element's box relative to the map.
 */
(function () {
  "use strict";

  function overlapArea(a, b) {
    var w = Math.min(a.r, b.r) - Math.max(a.l, b.l), h = Math.min(a.b, b.b) - Math.max(a.t, b.t);
    return w > 0 && h > 0 ? w * h : 0;
  }

  function hits(box, taken, pad) {
    // Whether `box`, grown by `pad` on every side, overlaps any box of `taken`.
    pad = pad || 0;
    for (var i = 0; i < taken.length; i++) {
      var t = taken[i];
      if (box.l - pad < t.r && t.l < box.r + pad && box.t - pad < t.b && t.t < box.b + pad) {
        return true;
      }
    }
    return false;
  }

  function relative(el, container, pad) {
    // `el`'s box in the pixels of `container` (a DOMRect), grown by `pad`.
    var r = el.getBoundingClientRect();
    pad = pad || 0;
    return { l: r.left - container.left - pad, t: r.top - container.top - pad,
             r: r.right - container.left + pad, b: r.bottom - container.top + pad };
  }

  window.StoryBoxes = { overlapArea: overlapArea, hits: hits, relative: relative };
})();
