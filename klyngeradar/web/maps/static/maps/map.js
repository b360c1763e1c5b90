/* Draw a municipality map from the spec the server put in <script type="application/json">.
   The server prepared every number, colour and tooltip; this only draws and switches
   between layers and between the region and the whole country. Without JavaScript the
   table under the map shows the same figures. */
(function () {
  "use strict";
  var geometries = {};

  function geometry(url) {
    if (!geometries[url]) {
      geometries[url] = fetch(url, { credentials: "same-origin" }).then(function (response) {
        if (!response.ok) { throw new Error("geometry " + response.status); }
        return response.json();
      });
    }
    return geometries[url];
  }

  function register(name, collection, codes) {
    var features = collection.features;
    if (codes) {
      var wanted = {};
      codes.forEach(function (code) { wanted[code] = true; });
      features = features.filter(function (f) { return wanted[f.properties.code]; });
    }
    window.echarts.registerMap(name, { type: "FeatureCollection", features: features });
  }

  function option(spec, layer, zoom) {
    var mapName = zoom === "country" ? "klyngeradar-dk" : "klyngeradar-region-" + spec.id;
    var data = layer.data.map(function (item) {
      var copy = Object.assign({}, item);
      if (spec.selected && item.name === spec.selected) {
        copy.itemStyle = Object.assign({}, item.itemStyle, { borderColor: "#c77700", borderWidth: 3 });
      }
      return copy;
    });
    var byCode = {};
    data.forEach(function (item) { byCode[item.name] = item; });
    return {
      animation: false,
      aria: { enabled: true },
      tooltip: {
        trigger: "item",
        formatter: function (params) {
          var item = byCode[params.name];
          var text = item ? item.tooltip : spec.names[params.name] + ": " + spec.labels.outside;
          var box = document.createElement("div");
          text.split("\n").forEach(function (line, i) {
            var el = document.createElement(i === 0 ? "strong" : "div");
            el.textContent = line;
            box.appendChild(el);
          });
          return box;
        }
      },
      series: [{
        type: "map",
        map: mapName,
        nameProperty: "code",
        roam: true,
        // Degrees of longitude are shorter than degrees of latitude at 56° N.
        aspectScale: 0.56,
        selectedMode: false,
        label: { show: false },
        emphasis: { label: { show: false }, itemStyle: { areaColor: "#f2c46d" } },
        itemStyle: { areaColor: spec.outside, borderColor: "#5b6572", borderWidth: 0.5 },
        data: data
      }]
    };
  }

  function setPressed(buttons, attribute, value) {
    buttons.forEach(function (b) {
      b.setAttribute("aria-pressed", b.getAttribute(attribute) === value ? "true" : "false");
    });
  }

  function draw(card) {
    card.setAttribute("data-map-ready", "pending");
    var source = document.getElementById(card.getAttribute("data-map"));
    if (!source || !window.echarts) { card.removeAttribute("data-map-ready"); return; }
    var spec = JSON.parse(source.textContent);
    spec.id = card.getAttribute("data-map");
    var box = card.querySelector(".map-canvas");
    var controls = card.querySelector(".map-controls");
    geometry(spec.geometry).then(function (collection) {
      spec.names = {};
      collection.features.forEach(function (f) { spec.names[f.properties.code] = f.properties.name; });
      register("klyngeradar-dk", collection, null);
      register("klyngeradar-region-" + spec.id, collection, spec.region);
      box.hidden = false;
      controls.hidden = false;
      var chart = window.echarts.init(box, null, { renderer: "svg" });
      var state = { layer: spec.layers[0], zoom: "region" };
      function show() { chart.setOption(option(spec, state.layer, state.zoom), true); }
      var layerButtons = card.querySelectorAll("[data-map-layer]");
      var layerSelect = card.querySelector("[data-map-select]");
      function choose(key) {
        state.layer = spec.layers.filter(function (l) { return l.key === key; })[0];
        setPressed(layerButtons, "data-map-layer", key);
        card.querySelectorAll("[data-map-notes]").forEach(function (notes) {
          notes.hidden = notes.getAttribute("data-map-notes") !== key;
        });
        show();
        card.setAttribute("data-map-layer-shown", key);
      }
      layerButtons.forEach(function (button) {
        button.addEventListener("click", function () { choose(button.getAttribute("data-map-layer")); });
      });
      // Many layers (e.g. one per business area) are chosen from a list instead of buttons.
      if (layerSelect) {
        layerSelect.addEventListener("change", function () { choose(layerSelect.value); });
      }
      var zoomButtons = card.querySelectorAll("[data-map-zoom]");
      zoomButtons.forEach(function (button) {
        button.addEventListener("click", function () {
          state.zoom = button.getAttribute("data-map-zoom");
          setPressed(zoomButtons, "data-map-zoom", state.zoom);
          show();
        });
      });
      show();
      card.setAttribute("data-map-layer-shown", state.layer.key);
      card.setAttribute("data-map-ready", "true");
      window.addEventListener("resize", function () { chart.resize(); });
    }).catch(function () {
      // The table below still has every figure; say nothing more than the map is missing.
      card.setAttribute("data-map-ready", "failed");
    });
  }

  function start() {
    document.querySelectorAll("[data-map]:not([data-map-ready])").forEach(draw);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
  // A map inside a fragment that htmx swapped in (e.g. the filtered agreements) is drawn too.
  document.body.addEventListener("htmx:afterSettle", start);
})();
