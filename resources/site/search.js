/* The site's search, on search.html only; every other page has no script.
 * The index is the JSON block before this script, written by `continuity
 * site`: nothing is fetched, so the page works from file:// as from a
 * server. Results are built with textContent, never as markup. */
(function () {
  "use strict";
  var entries = JSON.parse(document.getElementById("ct-search-index").textContent);
  var form = document.getElementById("ct-search-form");
  var input = document.getElementById("ct-search-q");
  var status = document.getElementById("ct-search-status");
  var list = document.getElementById("ct-search-results");
  var LIMIT = 200;

  /* case and accents do not matter: "Theatre" finds "théâtre" */
  function fold(text) {
    return (text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  entries.forEach(function (e) {
    e.foldedTitle = fold(e.title);
    e.folded = fold([e.title, e.kind, e.summary].concat(e.aliases || []).join("\n"));
  });

  function item(e) {
    var li = document.createElement("li");
    var a = document.createElement("a");
    /* the index only holds the site's own relative file names */
    a.href = /^[a-z0-9][a-z0-9._\/-]*$/i.test(e.url) ? e.url : "index.html";
    a.textContent = e.title;
    li.appendChild(a);
    var kind = document.createElement("span");
    kind.className = "ct-site-meta";
    kind.textContent = " " + e.kind;
    li.appendChild(kind);
    if (e.spoiler) {
      var label = document.createElement("span");
      label.className = "ct-site-spoiler-label";
      label.textContent = status.dataset.spoiler;
      li.className = "ct-spoiler";
      li.appendChild(document.createTextNode(" "));
      li.appendChild(label);
    }
    if (e.summary) {
      var summary = document.createElement("span");
      summary.className = "ct-site-summary";
      summary.textContent = e.summary;
      li.appendChild(document.createTextNode(" "));
      li.appendChild(summary);
    }
    return li;
  }

  function show() {
    var query = fold(input.value).trim();
    var words = query.split(/\s+/).filter(Boolean);
    var hits, rank;

    list.textContent = "";
    if (words.length === 0) {
      status.textContent = status.dataset.empty;
      return;
    }
    hits = entries.filter(function (e) {
      return words.every(function (w) { return e.folded.indexOf(w) >= 0; });
    });
    /* titles that start with the query, then titles that hold it, then the rest */
    rank = function (e) {
      return e.foldedTitle.indexOf(query) === 0 ? 0 : e.foldedTitle.indexOf(query) > 0 ? 1 : 2;
    };
    hits.sort(function (a, b) { return rank(a) - rank(b); });
    status.textContent = status.dataset.count.replace("%u", String(hits.length));
    hits.slice(0, LIMIT).forEach(function (e) { list.appendChild(item(e)); });
  }

  input.value = new URLSearchParams(window.location.search).get("q") || "";
  input.addEventListener("input", function () {
    show();
    try {
      history.replaceState(null, "", "?q=" + encodeURIComponent(input.value));
    } catch (e) {
      /* some browsers refuse it on file://; the results are shown anyway */
    }
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    show();
  });
  show();
}());
