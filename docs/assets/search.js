/* The archive's Thai search: the header box queries Pagefind's static index.
 * Pagefind is loaded on first use, from this site (no third-party host).
 * Results show title, Thai date, province and an excerpt with the words marked;
 * the province and program-year selects narrow them. */
(() => {
  "use strict";
  const root = document.querySelector("[data-nr-search]");
  if (!root) return;
  const input = root.querySelector("input[name=query]");
  const form = root.querySelector("form");
  const province = root.querySelector("select[name=province]");
  const year = root.querySelector("select[name=year]");
  const list = root.querySelector("[data-nr-results]");
  const meta = root.querySelector("[data-nr-meta]");
  const toggle = document.getElementById("__search");
  const moreButton = root.querySelector("[data-nr-more]");
  const MAX_RESULTS = 10;
  let pagefind = null;
  let latest = 0;

  async function load() {
    if (!pagefind) {
      pagefind = await import(new URL(root.dataset.pagefind, document.baseURI).href);
      await pagefind.options({ excerptLength: 24 });
    }
    return pagefind;
  }

  /* The choices come from a small file the build writes, not from Pagefind's
   * filter index, which is only loaded once a reader filters. */
  let choices = null;
  function loadChoices() {
    if (!choices) {
      choices = fetch(new URL(root.dataset.filters, document.baseURI))
        .then((r) => r.json())
        .then((filters) => {
          fill(province, filters.province || {}, (a, b) => a.localeCompare(b, "th"));
          fill(year, filters.year || {}, (a, b) => b.localeCompare(a));
        });
    }
    return choices;
  }

  function fill(select, counts, order) {
    for (const value of Object.keys(counts).sort(order)) {
      const option = document.createElement("option");
      option.value = value;
      option.textContent = `${value} (${counts[value]})`;
      select.append(option);
    }
  }

  /* Pagefind's excerpt is page text with <mark> around the matched words.
   * Keep exactly that: text nodes and <mark>, nothing else can become markup. */
  function excerpt(html) {
    const p = document.createElement("p");
    const doc = new DOMParser().parseFromString(`<body>${html}</body>`, "text/html");
    for (const node of doc.body.childNodes) {
      if (node.nodeName === "MARK") {
        const mark = document.createElement("mark");
        mark.textContent = node.textContent;
        p.append(mark);
      } else {
        p.append(document.createTextNode(node.textContent));
      }
    }
    return p;
  }

  function item(data) {
    const li = document.createElement("li");
    li.className = "md-search-result__item nr-search__result";
    const a = document.createElement("a");
    a.className = "md-search-result__link";
    a.href = new URL(data.url.replace(/^\//, ""), new URL(root.dataset.pagefind, document.baseURI).href.replace(/pagefind\/pagefind\.js$/, "")).href;
    const article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    const title = document.createElement("h2");
    title.className = "nr-search__title";
    title.textContent = data.meta.title || "";
    const info = document.createElement("p");
    info.className = "nr-search__meta";
    info.textContent = [data.meta.date, data.meta.province].filter(Boolean).join(" · ");
    const text = excerpt(data.excerpt || "");
    text.className = "nr-search__excerpt";
    article.append(title, info, text);
    a.append(article);
    li.append(a);
    return li;
  }

  /* Pagefind splits Thai into words (ICU, as Intl.Segmenter does here) and finds
   * pages holding every word, anywhere, each matched at its start. A typed word
   * that ICU cuts into several (ผู้|ว่า|ราชการ) must also stand together on the page
   * (Pagefind's exact phrase), or ผู้ว่าราชการ would match ผู้…ว่า…ราชการ apart. */
  const segmenter = new Intl.Segmenter("th", { granularity: "word" });
  const pieces = (word) => [...segmenter.segment(word)].filter((s) => s.isWordLike).length;

  async function find(pf, query, filters) {
    const loose = await pf.search(query || null, { filters });
    const compounds = query.split(/\s+/).map((w) => w.replace(/"/g, ""))
      .filter((w) => w && pieces(w) > 1);
    if (!compounds.length) return loose.results;
    const exact = await Promise.all(compounds.map((w) => pf.search(`"${w}"`, { filters })));
    const sets = exact.map((s) => new Set(s.results.map((r) => r.id)));
    return loose.results.filter((r) => sets.every((set) => set.has(r.id)));
  }

  let shown = [];
  let shownCount = 0;

  async function more() {
    const next = shown.slice(shownCount, shownCount + MAX_RESULTS);
    const mine = latest;
    const data = await Promise.all(next.map((r) => r.data()));
    if (mine !== latest) return;
    list.append(...data.map(item));
    shownCount += next.length;
    moreButton.hidden = shownCount >= shown.length;
  }

  async function run() {
    const query = input.value.trim();
    const filters = {};
    if (province.value) filters.province = province.value;
    if (year.value) filters.year = year.value;
    const mine = ++latest;
    const done = JSON.stringify([query, province.value, year.value]);
    if (!query && !Object.keys(filters).length) {
      list.replaceChildren();
      meta.textContent = "พิมพ์เพื่อค้นหาข่าว";
      root.dataset.nrDone = done;
      return;
    }
    meta.textContent = "กำลังค้นหา…";
    let pf;
    try {
      pf = await load();
    } catch (error) {                 // no index: an archive with no entries yet
      meta.textContent = "ยังค้นหาไม่ได้: ยังไม่มีข่าวในคลัง";
      root.dataset.nrDone = done;
      return;
    }
    const results = await find(pf, query, filters);
    if (mine !== latest) return;                       // a newer query is on its way
    shown = results;
    shownCount = 0;
    list.replaceChildren();
    await more();
    if (mine !== latest) return;
    root.dataset.nrTotal = String(results.length);
    meta.textContent = results.length === 0 ? "ไม่พบข่าวที่ตรงกัน" : `พบ ${results.length} ข่าว`;
    root.dataset.nrDone = done;       // what the list now answers (tests wait on it)
  }

  let timer = 0;
  function later() { clearTimeout(timer); timer = setTimeout(run, 120); }
  input.addEventListener("input", later);
  moreButton.addEventListener("click", more);
  input.addEventListener("focus", () => { if (toggle) toggle.checked = true; loadChoices(); load(); });
  province.addEventListener("change", run);
  year.addEventListener("change", run);
  form.addEventListener("reset", () => setTimeout(run, 0));
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && toggle && toggle.checked) { toggle.checked = false; input.blur(); }
  });
  if (toggle) toggle.addEventListener("change", () => { if (toggle.checked) { loadChoices(); input.focus(); } });
})();
