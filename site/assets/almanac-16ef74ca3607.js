// Draws every chart of the page from its JSON, following the light or dark theme.
// No inline script: the figures sit in <script type="application/json"> elements.
(function () {
  "use strict";
  var dark = window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)");

  function themed(layout, narrow) {
    var isDark = dark && dark.matches;
    var ink = isDark ? "#e3e8ee" : "#1d2430";
    var grid = isDark ? "#2c3440" : "#dde3ea";
    var copy = JSON.parse(JSON.stringify(layout || {}));
    // The figure's own title stays in the JSON for other readers; on the page the card's
    // heading already says it.
    delete copy.title;
    copy.margin = Object.assign({}, copy.margin || {}, { t: 40 });
    copy.font = Object.assign({ color: ink }, copy.font || {});
    // A legend beside the plot would squeeze it on a phone, where no toolbar shows: above it.
    if (narrow && copy.legend) {
      copy.legend = Object.assign({}, copy.legend, { orientation: "h", x: 0, xanchor: "left", y: 1.02, yanchor: "bottom" });
    }
    var axes = Object.keys(copy).filter(function (key) { return /^[xy]axis\d*$/.test(key); });
    if (axes.indexOf("xaxis") < 0) axes.push("xaxis");
    if (axes.indexOf("yaxis") < 0) axes.push("yaxis");
    axes.forEach(function (axis) {
      copy[axis] = Object.assign({ gridcolor: grid, zerolinecolor: grid }, copy[axis] || {});
    });
    return copy;
  }

  function draw() {
    var errors = [];
    var nodes = document.querySelectorAll("script[type='application/json'][data-for]");
    var pending = [];
    nodes.forEach(function (node) {
      var target = document.getElementById(node.getAttribute("data-for"));
      if (!target) return;
      try {
        var figure = JSON.parse(node.textContent);
        var problems = window.Plotly.validate(figure.data, figure.layout) || [];
        problems.forEach(function (p) { errors.push(target.id + ": " + p.msg); });
        var narrow = window.matchMedia && window.matchMedia("(max-width: 600px)").matches;
        pending.push(window.Plotly.react(target, figure.data, themed(figure.layout, narrow),
          { responsive: true, displaylogo: false, displayModeBar: narrow ? false : "hover" }));
      } catch (error) {
        errors.push(target.id + ": " + error);
      }
    });
    Promise.all(pending).then(function () {
      // Recorded for the browser test, which reads the DOM once rendering has finished.
      document.documentElement.setAttribute("data-charts-rendered", String(pending.length));
      document.documentElement.setAttribute("data-chart-errors", errors.join("\n"));
    });
  }

  // The embed snippet names the chart's page relative to this one. Served from a web
  // server, it gets the full address, which is what a wiki or a slide needs.
  if (/^https?:$/.test(window.location.protocol)) {
    document.querySelectorAll("code[data-embed]").forEach(function (code) {
      var relative = code.getAttribute("data-embed");
      var absolute = new URL(relative, window.location.href).href;
      code.textContent = code.textContent.replace('src="' + relative + '"', 'src="' + absolute + '"');
    });
  }

  // An embed page (<id>.embed.html) holds every chart of its question; the URL's fragment
  // names the one shown (#bar), the answer chart when there is none. The others are taken
  // out of the page, so only the chosen one is drawn, and put back when the fragment changes.
  // A name the page lacks shows the list of its charts instead.
  var embed = document.querySelector("main[data-embed-default]");
  var embedCharts = embed ? Array.prototype.slice.call(embed.querySelectorAll(".embed-chart[data-chart]")) : [];

  function chooseChart() {
    var wanted = embed.getAttribute("data-embed-default");
    var fragment = window.location.hash.slice(1);
    if (fragment) {
      try { wanted = decodeURIComponent(fragment); } catch (error) { wanted = fragment; }
    }
    var missing = embed.querySelector(".embed-missing");
    var chosen = null;
    embedCharts.forEach(function (chart) {
      if (chart.getAttribute("data-chart") === wanted) chosen = chart;
      else if (chart.parentNode) chart.parentNode.removeChild(chart);
    });
    if (chosen) {
      if (!chosen.parentNode) embed.insertBefore(chosen, missing);
      chosen.hidden = false;
    } else if (missing) {
      missing.querySelector(".embed-missing-name").textContent = wanted;
    }
    if (missing) missing.hidden = chosen !== null;
    document.documentElement.setAttribute("data-embed-chart", chosen ? wanted : "");
  }

  if (embed) {
    chooseChart();
    window.addEventListener("hashchange", function () {
      chooseChart();
      if (window.Plotly) draw();
    });
  }

  // A printed page holds what the screen holds behind its disclosures (the charts' data,
  // "More charts", "How this was computed"): CSS cannot open a <details>, so they are opened
  // for the print and those the reader had closed are closed again after it.
  var openedForPrint = [];
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details:not([open])").forEach(function (details) {
      details.open = true;
      openedForPrint.push(details);
    });
  });
  window.addEventListener("afterprint", function () {
    openedForPrint.forEach(function (details) { details.open = false; });
    openedForPrint = [];
  });

  if (!window.Plotly) {
    document.documentElement.setAttribute("data-chart-errors", "plotly.js did not load");
    return;
  }
  draw();
  if (dark && dark.addEventListener) dark.addEventListener("change", draw);

  // Charts behind "More charts" are drawn while closed, at Plotly's default width; opening
  // the disclosure fits them to the page.
  document.querySelectorAll("details.more-charts").forEach(function (details) {
    details.addEventListener("toggle", function () {
      if (!details.open) return;
      var resized = [];
      details.querySelectorAll(".plot").forEach(function (plot) {
        if (plot.data) resized.push(window.Plotly.Plots.resize(plot));
      });
      Promise.all(resized).then(function () {
        details.setAttribute("data-charts-resized", String(resized.length));
      });
    });
  });
})();
