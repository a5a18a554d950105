/* Draws the dashboard's charts from the figures the page carries as JSON (json_script), so no
   inline script is needed under the strict CSP. The same figures are in the table under each
   chart; the charts only add a picture. */
(function () {
  "use strict";

  var bron = document.getElementById("dashboard-gegevens");
  if (!bron || typeof window.Chart === "undefined") {
    return;
  }
  var gegevens = JSON.parse(bron.textContent);

  // Dark blue and dark orange: each at least 3:1 against white (WCAG 1.4.11) and apart.
  var KLEUREN = ["#154273", "#a0400b"];

  window.Chart.defaults.locale = document.documentElement.lang || "nl";
  window.Chart.defaults.color = "#212529";
  window.Chart.defaults.animation = false;

  document.querySelectorAll("canvas[data-grafiek]").forEach(function (canvas) {
    var grafiek = gegevens[canvas.dataset.grafiek];
    if (!grafiek) {
      return;
    }
    var liggend = canvas.dataset.richting === "liggend";
    var waardeAs = { beginAtZero: true, ticks: { precision: 0 } };
    new window.Chart(canvas, {
      type: "bar",
      data: {
        labels: grafiek.labels,
        datasets: grafiek.reeksen.map(function (reeks, i) {
          return {
            label: reeks.label,
            data: reeks.waarden,
            backgroundColor: KLEUREN[i % KLEUREN.length],
          };
        }),
      },
      options: {
        indexAxis: liggend ? "y" : "x",
        responsive: true,
        maintainAspectRatio: false,
        plugins: { legend: { display: grafiek.reeksen.length > 1 } },
        scales: liggend ? { x: waardeAs } : { y: waardeAs },
      },
    });
  });
})();
