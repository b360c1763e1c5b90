/* Draw the findings' charts from the options the server put in <script type="application/json">.
   Without JavaScript the table under each chart shows the same numbers. */
(function () {
  "use strict";
  function draw() {
    if (!window.echarts) { return; }
    var charts = [];
    document.querySelectorAll("[data-chart]").forEach(function (box) {
      var source = document.getElementById(box.getAttribute("data-chart"));
      if (!source) { return; }
      box.hidden = false;
      // Set through the CSSOM: the Content-Security-Policy forbids style attributes in markup.
      box.style.height = (parseInt(box.getAttribute("data-height"), 10) || 240) + "px";
      var table = box.parentElement.querySelector(".chart-table");
      if (table) { table.classList.add("visually-hidden"); }
      var chart = window.echarts.init(box, null, { renderer: "svg" });
      chart.setOption(JSON.parse(source.textContent));
      charts.push(chart);
    });
    window.addEventListener("resize", function () {
      charts.forEach(function (chart) { chart.resize(); });
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();
