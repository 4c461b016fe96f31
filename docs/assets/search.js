/* The archive's Thai search: the header box queries the static index under search/.
 *
 * The query is cut into keys by search-core.js, the same file the build indexed the
 * entries with (newsroom/search_core.mjs), so index and query cannot disagree on Thai
 * word boundaries. Only the shards of the query's keys are fetched, then the shown
 * entries' cards; each shown entry is checked to contain every word as typed.
 * Results show title, Thai date, province and an excerpt with the words marked; the
 * province and program-year selects narrow them. Everything comes from this site. */
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
  const indexURL = new URL(root.dataset.index, document.baseURI);
  const siteURL = new URL("..", indexURL);
  const MAX_RESULTS = 10;
  const EXCERPT_BEFORE = 60;
  const EXCERPT_LENGTH = 200;
  let latest = 0;

  /* Index files are gzip; a server may also have unpacked them on the way. */
  async function bytes(path) {
    const response = await fetch(new URL(path, indexURL));
    if (!response.ok) throw new Error(`${path}: ${response.status}`);
    let data = new Uint8Array(await response.arrayBuffer());
    if (data[0] === 0x1f && data[1] === 0x8b) {
      const stream = new Blob([data]).stream().pipeThrough(new DecompressionStream("gzip"));
      data = new Uint8Array(await new Response(stream).arrayBuffer());
    }
    return data;
  }

  let ready = null;       // Promise of {core, manifest}
  function load() {
    if (!ready) {
      ready = Promise.all([
        import(new URL(root.dataset.core, document.baseURI).href),
        fetch(new URL("index.json", indexURL)).then((r) => {
          if (!r.ok) throw new Error("no search index");
          return r.json();
        }),
      ]).then(([core, manifest]) => {
        if (manifest.version !== core.VERSION) throw new Error("index and script differ");
        fill(province, manifest.provinces.map((p) => [p.name, p.count]),
             (a, b) => a[0].localeCompare(b[0], "th"));
        fill(year, manifest.years.map((y) => [String(y.year), y.count]), (a, b) => b[0].localeCompare(a[0]));
        return { core, manifest, slugOf: new Map(manifest.provinces.map((p) => [p.name, p.slug])) };
      });
      ready.catch(() => { ready = null; });
    }
    return ready;
  }

  function fill(select, choices, order) {
    if (select.options.length > 1) return;
    for (const [value, count] of choices.sort(order)) {
      const option = document.createElement("option");
      option.value = value;
      option.textContent = `${value} (${count})`;
      select.append(option);
    }
  }

  const cache = new Map();
  function once(key, make) {
    if (!cache.has(key)) {
      const value = make();
      value.catch(() => cache.delete(key));
      cache.set(key, value);
    }
    return cache.get(key);
  }
  const shard = (core, n) => once(`i${n}`, () => bytes(`i/${n}.bin`).then(core.readShard));
  const ids = (core, name) => once(`f${name}`, () => bytes(`f/${name}.bin`).then(core.readIds));
  const card = (id) => once(`d${id}`, () => bytes(`d/${id}.bin`)
    .then((b) => JSON.parse(new TextDecoder().decode(b))));

  /* Entries holding every key of a word, with how strongly: the fewest occurrences
   * of any of its keys (an upper bound of the word's), and whether all are in the title. */
  async function wordHits(s, word) {
    const keys = s.core.wordKeys(word);
    const lists = await Promise.all(keys.map(async (k) =>
      (await shard(s.core, s.core.shardOf(k, s.manifest.shards))).get(k)));
    if (lists.some((l) => !l)) return new Map();
    lists.sort((a, b) => a[0].length - b[0].length);
    let hits = new Map();
    const [firstIds, firstWeights] = lists[0];
    for (let i = 0; i < firstIds.length; i++) hits.set(firstIds[i], firstWeights[i]);
    for (const [others, weights] of lists.slice(1)) {
      const next = new Map();
      let j = 0;
      for (const [id, weight] of hits) {           // both in id order
        while (j < others.length && others[j] < id) j++;
        if (j === others.length) break;
        if (others[j] === id) {
          const w = weights[j];
          next.set(id, (Math.min(weight & 127, w & 127)) | (weight & w & s.core.IN_TITLE));
        }
      }
      hits = next;
    }
    return hits;
  }

  /* Entry ids, best first: words in the title, then how often the words occur, then newest. */
  async function find(s, words, filters) {
    let scores = null;
    for (const hits of await Promise.all(words.map((w) => wordHits(s, w)))) {
      const next = new Map();
      for (const [id, weight] of hits) {
        if (scores && !scores.has(id)) continue;
        const score = (weight & s.core.IN_TITLE ? 50 : 0) + Math.min(weight & 127, 30);
        next.set(id, (scores ? scores.get(id) : 0) + score);
      }
      scores = next;
    }
    for (const only of await Promise.all(filters.map((f) => ids(s.core, f)))) {
      if (scores === null) {
        scores = new Map(Array.from(only, (id) => [id, 0]));
      } else {
        const keep = new Set(only);
        for (const id of [...scores.keys()]) if (!keep.has(id)) scores.delete(id);
      }
    }
    return [...scores].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([id]) => id);
  }

  /* Where the words stand in a text: [start, end) ranges of the normalised text. */
  function places(normal, words, from = 0, to = normal.length) {
    const found = [];
    for (const word of words) {
      for (let at = normal.indexOf(word, from); at >= 0 && at + word.length <= to;
           at = normal.indexOf(word, at + 1)) found.push([at, at + word.length]);
    }
    found.sort((a, b) => a[0] - b[0]);
    const merged = [];
    for (const r of found) {
      const last = merged[merged.length - 1];
      if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
      else merged.push([...r]);
    }
    return merged;
  }

  /* A piece of the entry's text around the first word found, the words in <mark>.
   * Built from text nodes: nothing in an entry can become markup here. */
  function excerpt(core, text, words) {
    const n = core.normalize(text);
    const first = places(n.text, words)[0];
    let start = first ? Math.max(0, first[0] - EXCERPT_BEFORE) : 0;
    const space = n.text.indexOf(" ", start);
    if (start > 0 && space >= 0 && space - start < 20) start = space + 1;
    const end = Math.min(n.text.length, start + EXCERPT_LENGTH);
    const origin = (i) => (i < n.at.length ? n.at[i] : text.length);
    const p = document.createElement("p");
    p.className = "nr-search__excerpt";
    let at = start;
    if (start > 0) p.append("…");
    for (const [s, e] of places(n.text, words, start, end)) {
      p.append(text.slice(origin(at), origin(s)));
      const mark = document.createElement("mark");
      mark.textContent = text.slice(origin(s), origin(e));
      p.append(mark);
      at = e;
    }
    p.append(text.slice(origin(at), origin(end)).trimEnd());
    if (end < n.text.length) p.append("…");
    return p;
  }

  function item(core, data, words) {
    const li = document.createElement("li");
    li.className = "md-search-result__item nr-search__result";
    const a = document.createElement("a");
    a.className = "md-search-result__link";
    a.href = new URL(data.u, siteURL).href;
    const article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    const title = document.createElement("h2");
    title.className = "nr-search__title";
    title.textContent = data.t;
    const info = document.createElement("p");
    info.className = "nr-search__meta";
    info.textContent = [data.d, data.p].filter(Boolean).join(" · ");
    article.append(title, info, excerpt(core, data.x, words));
    a.append(article);
    li.append(a);
    return li;
  }

  let state = { order: [], next: 0, missed: 0, words: [], s: null };

  /* The next results: cards of the next entries in order, each checked to hold every
   * word as typed (keys in the index can come from different places of a text). */
  async function more() {
    const mine = latest;
    const { s, words } = state;
    let shown = 0;
    while (shown < MAX_RESULTS && state.next < state.order.length) {
      const batch = state.order.slice(state.next, state.next + MAX_RESULTS - shown);
      state.next += batch.length;
      const cards = await Promise.all(batch.map(card));
      if (mine !== latest) return;
      for (const data of cards) {
        const text = s.core.normalize(`${data.t}\n${data.x}`, false).text;
        if (!words.every((w) => text.includes(w))) { state.missed += 1; continue; }
        list.append(item(s.core, data, words));
        shown += 1;
      }
    }
    moreButton.hidden = state.next >= state.order.length;
    const total = state.order.length - state.missed;
    root.dataset.nrTotal = String(total);
    meta.textContent = total === 0 ? "ไม่พบข่าวที่ตรงกัน" : `พบ ${total} ข่าว`;
  }

  async function run() {
    const mine = ++latest;
    const done = JSON.stringify([input.value.trim(), province.value, year.value]);
    const finish = (text) => { if (text) meta.textContent = text; root.dataset.nrDone = done; };
    let s;
    try {
      s = await load();
    } catch (error) {                 // no index: an archive with no entries yet
      if (mine !== latest) return;
      list.replaceChildren();
      moreButton.hidden = true;
      finish(input.value.trim() || province.value || year.value
        ? "ยังค้นหาไม่ได้: ยังไม่มีข่าวในคลัง" : "พิมพ์เพื่อค้นหาข่าว");
      return;
    }
    const typed = s.core.queryWords(input.value);
    const words = typed.filter((w) => w.length > 1);
    const filters = [];
    if (province.value && s.slugOf.has(province.value)) filters.push(`p-${s.slugOf.get(province.value)}`);
    if (year.value) filters.push(`y-${year.value}`);
    if (!words.length && !filters.length) {
      if (mine !== latest) return;
      list.replaceChildren();
      moreButton.hidden = true;
      finish(typed.length ? "พิมพ์อย่างน้อย 2 ตัวอักษร" : "พิมพ์เพื่อค้นหาข่าว");
      return;
    }
    meta.textContent = "กำลังค้นหา…";
    let order;
    try {
      order = await find(s, words, filters);
    } catch (error) {
      if (mine !== latest) return;
      finish("ค้นหาไม่สำเร็จ ลองอีกครั้ง");
      return;
    }
    if (mine !== latest) return;                       // a newer query is on its way
    state = { order, next: 0, missed: 0, words, s };
    list.replaceChildren();
    await more();
    if (mine !== latest) return;
    finish();                         // what the list now answers (tests wait on it)
  }

  let timer = 0;
  function later() { clearTimeout(timer); timer = setTimeout(run, 120); }
  input.addEventListener("input", later);
  moreButton.addEventListener("click", more);
  input.addEventListener("focus", () => { if (toggle) toggle.checked = true; load().catch(() => {}); });
  province.addEventListener("change", run);
  year.addEventListener("change", run);
  form.addEventListener("reset", () => setTimeout(run, 0));
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && toggle && toggle.checked) { toggle.checked = false; input.blur(); }
  });
  if (toggle) toggle.addEventListener("change", () => {
    if (toggle.checked) { load().catch(() => {}); input.focus(); }
  });
})();
