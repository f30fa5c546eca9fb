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
  // Text as it is compared: lower case, without accents ("zurich" finds "Zürich", typed
  // either way in Unicode), and numbers without their thousands commas ("2829" finds 2,829).
  function key(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/(\d),(?=\d{3}(?!\d))/g, "$1");
  }
  // [href, title, section, answer, [name numbers]] per page, folded once.
  var pages = index.pages.map(function (page) {
    var names = page[4].map(function (n) { return index.names[n]; });
    return {
      href: page[0], title: page[1], section: page[2], names: names,
      nameKeys: names.map(key), titleKey: key(page[1]), answerKey: key(page[3])
    };
  });

  // The pages that hold `query` as written: in the title first, then a name, then the answer.
  function phraseHits(query) {
    var hits = [];
    pages.forEach(function (page, order) {
      var name = null;
      for (var i = 0; i < page.names.length; i++) {
        if (page.nameKeys[i].indexOf(query) >= 0) { name = page.names[i]; break; }
      }
      var rank = page.titleKey.indexOf(query) >= 0 ? 0 : name !== null ? 1
        : page.answerKey.indexOf(query) >= 0 ? 2 : -1;
      if (rank >= 0) hits.push({ rank: rank, order: order, page: page, name: name });
    });
    return hits;
  }

  // When no page holds the words together, the pages that hold each of them somewhere
  // ("completion python").
  function wordHits(query) {
    var words = query.split(/\s+/).filter(function (word) { return word.length > 0; });
    if (words.length < 2) return [];
    var hits = [];
    pages.forEach(function (page, order) {
      var all = page.titleKey + "\n" + page.nameKeys.join("\n") + "\n" + page.answerKey;
      if (words.every(function (word) { return all.indexOf(word) >= 0; })) {
        hits.push({ rank: 3, order: order, page: page, name: null });
      }
    });
    return hits;
  }

  function search(text) {
    var query = key(text.trim());
    list.textContent = "";
    if (query.length < 2) return;
    var hits = phraseHits(query);
    if (hits.length === 0) hits = wordHits(query);
    hits.sort(function (a, b) { return a.rank - b.rank || a.order - b.order; });
    hits.slice(0, limit).forEach(function (hit) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = hit.page.href;
      link.textContent = hit.page.title;
      item.appendChild(link);
      var note = document.createElement("small");
      note.textContent = hit.page.section + (hit.name ? " · mentions " + hit.name
        : hit.rank === 2 ? " · in the answer" : hit.rank === 3 ? " · has every word" : "");
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
