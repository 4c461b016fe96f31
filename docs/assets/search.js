/* The archive's Thai search: the header box queries the static index under search/.
 *
 * The query is cut into keys by search-core.js, the same file the build indexed the
 * entries with (newsroom/search/search_core.mjs), so index and query cannot disagree
 * on Thai word boundaries. Only the shards of the query's keys are fetched, then the
 * shown entries' cards. An entry's provinces (and their other names: กทม., โคราช),
 * tags, writers and photographers are indexed with its text, so a query naming them
 * finds every entry that has them; a result shows the field that matched as a chip
 * when its text does not. Results show title, Thai date, province and an excerpt cut
 * at Thai word boundaries, the words marked; the province and program-year selects
 * narrow them.
 *
 * The count is exact: a word of the index's vocabulary has its entries listed as
 * they are; for another word the index says for most candidates whether they hold
 * it (search_core.mjs ``presence``), and the others are checked on their cards
 * before the count is shown. The query and filters live in the URL (?q=…&province=…&year=…):
 * such a link opens the search with its results, and the back button returns to the
 * previous query. Keyboard: arrows move through results, Enter opens one; on phones
 * focus stays in the open search and returns where it was on close. With no match,
 * the nearest province, tag or person's name is offered (the rules of `newsroom
 * check`'s suggestions). Everything comes from this site. */
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
  const suggestion = root.querySelector("[data-nr-suggest]");
  const toggle = document.getElementById("__search");
  const opener = document.querySelector("label.md-header__button[for=__search]");
  const moreButton = root.querySelector("[data-nr-more]");
  const indexURL = new URL(root.dataset.index, document.baseURI);
  const siteURL = new URL("..", indexURL);
  const MAX_RESULTS = 10;
  const EXCERPT_BEFORE = 60;
  const EXCERPT_LENGTH = 200;
  const CHECKS = 60;          // cards of unsure candidates checked for the count, at most
  const KINDS = { province: "จังหวัด", tag: "แท็ก", author: "ผู้เขียน", photographer: "ภาพ" };
  const PHONE = window.matchMedia("(max-width: 59.984375em)");   // Material's full-screen search
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

  let ready = null;       // Promise of {core, manifest, names}
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
        fill(province, manifest.provinces.map((p) => [p.slug, p.name, p.count]),
             (a, b) => a[1].localeCompare(b[1], "th"));
        fill(year, manifest.years.map((y) => [String(y.year), String(y.year), y.count]),
             (a, b) => b[0].localeCompare(a[0]));
        // Names a reader may have meant, for a search that found nothing.
        const names = [];
        for (const p of manifest.provinces) {
          for (const n of [p.name, ...(p.aliases || [])]) names.push([n, p.name]);
        }
        for (const n of [...(manifest.tags || []), ...(manifest.people || [])]) names.push([n, n]);
        return { core, manifest, names };
      });
      ready.catch(() => { ready = null; });
    }
    return ready;
  }

  function fill(select, choices, order) {
    if (select.options.length > 1) return;
    for (const [value, label, count] of choices.sort(order)) {
      const option = document.createElement("option");
      option.value = value;
      option.textContent = `${label} (${count})`;
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
  const placesOf = (core, n) => once(`p${n}`, () => bytes(`p/${n}.bin`).then(core.readPlaces));
  const listedWord = async (s, word) =>
    (await shard(s.core, s.core.shardOf(s.core.wordKey(word), s.manifest.shards))).get(word);
  const ids = (core, name) => once(`f${name}`, () => bytes(`f/${name}.bin`).then(core.readIds));
  const card = (id) => once(`d${id}`, () => bytes(`d/${id}.bin`)
    .then((b) => JSON.parse(new TextDecoder().decode(b))));

  /* Entries holding every key of a word: id -> {weight, sure}. weight: the fewest
   * occurrences of any of its keys (an upper bound of the word's), and whether all are
   * in the title or a field; sure: the index proves the word is there (``presence``);
   * entries it proves cannot hold the word are left out. A listed word, or words typed
   * together that listed words cover, are found exactly; other text by its runs. */
  async function wordHits(s, word) {
    const { core } = s;
    if (word.length >= core.SHORTEST_WORD) {
      const listed = await listedWord(s, word);
      if (listed) {
        const hits = new Map();
        listed[0].forEach((id, n) => hits.set(id, { weight: listed[1][n], sure: true }));
        return hits;
      }
      const typed = await together(s, word);
      if (typed) return typed;
    }
    const keys = core.wordKeys(word);
    const lists = await Promise.all(keys.map(async (k) =>
      (await shard(core, core.shardOf(k, s.manifest.shards))).get(k)));
    const hits = new Map();
    if (lists.some((l) => !l)) return hits;
    const runs = word.length > 3 ? core.wordRuns(word).map((k) => keys.indexOf(k)) : [];
    const order = keys.map((_, i) => i).sort((a, b) => lists[a][0].length - lists[b][0].length);
    const next = new Array(keys.length).fill(0);
    const at = new Array(keys.length);
    const [firstIds] = lists[order[0]];
    candidates: for (let n = 0; n < firstIds.length; n++) {
      const id = firstIds[n];
      at[order[0]] = n;
      for (let o = 1; o < order.length; o++) {       // every list in id order
        const i = order[o];
        const others = lists[i][0];
        let j = next[i];
        while (j < others.length && others[j] < id) j++;
        next[i] = j;
        if (j === others.length) break candidates;
        if (others[j] !== id) continue candidates;
        at[i] = j;
      }
      let count = 127, title = core.IN_TITLE;
      for (let i = 0; i < keys.length; i++) {
        const w = lists[i][1][at[i]];
        count = Math.min(count, w & 127);
        title &= w;
      }
      let sure = 1;
      if (runs.length > 1) {
        sure = core.presence(word, runs.map((i) => lists[i][2][at[i]]),
                             runs.map((i) => lists[i][3][at[i]]));
        if (sure < 0) continue;
      }
      hits.set(id, { weight: count | title, sure: sure === 1 });
    }
    return hits;
  }

  const PIECES = 8;           // words typed together: at most this many pieces looked up,
  const SPAN = 4;             // each with the next ones, up to this many together

  /* Words typed together (ขับเคลื่อนจังหวัด), found exactly from the places of the
   * listed words that cover them: the text's pieces (Intl.Segmenter) and runs of them
   * are looked up as words (the archive's frequent pairs are listed words too); if
   * listed words cover the whole text, those with the fewest places to read, the
   * entries holding it are those where they stand at their distances. null when they
   * do not cover it (or the browser cannot cut Thai): the caller goes by runs of three. */
  async function together(s, word) {
    const { core } = s;
    if (typeof Intl.Segmenter !== "function") return null;
    const cuts = [...new Intl.Segmenter("th", { granularity: "word" }).segment(word)]
      .map((piece) => piece.index).filter((at) => at > 0);
    cuts.unshift(0);
    cuts.push(word.length);
    if (cuts.length - 1 > PIECES) return null;
    const spans = [];
    for (let a = 0; a < cuts.length; a++) {
      for (let b = a + 1; b < cuts.length && b - a <= SPAN; b++) {
        const piece = word.slice(cuts[a], cuts[b]);
        if (piece.length >= core.SHORTEST_LISTED && piece.length < word.length) spans.push([cuts[a], piece]);
      }
    }
    const lists = new Map();
    const lookUp = (some) => Promise.all(some.map(async ([offset, piece]) => {
      const listed = await listedWord(s, piece);
      if (listed) lists.set(`${offset} ${piece}`, listed);
    }));
    await lookUp(spans);
    const costs = new Map();          // the counts of a listed word's postings, summed
    const cost = (key) => {
      if (!costs.has(key)) costs.set(key, lists.get(key)[1].reduce((sum, w) => sum + (w & 127), 0));
      return costs.get(key);
    };
    // Two vocabulary words, the one right after the other, whose counts make a pair
    // word (search_index.mjs pairWords): if that pair is not listed, it is nowhere.
    const pairs = [];
    for (const [a, first] of spans) {
      for (const [b, second] of spans) {
        const one = `${a} ${first}`, two = `${b} ${second}`;
        if (b !== a + first.length || !lists.has(one) || !lists.has(two)) continue;
        if (lists.get(one)[4] || lists.get(two)[4]) continue;           // a pair word: not paired again
        if (cost(one) + cost(two) >= s.manifest.pair_count) pairs.push([a, first + second]);
      }
    }
    const looked = new Set(spans.map(([o, w]) => `${o} ${w}`));
    const unseen = pairs.filter(([a, joined]) => joined.length < word.length && !looked.has(`${a} ${joined}`));
    await lookUp(unseen);             // (longer than SPAN pieces: not looked up yet)
    spans.push(...unseen);
    for (const [a, joined] of pairs) {
      if (joined.length === word.length || !lists.has(`${a} ${joined}`)) return new Map();
    }
    // (a vocabulary word whose counts reach pair_count alone has no places: its pairs do)
    const chosen = core.cover(word.length, spans.filter(([o, w]) => lists.has(`${o} ${w}`)
      && (lists.get(`${o} ${w}`)[4] || cost(`${o} ${w}`) < s.manifest.pair_count))
      .map(([o, w]) => [o, w, cost(`${o} ${w}`)]));
    if (!chosen) return null;
    const listsOf = chosen.map(([o, w]) => lists.get(`${o} ${w}`));
    const files = await Promise.all(chosen.map(([, w]) =>
      placesOf(core, core.shardOf(core.wordKey(w), s.manifest.shards))));
    const placeLists = chosen.map(([, w], j) => files[j].get(w));
    const offsets = chosen.map(([o]) => o);
    const rarest = listsOf.reduce((r, l, j) => (l[0].length < listsOf[r][0].length ? j : r), 0);
    const hits = new Map();
    candidates: for (const id of listsOf[rarest][0]) {
      const places = [];
      let title = core.IN_TITLE;
      for (let j = 0; j < chosen.length; j++) {
        const n = core.indexIn(listsOf[j][0], id);
        if (n < 0) continue candidates;
        const [starts, all] = placeLists[j];
        places.push(all.subarray(starts[n], starts[n + 1]));
        title &= listsOf[j][1][n];
      }
      const times = core.timesAt(places, offsets);
      if (times > 0) hits.set(id, { weight: Math.min(times, 127) | title, sure: true });
    }
    return hits;
  }

  /* Entry ids, best first (words in the title or a field, then how often the words
   * occur, then newest), and those the index proves hold every word. */
  async function find(s, words, filters) {
    let scores = null;
    let sure = null;
    for (const hits of await Promise.all(words.map((w) => wordHits(s, w)))) {
      const next = new Map();
      const nextSure = new Set();
      for (const [id, { weight, sure: known }] of hits) {
        if (scores && !scores.has(id)) continue;
        const score = (weight & s.core.IN_TITLE ? 50 : 0) + Math.min(weight & 127, 30);
        next.set(id, (scores ? scores.get(id) : 0) + score);
        if (known && (!sure || sure.has(id))) nextSure.add(id);
      }
      scores = next;
      sure = nextSure;
    }
    for (const only of await Promise.all(filters.map((f) => ids(s.core, f)))) {
      if (scores === null) {
        scores = new Map(Array.from(only, (id) => [id, 0]));
        sure = new Set(only);
      } else {
        const keep = new Set(only);
        for (const id of [...scores.keys()]) if (!keep.has(id)) scores.delete(id);
      }
    }
    const order = [...scores].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([id]) => id);
    return { order, sure };
  }

  /* Whether a card holds every word: its title, text or a field. */
  function holds(core, data, words) {
    const fields = (data.f || []).map(([, ...names]) => names.join("\n")).join("\n");
    const text = core.normalize(`${data.t}\n${data.x}\n${fields}`, false).text;
    return words.every((w) => text.includes(w));
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

  /* Text into ``node`` with the words in <mark>, from text nodes only: nothing in an
   * entry can become markup here. [start, end) of the normalised text n. */
  function marked(node, n, text, words, start = 0, end = n.text.length) {
    const origin = (i) => (i < n.at.length ? n.at[i] : text.length);
    let at = start;
    for (const [s, e] of places(n.text, words, start, end)) {
      node.append(text.slice(origin(at), origin(s)));
      const mark = document.createElement("mark");
      mark.textContent = text.slice(origin(s), origin(e));
      node.append(mark);
      at = e;
    }
    node.append(text.slice(origin(at), origin(end)));
    return node;
  }

  /* Word boundaries of Thai text between ``from`` and ``to``, from the browser's
   * dictionary segmenter (Intl.Segmenter; without one, spaces only). The ends of the
   * window count only where they are real boundaries (a space, the text's ends). */
  const segmenter = typeof Intl !== "undefined" && Intl.Segmenter
    ? new Intl.Segmenter("th", { granularity: "word" }) : null;
  function boundaries(text, from, to) {
    from = Math.max(0, from);
    to = Math.min(text.length, to);
    const real = (i) => i <= 0 || i >= text.length || text[i - 1] === " " || text[i] === " ";
    const cuts = new Set([from, to].filter(real));
    if (segmenter) {
      for (const piece of segmenter.segment(text.slice(from, to))) {
        if (piece.index > 0) cuts.add(from + piece.index);
      }
    } else {
      for (let i = from + 1; i < to; i++) if (real(i)) cuts.add(i);
    }
    return [...cuts].sort((x, y) => x - y);
  }

  /* Where an excerpt starts and ends: about EXCERPT_BEFORE characters before the
   * first word found and EXCERPT_LENGTH long, both ends at word boundaries (never
   * inside a Thai word or on a loose vowel mark). The segmenter sees a margin on each
   * side, so the words at the ends are whole in what it reads. */
  function excerptSpan(normal, first) {
    const length = normal.length;
    let start = 0;
    if (first && first[0] > EXCERPT_BEFORE) {
      const want = first[0] - EXCERPT_BEFORE;
      const cuts = boundaries(normal, want - 50, first[0] + 20)
        .filter((c) => c >= want - 20 && c <= first[0]);
      const space = cuts.find((c) => c > want && c < want + 20 && normal[c - 1] === " ");
      start = space !== undefined ? space : cuts.length
        ? cuts.reduce((best, c) => (Math.abs(c - want) < Math.abs(best - want) ? c : best))
        : first[0];
    }
    let end = Math.min(length, start + EXCERPT_LENGTH);
    if (end < length) {
      const floor = Math.max(start + 1, first ? first[1] : 0, end - 40);
      const cuts = boundaries(normal, end - 60, end + 20).filter((c) => c >= floor && c <= end);
      if (cuts.length) end = cuts[cuts.length - 1];
    }
    while (end > start && normal[end - 1] === " ") end--;
    return [start, end];
  }

  /* A piece of the entry's text around the first word found, the words marked. */
  function excerpt(core, text, words) {
    const n = core.normalize(text);
    const [start, end] = excerptSpan(n.text, places(n.text, words)[0]);
    const p = document.createElement("p");
    p.className = "nr-search__excerpt";
    if (start > 0) p.append("…");
    marked(p, n, text, words, start, end);
    if (p.lastChild && p.lastChild.nodeType === Node.TEXT_NODE) {
      p.lastChild.textContent = p.lastChild.textContent.trimEnd();
    }
    if (end < n.text.length) p.append("…");
    return { node: p, shown: n.text.slice(start, end) };
  }

  /* Chips of the fields that hold a word the title and excerpt do not show. */
  function why(core, data, words, shown) {
    const unseen = words.filter((w) => !shown.includes(w));
    const chips = [];
    for (const [kind, name, ...others] of data.f || []) {
      const hit = [name, ...others].find((n) => {
        const text = core.normalize(n, false).text;
        return unseen.some((w) => text.includes(w));
      });
      if (hit === undefined) continue;
      const chip = document.createElement("li");
      chip.className = `nr-search__chip nr-search__chip--${kind}`;
      chip.dataset.kind = kind;
      chip.append(`${KINDS[kind] || kind} `);
      const n = core.normalize(name);
      marked(chip, n, name, unseen);
      if (hit !== name) {
        chip.append(" (");
        marked(chip, core.normalize(hit), hit, unseen);
        chip.append(")");
      }
      chips.push(chip);
    }
    if (!chips.length) return null;
    const ul = document.createElement("ul");
    ul.className = "nr-search__why";
    ul.setAttribute("aria-label", "ตรงกับ");
    ul.append(...chips);
    return ul;
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
    const t = core.normalize(data.t);
    marked(title, t, data.t, words);
    const info = document.createElement("p");
    info.className = "nr-search__meta";
    info.textContent = [data.d, data.p].filter(Boolean).join(" · ");
    const { node, shown } = excerpt(core, data.x, words);
    article.append(title, info, node);
    const chips = why(core, data, words, `${t.text}\n${shown}`);
    if (chips) article.append(chips);
    a.append(article);
    li.append(a);
    return li;
  }

  /* What the list shows: the ranked candidates, which hold the words (true), which
   * do not (false) and which are not known yet (not in ``checked``). */
  let state = { order: [], sure: new Set(), checked: new Map(), next: 0, words: [], s: null };

  async function check(ids) {
    const cards = await Promise.all(ids.map(card));
    ids.forEach((id, i) => state.checked.set(id, holds(state.s.core, cards[i], state.words)));
    return cards;
  }

  /* The next results, each card checked to hold every word (keys in the index can
   * come from different places of a text). */
  async function more() {
    const mine = latest;
    const { s, words } = state;
    let shown = 0;
    while (shown < MAX_RESULTS && state.next < state.order.length) {
      const batch = state.order.slice(state.next, state.next + MAX_RESULTS - shown);
      state.next += batch.length;
      const cards = await check(batch);
      if (mine !== latest) return;
      cards.forEach((data, i) => {
        if (!state.checked.get(batch[i])) return;
        list.append(item(s.core, data, words));
        shown += 1;
      });
    }
    moreButton.hidden = !state.order.slice(state.next).some((id) => state.checked.get(id) !== false);
    root.dataset.nrDrawn = String(Number(root.dataset.nrDrawn || 0) + 1);   // tests wait on it
  }

  /* The count: the proven entries and those whose cards hold the words, once the
   * others are checked (at most CHECKS of them; past that a range, never a wrong
   * number, narrowed as more results are drawn). */
  async function count() {
    const mine = latest;
    const unknown = state.order.filter((id) => !state.sure.has(id) && !state.checked.has(id));
    await check(unknown.slice(0, CHECKS));
    if (mine !== latest) return null;
    return range();
  }

  function range() {
    let found = 0, open = 0;
    for (const id of state.order) {
      if (state.sure.has(id) || state.checked.get(id) === true) found += 1;
      else if (!state.checked.has(id)) open += 1;
    }
    moreButton.hidden = !state.order.slice(state.next).some((id) => state.checked.get(id) !== false);
    return [found, found + open];
  }

  function told([low, high]) {
    return low === high ? `พบ ${number(low)} ข่าว` : `พบ ${number(low)}–${number(high)} ข่าว`;
  }

  const number = (n) => n.toLocaleString("th-TH");

  function say(text) { meta.textContent = text; }

  /* Nothing found: offer the nearest name to the query, or to one of its words. */
  function suggest(s, query, typed) {
    suggestion.replaceChildren();
    suggestion.hidden = true;
    const tries = [[query, (name) => name]];
    if (typed.length > 1) {
      typed.forEach((word, i) => tries.push([word, (name) =>
        typed.map((w, j) => (j === i ? name : w)).join(" ")]));
    }
    for (const [text, replaced] of tries) {
      const name = s.core.nearest(text, s.names);
      if (!name || s.core.nameKey(name) === s.core.nameKey(text)) continue;
      const button = document.createElement("button");
      button.type = "button";
      button.className = "nr-search__suggestion";
      button.textContent = name;
      const wanted = replaced(name);
      button.addEventListener("click", () => { input.value = wanted; run({ push: true }); input.focus(); });
      suggestion.append("หมายถึง ", button, " หรือไม่");
      suggestion.hidden = false;
      return name;
    }
    return null;
  }

  /* ---- the URL: ?q=…&province=<slug>&year=<BE> ---- */

  function fromURL() {
    const params = new URLSearchParams(window.location.search);
    return { q: params.get("q") || "", province: params.get("province") || "",
             year: params.get("year") || "" };
  }

  function urlFor(q, p, y) {
    const url = new URL(window.location.href);
    for (const [name, value] of [["q", q], ["province", p], ["year", y]]) {
      if (value) url.searchParams.set(name, value);
      else url.searchParams.delete(name);
    }
    return url;
  }

  /* A new history entry for a new query; typing on (or back) within one replaces it. */
  function remember(q, p, y) {
    const now = fromURL();
    const url = urlFor(q, p, y);
    if (url.href === window.location.href) return;
    const refines = now.province === p && now.year === y && now.q && q
      && (q.startsWith(now.q) || now.q.startsWith(q));
    if (refines) history.replaceState({ nrSearch: true }, "", url);
    else history.pushState({ nrSearch: true }, "", url);
  }

  function choose(select, value) {
    select.value = [...select.options].some((o) => o.value === value) ? value : "";
  }

  /* ---- running a query ---- */

  async function run({ push = true } = {}) {
    const mine = ++latest;
    const query = input.value.trim();
    const done = JSON.stringify([query, province.value, year.value]);
    const finish = (text) => { if (text) say(text); root.dataset.nrDone = done; };
    suggestion.hidden = true;
    let s;
    try {
      s = await load();
    } catch (error) {                 // no index: an archive with no entries yet
      if (mine !== latest) return;
      list.replaceChildren();
      moreButton.hidden = true;
      finish(query || province.value || year.value
        ? "ยังค้นหาไม่ได้: ยังไม่มีข่าวในคลัง" : "พิมพ์เพื่อค้นหาข่าว");
      return;
    }
    const typed = s.core.queryWords(input.value);
    const words = typed.filter((w) => w.length > 1);
    const filters = [];
    if (province.value) filters.push(`p-${province.value}`);
    if (year.value) filters.push(`y-${year.value}`);
    if (!words.length && !filters.length) {
      if (mine !== latest) return;
      list.replaceChildren();
      moreButton.hidden = true;
      delete root.dataset.nrTotal;
      finish(typed.length ? "พิมพ์อย่างน้อย 2 ตัวอักษร" : "พิมพ์เพื่อค้นหาข่าว");
      return;
    }
    if (push) remember(query, province.value, year.value);
    say("กำลังค้นหา…");
    let found;
    try {
      found = await find(s, words, filters);
    } catch (error) {
      if (mine !== latest) return;
      finish("ค้นหาไม่สำเร็จ ลองอีกครั้ง");
      return;
    }
    if (mine !== latest) return;                       // a newer query is on its way
    state = { order: found.order, sure: found.sure, checked: new Map(), next: 0, words, s };
    list.replaceChildren();
    await more();
    if (mine !== latest) return;
    const counted = await count();
    if (mine !== latest || !counted) return;
    const [low, high] = counted;
    root.dataset.nrTotal = String(low);
    if (high === 0) {
      const near = words.length ? suggest(s, query, typed) : null;
      root.dataset.nrSuggestion = near || "";
      finish("ไม่พบข่าวที่ตรงกัน");
      return;
    }
    finish(told(counted));
  }

  /* ---- opening, closing, keyboard ---- */

  let returnTo = null;
  function open() {
    if (toggle && !toggle.checked) toggle.checked = true;
    if (!returnTo) returnTo = document.activeElement !== input ? document.activeElement : opener;
    load().catch(() => {});
  }
  function close() {
    if (toggle) toggle.checked = false;
    input.blur();
    const back = returnTo;
    returnTo = null;
    if (back && back !== document.body && typeof back.focus === "function") back.focus();
  }

  function links() { return [...list.querySelectorAll("a.md-search-result__link")]; }

  function focusable() {
    return [...root.querySelectorAll("input, select, button, a[href], [tabindex]")]
      .filter((el) => !el.hidden && !el.disabled && el.tabIndex >= 0 && el.getClientRects().length);
  }

  root.addEventListener("keydown", (event) => {
    const all = links();
    const at = all.indexOf(document.activeElement);
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (at < 0 && event.target !== input) return;        // a select: its own arrows
      if (!all.length) return;
      event.preventDefault();
      const next = event.key === "ArrowDown" ? Math.min(at + 1, all.length - 1) : at - 1;
      if (next < 0) input.focus();
      else { all[next].focus(); all[next].scrollIntoView({ block: "nearest" }); }
    } else if (event.key === "Enter" && event.target === input) {
      event.preventDefault();
      if (all.length) all[0].click();
    } else if (event.key === "Tab" && PHONE.matches && toggle && toggle.checked) {
      const inside = focusable();                           // the open search holds focus
      if (!inside.length) return;
      const i = inside.indexOf(document.activeElement);
      if (event.shiftKey && i <= 0) { event.preventDefault(); inside[inside.length - 1].focus(); }
      else if (!event.shiftKey && i === inside.length - 1) { event.preventDefault(); inside[0].focus(); }
    }
  });

  let timer = 0;
  function later() { clearTimeout(timer); timer = setTimeout(() => run(), 120); }
  input.addEventListener("input", later);
  moreButton.addEventListener("click", async () => {
    const mine = latest;
    await more();
    if (mine === latest && state.s) say(told(range()));
  });
  input.addEventListener("focus", open);
  province.addEventListener("change", () => run());
  year.addEventListener("change", () => run());
  form.addEventListener("reset", () => setTimeout(() => run(), 0));
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && toggle && toggle.checked) close();
  });
  if (opener) {
    opener.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") { event.preventDefault(); opener.click(); }
    });
    opener.addEventListener("click", () => { returnTo = opener; });
  }
  if (toggle) toggle.addEventListener("change", () => {
    if (toggle.checked) { open(); input.focus(); } else close();
  });

  /* A link with ?q=, ?province= or ?year= opens the search with its results; the
   * back (and forward) button brings each query back. */
  async function restore(push) {
    const wanted = fromURL();
    if (!wanted.q && !wanted.province && !wanted.year) {
      if (toggle && toggle.checked && !push) close();
      return;
    }
    open();
    input.value = wanted.q;
    try { await load(); } catch (error) { /* run says so */ }
    choose(province, wanted.province);
    choose(year, wanted.year);
    input.focus();
    await run({ push: false });
  }
  window.addEventListener("popstate", () => restore(false));
  // A page's own "search" link (?province=…, ?year=…) opens the search without a reload.
  document.addEventListener("click", (event) => {
    const link = event.target.closest && event.target.closest("a[data-nr-search-link]");
    if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey
        || event.shiftKey || event.altKey) return;
    event.preventDefault();
    returnTo = link;
    history.pushState({ nrSearch: true }, "", new URL(link.getAttribute("href"), window.location.href));
    restore(false);
  });
  restore(true);
})();
