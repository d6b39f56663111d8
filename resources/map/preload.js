/*
 * Runs before Leaflet is parsed, so that its work overlaps Leaflet's:
 * starts the basemap downloads, and connects to Python (map.js picks both up).
 * A file rather than an inline script: the page's policy allows no inline script at all.
 */
(function () {
  "use strict";
  // The downloads themselves (not their parsing), for map.js to tell Python when all are in.
  window.startupDownloads = [];
  function download(url) {
    var request = fetch(url);
    window.startupDownloads.push(request);
    return request;
  }
  window.basemapRequests = {};
  window.storyMapSetup.regions.forEach(function (region) {
    var name = region.name;
    window.basemapRequests[name] = download("storyplayer://app/basemap/" + name + ".json")
      .then(function (r) {
        if (!r.ok) throw new Error("basemap " + name + ": " + r.status);
        return r.json();
      });
  });
  window.labelsRequest = download("storyplayer://app/basemap/labels.json").then(function (r) {
    if (!r.ok) throw new Error("labels: " + r.status);
    return r.json();
  });
  window.bridgeRequest = new Promise(function (resolve) {
    new QWebChannel(qt.webChannelTransport, function (channel) {
      resolve(channel.objects.bridge);
    });
  });
})();
