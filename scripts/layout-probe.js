// The layout probe of scripts/browser-check.py: its test server adds this script to every
// page it serves. Once the site script has drawn the charts, it opens every "More charts"
// disclosure (the site script then fits those charts to the width), measures every chart
// and writes what it found to <html data-layout-problems>, one line per problem.
(function () {
  "use strict";
  var root = document.documentElement;

  function rect(node) { return node.getBoundingClientRect(); }
  function visible(r) { return r.width > 0.5 && r.height > 0.5; }
  // Whether two boxes overlap by more than a pixel, or come closer than `gap` pixels.
  function overlap(a, b, gap) {
    var pad = gap || 0;
    var w = Math.min(a.right + pad, b.right) - Math.max(a.left - pad, b.left);
    var h = Math.min(a.bottom + pad, b.bottom) - Math.max(a.top - pad, b.top);
    return w > 1 && h > 1;
  }
  function inside(inner, outer) {
    return inner.left >= outer.left - 1 && inner.right <= outer.right + 1 &&
      inner.top >= outer.top - 1 && inner.bottom <= outer.bottom + 1;
  }
  function texts(plot, selector) {
    return Array.prototype.filter.call(plot.querySelectorAll(selector), function (node) {
      return node.textContent.trim() !== "" && visible(rect(node));
    });
  }
  function quote(node) { return JSON.stringify(node.textContent.trim().slice(0, 40)); }

  function check(plot) {
    var problems = [];
    var say = function (text) { problems.push(plot.id + ": " + text); };
    var svg = plot.querySelector(".main-svg");
    if (!svg) return problems;
    var frame = rect(svg);
    var ticks = texts(plot, "g[class$='tick'] > text, g[class$='tick2'] > text");
    var titles = texts(plot, "g[class^='g-x'][class$='title'] text, g[class^='g-y'][class$='title'] text");
    titles.forEach(function (title) {
      // Closer than 4 px reads as one label: "Path" written into a category's name.
      var hit = ticks.filter(function (tick) { return overlap(rect(title), rect(tick), 4); })[0];
      if (hit) say("axis title " + quote(title) + " touches tick label " + quote(hit));
    });
    var labels = ticks.concat(titles, texts(plot, ".legendtext, .textpoint text, .node-label"));
    labels.forEach(function (label) {
      if (!inside(rect(label), frame)) say("label " + quote(label) + " is clipped by the chart's edge");
    });
    var points = texts(plot, ".textpoint text");
    points.forEach(function (a, i) {
      points.slice(i + 1).forEach(function (b) {
        if (overlap(rect(a), rect(b))) say("labels " + quote(a) + " and " + quote(b) + " overlap");
      });
    });
    var modebar = plot.querySelector(".modebar");
    var legend = plot.querySelector(".legend");
    if (modebar && legend && visible(rect(modebar)) && overlap(rect(modebar), rect(legend))) {
      say("the toolbar (modebar) covers the legend");
    }
    var source = document.querySelector("script[data-for='" + plot.id + "']");
    var figure = source ? JSON.parse(source.textContent) : { data: [] };
    figure.data.forEach(function (trace) {
      var sized = trace.marker && Array.isArray(trace.marker.size);
      // Labelled: each bubble carries its text, or sits on a row or column named for it.
      var named = function (values) {
        return Array.isArray(values) && values.length > 0 &&
          values.every(function (value) { return typeof value === "string"; });
      };
      var labelled = String(trace.mode || "").indexOf("text") >= 0 || named(trace.x) || named(trace.y);
      if (trace.type === "scatter" && sized && !labelled) {
        say("bubbles of " + JSON.stringify(trace.name || "a trace") + " have no labels");
      }
    });
    return problems;
  }

  function measure() {
    var problems = [];
    document.querySelectorAll(".plot").forEach(function (plot) {
      try {
        problems = problems.concat(check(plot));
      } catch (error) {
        problems.push(plot.id + ": the layout probe failed: " + error);
      }
    });
    root.setAttribute("data-layout-problems", problems.join("\n"));
  }

  function openMore() {
    var closed = document.querySelectorAll("details.more-charts");
    closed.forEach(function (details) { details.open = true; });
    var waited = 0;
    var settle = function () {
      var pending = Array.prototype.filter.call(closed, function (details) {
        return !details.hasAttribute("data-charts-resized");
      });
      if (pending.length && waited < 5000) { waited += 100; setTimeout(settle, 100); return; }
      if (pending.length) {
        root.setAttribute("data-layout-problems", "a More charts disclosure was opened, but its charts were not fitted to the page (no data-charts-resized)");
        return;
      }
      // A timer, not requestAnimationFrame: headless Chromium under a virtual time budget
      // may run no frame once the page is idle.
      setTimeout(measure, 100);
    };
    settle();
  }

  // Until the site script has drawn every chart; a page whose charts never finish fails on
  // its own (data-charts-rendered), and this one with it.
  (function wait() {
    if (root.hasAttribute("data-charts-rendered")) { openMore(); return; }
    setTimeout(wait, 100);
  })();
})();
