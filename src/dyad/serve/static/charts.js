// Draw every <div data-figure="{plotly figure JSON}"> with the Plotly library served by the app.
(function () {
  var CONFIG = { displaylogo: false, responsive: true, modeBarButtonsToRemove: ["lasso2d", "select2d"] };

  function numericRange(data) {
    var xs = [];
    data.forEach(function (t) { (t.x || []).forEach(function (x) { if (typeof x === "number") xs.push(x); }); });
    return xs.length ? [Math.min.apply(null, xs) - 6, Math.max.apply(null, xs) + 6] : null;
  }

  // Phone width: smaller type, legend in two columns, fewer unrotated ticks, no overlapping notes.
  function narrow(fig, config) {
    var layout = fig.layout;
    layout.margin = { l: 44, r: 36, t: 16, b: 40 };
    layout.height = 400;
    layout.font = Object.assign({}, layout.font, { size: 11 });
    layout.legend = Object.assign({}, layout.legend, { font: { size: 10 }, itemwidth: 20 });
    layout.uniformtext = { minsize: 8, mode: "show" };
    if (layout.yaxis2) layout.yaxis2.title = { text: "" };
    if (layout.xaxis && layout.xaxis.type !== "category") {
      var range = numericRange(fig.data);
      delete layout.xaxis.dtick;
      Object.assign(layout.xaxis, { nticks: 6, tickangle: 0, title: { text: "" } });
      if (range) Object.assign(layout.xaxis, { range: range, autorange: false });
    }
    (layout.annotations || []).forEach(function (a) { a.text = ""; });
    config.displayModeBar = false;
  }

  function draw(el) {
    var fig = JSON.parse(el.dataset.figure);
    var config = Object.assign({}, CONFIG);
    fig.layout = fig.layout || {};
    if (el.clientWidth < 600) narrow(fig, config);
    Plotly.newPlot(el, fig.data, fig.layout, config);
  }

  document.querySelectorAll("[data-figure]").forEach(draw);
})();
