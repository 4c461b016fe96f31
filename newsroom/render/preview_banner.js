// make serve only (never in a built site): a banner on every page while entries have problems.
// The build writes preview/problems.json (newsroom/plan/problem_pages.py); its words are Thai,
// from the one catalogue of messages. Text goes in as text, never as HTML.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script) return;
  var base = new URL("../", script.src);
  fetch(new URL("preview/problems.json", base), { cache: "no-store" })
    .then(function (r) { return r.ok ? r.json() : null; })
    .then(function (found) {
      if (!found || !found.problems) return;
      var banner = document.createElement("div");
      banner.className = "nr-preview-banner";
      banner.setAttribute("role", "status");
      banner.appendChild(document.createTextNode(found.message + " "));
      var link = document.createElement("a");
      link.href = new URL(found.url, base).href;
      link.textContent = found.link;
      banner.appendChild(link);
      banner.style.cssText = "position:sticky;top:0;z-index:10;padding:.6em 1em;" +
        "background:#fff3cd;color:#5c4400;border-bottom:2px solid #c99700;font-size:.85rem;";
      link.style.cssText = "color:#3d2d00;font-weight:700;text-decoration:underline;";
      document.body.insertBefore(banner, document.body.firstChild);
    })
    .catch(function () { /* no banner: the terminal still names the problems */ });
})();
