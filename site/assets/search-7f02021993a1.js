// The search box: finds questions by their title, their answer and the names in their key
// tables, from assets/search-index.js (a script, not a fetch, so it works from a folder with
// file:// and under the site's Content-Security-Policy). `?q=…` in the address fills it in.
(function () {
  "use strict";
  var index = window.AlmanacSearch;
  var box = document.querySelector(".site-search");
  if (!index || !box) return;
  var input = box.querySelector("input");
  var list = box.querySelector("ol");
  var limit = 30;
  // [href, title, section, answer, [name numbers]] per page, lower-cased once.
  var pages = index.pages.map(function (page) {
    return {
      href: page[0], title: page[1], section: page[2],
      names: page[4].map(function (n) { return index.names[n]; }),
      titleKey: page[1].toLowerCase(), answerKey: page[3].toLowerCase()
    };
  });

  function search(text) {
    var query = text.trim().toLowerCase();
    list.textContent = "";
    if (query.length < 2) return;
    var hits = [];
    pages.forEach(function (page, order) {
      var name = null;
      for (var i = 0; i < page.names.length; i++) {
        if (page.names[i].toLowerCase().indexOf(query) >= 0) { name = page.names[i]; break; }
      }
      var rank = page.titleKey.indexOf(query) >= 0 ? 0 : name !== null ? 1
        : page.answerKey.indexOf(query) >= 0 ? 2 : -1;
      if (rank >= 0) hits.push({ rank: rank, order: order, page: page, name: name });
    });
    hits.sort(function (a, b) { return a.rank - b.rank || a.order - b.order; });
    hits.slice(0, limit).forEach(function (hit) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = hit.page.href;
      link.textContent = hit.page.title;
      item.appendChild(link);
      var note = document.createElement("small");
      note.textContent = hit.page.section + (hit.name ? " · mentions " + hit.name
        : hit.rank === 2 ? " · in the answer" : "");
      item.appendChild(note);
      list.appendChild(item);
    });
    if (hits.length === 0) {
      var none = document.createElement("li");
      none.textContent = "No question mentions “" + text.trim() + "”.";
      list.appendChild(none);
    } else if (hits.length > limit) {
      var more = document.createElement("li");
      more.textContent = (hits.length - limit) + " more; type more of the name to narrow them.";
      list.appendChild(more);
    }
    document.documentElement.setAttribute("data-search-results", String(hits.length));
  }

  box.hidden = false;
  input.addEventListener("input", function () { search(input.value); });
  var asked = new URLSearchParams(window.location.search).get("q");
  if (asked) {
    input.value = asked;
    search(asked);
  }
})();
