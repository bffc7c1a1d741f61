// Optional map for placing an organisation's pin (organisations/map.html).
// Nothing is requested from the tile server, and Leaflet is not loaded, until the user
// clicks "Show map". The latitude/longitude inputs stay the accessible way to enter the
// position; the map only writes into them (and follows them).
(function () {
  "use strict";

  var FALLBACK = { lat: 52.0, lng: 11.7, zoom: 8 }; // Sachsen-Anhalt
  var PIN_ZOOM = 14;

  function loadStyle(href) {
    return new Promise(function (resolve, reject) {
      if (document.querySelector("link[data-leaflet]")) return resolve();
      var link = document.createElement("link");
      link.rel = "stylesheet";
      link.href = href;
      link.setAttribute("data-leaflet", "");
      link.onload = function () { resolve(); };
      link.onerror = reject;
      document.head.appendChild(link);
    });
  }

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      if (window.L) return resolve(window.L);
      var script = document.createElement("script");
      script.src = src;
      script.onload = function () { window.L ? resolve(window.L) : reject(new Error("no Leaflet")); };
      script.onerror = reject;
      document.head.appendChild(script);
    });
  }

  function parse(input) {
    var text = (input.value || "").trim().replace(",", ".").replace(/\s+/g, "");
    if (!text) return null;
    var number = Number(text);
    return isFinite(number) ? number : null;
  }

  function escapeText(text) {
    var span = document.createElement("span");
    span.textContent = text;
    return span.innerHTML;
  }

  function setUp(picker) {
    var button = picker.querySelector("[data-map-show]");
    var status = picker.querySelector("[data-map-status]");
    var container = picker.querySelector("[data-map]");
    var latInput = document.getElementById(picker.dataset.latitudeInput);
    var lngInput = document.getElementById(picker.dataset.longitudeInput);
    if (!button || !container || !latInput || !lngInput) return;
    picker.hidden = false;

    button.addEventListener("click", function () {
      button.disabled = true;
      Promise.all([loadStyle(picker.dataset.leafletCss), loadScript(picker.dataset.leafletJs)]).then(function (loaded) {
        show(loaded[1]);
      }, function () {
        button.disabled = false;
        status.textContent = picker.dataset.error;
      });
    });

    function show(L) {
      var lat = parse(latInput), lng = parse(lngInput);
      var known = lat !== null && lng !== null;
      var centre = known ? [lat, lng] : [FALLBACK.lat, FALLBACK.lng];
      container.hidden = false;
      var map = L.map(container, { zoomControl: false }).setView(centre, known ? PIN_ZOOM : FALLBACK.zoom);
      L.control.zoom({ zoomInTitle: picker.dataset.zoomIn, zoomOutTitle: picker.dataset.zoomOut }).addTo(map);
      L.tileLayer(picker.dataset.tileUrl, {
        attribution: escapeText(picker.dataset.attribution || ""),
        maxZoom: 19,
      }).addTo(map);
      var marker = L.marker(centre, {
        draggable: true,
        autoPan: true,
        alt: picker.dataset.markerLabel,
        title: picker.dataset.markerLabel,
      }).addTo(map);

      marker.on("dragend", function () {
        var position = marker.getLatLng();
        latInput.value = position.lat.toFixed(6);
        lngInput.value = position.lng.toFixed(6);
        latInput.dispatchEvent(new Event("change", { bubbles: true }));
        lngInput.dispatchEvent(new Event("change", { bubbles: true }));
      });

      function follow() {
        var newLat = parse(latInput), newLng = parse(lngInput);
        if (newLat === null || newLng === null) return;
        if (newLat < -90 || newLat > 90 || newLng < -180 || newLng > 180) return;
        marker.setLatLng([newLat, newLng]);
        map.panTo([newLat, newLng]);
      }
      latInput.addEventListener("input", follow);
      lngInput.addEventListener("input", follow);

      button.hidden = true;
      container.focus();
    }
  }

  function init() {
    var pickers = document.querySelectorAll("[data-map-picker]");
    for (var i = 0; i < pickers.length; i++) setUp(pickers[i]);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
