/* Draw the region's areas by location quotient from the data the server put in
   <script type="application/json" id="specialisation-chart">. Without JavaScript
   the table beside the chart shows the same numbers. */
(function () {
  "use strict";
  function draw() {
    var box = document.querySelector("[data-specialisation-chart]");
    if (!box || !window.echarts) { return; }
    var source = document.getElementById(box.getAttribute("data-specialisation-chart"));
    if (!source) { return; }
    var data = JSON.parse(source.textContent);
    if (!data.labels.length) { return; }
    var danish = (document.documentElement.lang || "da").indexOf("da") === 0;
    var format = function (value) {
      var text = value.toFixed(2);
      return danish ? text.replace(".", ",") : text;
    };
    box.hidden = false;
    box.classList.add("specialisation-chart-" + Math.min(data.labels.length, 16));
    var chart = window.echarts.init(box, null, { renderer: "svg" });
    // Highest LQ at the top: ECharts draws a category axis from the bottom up.
    var labels = data.labels.slice().reverse();
    var values = data.values.slice().reverse();
    chart.setOption({
      animation: false,
      grid: { left: 8, right: 48, top: 8, bottom: 24, containLabel: true },
      xAxis: { type: "value", axisLabel: { formatter: format } },
      yAxis: { type: "category", data: labels },
      series: [{
        type: "bar",
        data: values.map(function (value) {
          return { value: value, itemStyle: { color: value >= 1 ? "#1f5f8b" : "#9bb7cc" } };
        }),
        label: { show: true, position: "right", formatter: function (p) { return format(p.value); } },
        markLine: {
          symbol: "none",
          data: [{ xAxis: 1 }],
          label: { formatter: "1" },
          lineStyle: { type: "dashed", color: "#555" }
        }
      }]
    });
    window.addEventListener("resize", function () { chart.resize(); });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();
