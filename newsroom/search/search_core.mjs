// How text becomes search keys: the one definition, shared by the index builder
// (newsroom/search_index.mjs, in Node) and the reader's browser (docs/assets/search.js
// imports this same file, copied into the site as assets/search-core.js).
//
// Thai has no spaces between words, and segmenters disagree on where words end
// (ICU: ขับ|เคลื่อน or ผลการ|ขับเคลื่อน, newmm: ขับเคลื่อน). A word split one way in
// the index and another way in the browser is a miss. So the index does not
// segment: it keeps, for each entry, every run of three characters (and of two,
// for two-letter queries) of its normalised text. A query word is looked up by its
// own runs of three; the entries holding all of them are the candidates, and the
// browser checks each shown entry's text for the word itself, so a result always
// contains what was typed, wherever it stands inside a longer Thai word.
//
// An entry's fields are indexed with its text: its provinces (Thai, English and
// aliases such as กทม.), tags, writers and photographers, each its own run of text,
// keyed like the title (a word in a field ranks like a word in the title).
//
// Words are keys too. The builder has a vocabulary (pythainlp's Thai dictionary, the
// archive's own names: programs, provinces, tags, people, and the nouns การ and ความ
// make of them; newsroom/search/vocabulary.py) and, at every place of a text, keys
// each vocabulary word of four characters or more that starts there, whatever word
// the text goes on with: ผู้ว่าราชการ is keyed inside ผู้ว่าราชการจังหวัด, as a reader
// who types it expects. Such a word's postings are exactly the entries that hold it,
// so its count is exact at once, from one shard, and no card needs checking. A word
// that no entry holds, or that is not in the vocabulary, is not in its shard: the
// browser then takes its runs of three (which find nothing, or candidates it checks).
//
// Words typed together without a space (ขับเคลื่อนจังหวัด) are no vocabulary word, and
// their runs of three often leave every entry undecided. Each listed word therefore
// also has its places in each entry (in a file of their own, fetched only then): when
// the typed text is covered by listed words (ขับเคลื่อน at 0, จังหวัด at 10), an entry
// holds it exactly if the words stand at those distances there (``holdsAt``).
//
// Exact counts for other words without fetching every card: each posting of a run
// of three also says which character stands before and after the run in that entry,
// when it is always the same one (see ``presence``). From these the browser knows,
// for most candidates, that the word is there (the runs chain into it) or that it
// cannot be; only the others are checked on their cards before the count is shown.
//
// Files the builder writes under search/ (all gzip, read with DecompressionStream):
//   index.json         manifest: shard count, entry count, the counts that make a pair
//                      word (pair_count), province (with their other names) and year
//                      choices, the tags and people (for suggestions)
//   i/<shard>.bin      keys of one hash shard with their postings
//   p/<shard>.bin      the places of that shard's words in their entries (readPlaces;
//                      none for a word whose counts reach pair_count alone)
//   f/p-<slug>.bin     entries of a province; f/y-<year>.bin entries of a program year
//   d/<id>.bin         one entry: url, title, Thai date, provinces, fields, text
// Entry ids follow the archive's order, newest first.

export const VERSION = 5;

const ZERO_WIDTH = new Set([0x00ad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff]);
const NIKHAHIT = 0x0e4d;
const SARA_AA = 0x0e32;
const SARA_AM = 0x0e33;
const THAI_ZERO = 0x0e50;

function isSpace(c) {
  return c === 32 || (c >= 9 && c <= 13) || c === 0x85 || c === 0xa0 || c === 0x1680
    || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f
    || c === 0x205f || c === 0x3000;
}

/** Text as it is indexed and searched: Latin lowercased, Thai digits as 0-9, sara am
 * written as nikhahit + sara aa joined, invisible characters dropped, every run of
 * whitespace one space. ``at[i]`` is where character i came from in ``text``
 * (not kept when ``keepPlaces`` is false: the index builder does not need it). */
export function normalize(text, keepPlaces = true) {
  // Character codes go to an array and become a string once: 22 million characters
  // at 10,000 entries, and Thai (the common case) needs no case mapping.
  const codes = new Uint16Array(text.length);
  const at = keepPlaces ? [] : null;
  let n = 0;
  let space = true;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0x0e00 && c <= 0x0e7f) {
      if (c === NIKHAHIT && text.charCodeAt(i + 1) === SARA_AA) {
        codes[n++] = SARA_AM; if (at) at.push(i); i++; space = false;
        continue;
      }
      if (c >= THAI_ZERO && c <= THAI_ZERO + 9) c = 48 + c - THAI_ZERO;
    } else if (c < 128) {
      if (c === 32 || (c >= 9 && c <= 13)) {
        if (!space) { codes[n++] = 32; if (at) at.push(i); space = true; }
        continue;
      }
      if (c >= 65 && c <= 90) c += 32;
    } else {
      if (ZERO_WIDTH.has(c)) continue;
      if (isSpace(c)) {
        if (!space) { codes[n++] = 32; if (at) at.push(i); space = true; }
        continue;
      }
      if (c < 0xd800 || c > 0xdfff) {
        const lower = String.fromCharCode(c).toLowerCase();
        if (lower.length === 1) c = lower.charCodeAt(0);
      }
    }
    space = false;
    codes[n++] = c;
    if (at) at.push(i);
  }
  if (n > 0 && codes[n - 1] === 32) { n--; if (at) at.pop(); }
  let out = "";
  for (let s = 0; s < n; s += 4096) {
    out += String.fromCharCode.apply(null, codes.subarray(s, Math.min(n, s + 4096)));
  }
  return { text: out, at: at || [] };
}

/** The words of a query: normalised, split at whitespace. */
export function queryWords(query) {
  return normalize(query).text.split(" ").filter((w) => w.length > 0);
}

const P16 = 65536;
const P32 = 4294967296;
const BIGRAM = 281474976710656;   // 2 ** 48: bigram keys sit above every trigram key
const WORD = 562949953421312;     // 2 ** 49: word keys above every pair
export const SHORTEST_WORD = 4;   // shorter words are a pair or a run of three: exact already
export const SHORTEST_LISTED = 2;  // but short words can be listed, for words typed together

/** The keys of one word (no whitespace in it): its runs of three characters, or for
 * a word of two characters, the pair. A single character has no key. */
export function wordKeys(word) {
  const keys = [];
  if (word.length === 2) keys.push(BIGRAM + word.charCodeAt(0) * P16 + word.charCodeAt(1));
  for (let i = 0; i + 2 < word.length; i++) {
    keys.push((word.charCodeAt(i) * P16 + word.charCodeAt(i + 1)) * P16 + word.charCodeAt(i + 2));
  }
  return [...new Set(keys)];
}

/** The key of a vocabulary word (normalised, four characters or more): above every
 * pair and run, from two 32-bit hashes of its characters (48 bits). Two words may
 * share one; the shard holds each word's characters, so they are told apart. */
export function wordKey(word) {
  let h1 = 0x811c9dc5, h2 = 0x9747b28c;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 13;
  }
  return WORD + ((h1 >>> 0) % P16) * P32 + (h2 >>> 0);
}

/** The runs of three of a word in order, repeats kept (wordKeys has each once). */
export function wordRuns(word) {
  const runs = [];
  for (let i = 0; i + 2 < word.length; i++) {
    runs.push((word.charCodeAt(i) * P16 + word.charCodeAt(i + 1)) * P16 + word.charCodeAt(i + 2));
  }
  return runs;
}

/** Calls ``add(key, before, after)`` for every key of normalised text (pairs and
 * runs of three that do not cross a space), one call per occurrence; for a run of
 * three, ``before`` and ``after`` are the side codes of its neighbours (EDGE at a
 * space or an end), for a pair -1. */
export function forEachKey(text, add) {
  for (let i = 0; i + 1 < text.length; i++) {
    const a = text.charCodeAt(i), b = text.charCodeAt(i + 1);
    if (a === 32 || b === 32) continue;
    add(BIGRAM + a * P16 + b, -1, -1);
    if (i + 2 < text.length) {
      const c = text.charCodeAt(i + 2);
      if (c === 32) continue;
      add((a * P16 + b) * P16 + c, sideCode(i > 0 ? text.charCodeAt(i - 1) : -1),
          sideCode(i + 3 < text.length ? text.charCodeAt(i + 3) : -1));
    }
  }
}

/** The shard file a key lives in. */
export function shardOf(key, shards) {
  const hi = Math.floor(key / P32);
  const lo = key % P32;
  let h = Math.imul(hi ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(lo | 0, 0xc2b2ae35);
  h ^= h >>> 15;
  h = Math.imul(h, 0x27d4eb2f);
  h ^= h >>> 13;
  return (h >>> 0) % shards;
}

// A word key is followed by the word: its length, then each character as a
// little-endian uint16. Postings: how many, then each entry id as the gap from the previous id minus one
// (unsigned LEB128), then one weight byte each: 128 if the key is in the title or a
// field, plus how often it occurs (at most 127). Runs of three (not pairs) then have
// one byte each for the character before the run in that entry and one for the
// character after it (``sideCode``), or MIXED when it is not always the same.
export const IN_TITLE = 128;
export const isRun = (key) => key < BIGRAM;
export const isWord = (key) => key >= WORD;

export const EDGE = 0;        // the run starts (or ends) a word: a space or the text's end
export const OTHER = 254;     // always the same character, one without a code of its own
export const MIXED = 255;     // not always the same

/** The byte a neighbouring character is written as: Thai 1-127, printable ASCII
 * 128-221, a space or nothing EDGE, anything else OTHER. */
export function sideCode(c) {
  if (c < 0 || c === 32) return EDGE;
  if (c > 0x0e00 && c <= 0x0e7f) return c - 0x0e00;
  if (c > 32 && c < 127) return c + 95;
  return OTHER;
}

/** Whether a word (normalised, no spaces) is in an entry that holds every run of it,
 * from each run's neighbours in that entry (``before[i]``, ``after[i]``: the side
 * bytes of the word's i-th run, wordRuns order): 1 surely (from one run, each
 * next run's character is always the one the word needs, and each previous one's:
 * the runs chain into the word), -1 surely not (a run is always beside another
 * character than the word's), 0 not known (the card must say). Words of two or
 * three characters are their own key: always 1. */
export function presence(word, before, after) {
  const m = word.length - 2;
  if (m <= 1) return 1;
  const need = (i) => sideCode(word.charCodeAt(i));
  // right[i]: run i is always followed by the word's next character; left[i]: preceded.
  const right = new Array(m).fill(false);
  const left = new Array(m).fill(false);
  for (let i = 0; i < m; i++) {
    if (i < m - 1) {
      const want = need(i + 3), got = after[i];
      if (got !== MIXED && got !== want && !(got === OTHER && want === OTHER)) return -1;
      right[i] = got === want && got !== OTHER;
    }
    if (i > 0) {
      const want = need(i - 1), got = before[i];
      if (got !== MIXED && got !== want && !(got === OTHER && want === OTHER)) return -1;
      left[i] = got === want && got !== OTHER;
    }
  }
  // An anchor run a with left[1..a] and right[a..m-2] all true proves the word.
  let lastLeft = 0;                        // left[1..lastLeft] all true
  while (lastLeft + 1 < m && left[lastLeft + 1]) lastLeft++;
  let firstRight = m - 1;                  // right[firstRight..m-2] all true
  while (firstRight > 0 && right[firstRight - 1]) firstRight--;
  if (firstRight <= lastLeft) return 1;
  return 0;
}

export function readVarint(bytes, pos) {
  let value = 0, scale = 1, b;
  do {
    b = bytes[pos.at++];
    value += (b & 127) * scale;
    scale *= 128;
  } while (b & 128);
  return value;
}

/** A shard file: Map of key -> [ids (Int32Array), weights, before, after (Uint8Arrays;
 * no sides for pairs and words)], a word's under the word itself (a string), with a
 * fifth item: whether it is a pair word (two vocabulary words written together, see
 * search_index.mjs pairWords). Each key is written as two little-endian uint32 (high
 * part, low part), then a word's characters, then its postings. */
export function readShard(bytes) {
  const keys = new Map();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const pos = { at: 0 };
  while (pos.at < bytes.length) {
    const key = view.getUint32(pos.at, true) * P32 + view.getUint32(pos.at + 4, true);
    pos.at += 8;
    if (isWord(key)) {
      const [word, pair] = readWord(bytes, view, pos);
      keys.set(word, [...readPostings(bytes, pos, false), pair]);
    } else {
      keys.set(key, readPostings(bytes, pos, isRun(key)));
    }
  }
  return keys;
}

/** A word's characters after its key: how many (times 2, plus 1 for a pair word),
 * then each a little-endian uint16. [word, whether a pair word]. */
function readWord(bytes, view, pos) {
  const code = readVarint(bytes, pos);
  const n = code >> 1;
  let word = "";
  for (let i = 0; i < n; i++) word += String.fromCharCode(view.getUint16(pos.at + 2 * i, true));
  pos.at += 2 * n;
  return [word, (code & 1) === 1];
}

export function readPostings(bytes, pos, sides = false) {
  const n = readVarint(bytes, pos);
  const ids = new Int32Array(n);
  let id = -1;
  for (let i = 0; i < n; i++) { id += readVarint(bytes, pos) + 1; ids[i] = id; }
  const weights = bytes.subarray(pos.at, pos.at + n);
  pos.at += n;
  if (!sides) return [ids, weights, null, null];
  const before = bytes.subarray(pos.at, pos.at + n);
  const after = bytes.subarray(pos.at + n, pos.at + 2 * n);
  pos.at += 2 * n;
  return [ids, weights, before, after];
}

/** A places file: Map of word -> [starts (Int32Array, one more than the word's
 * postings), places (Int32Array)]: the word's places in its i-th entry are
 * places[starts[i]] to places[starts[i + 1]] (exclusive), increasing. Each word is
 * written as its key and characters (as in the shard), then how many entries, then
 * for each entry how many places and each place as the gap from the previous minus
 * one. Places count the entry's text from 0, then its title and field names, each
 * one after the previous part's end (so no word reaches from one part into the next). */
export function readPlaces(bytes) {
  const words = new Map();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const pos = { at: 0 };
  while (pos.at < bytes.length) {
    pos.at += 8;
    const [word] = readWord(bytes, view, pos);
    const n = readVarint(bytes, pos);
    const starts = new Int32Array(n + 1);
    let all = [];
    for (let i = 0; i < n; i++) {
      starts[i] = all.length;
      const m = readVarint(bytes, pos);
      let at = -1;
      for (let j = 0; j < m; j++) { at += readVarint(bytes, pos) + 1; all.push(at); }
    }
    starts[n] = all.length;
    words.set(word, [starts, Int32Array.from(all)]);
  }
  return words;
}

/** How often an entry holds a text covered by words: ``places[j]`` are the entry's
 * places of the j-th word (increasing), which stands ``offsets[j]`` characters into the
 * text. Counts the places of the first word that have every other word at its distance. */
export function timesAt(places, offsets) {
  let times = 0;
  for (const first of places[0]) {
    const start = first - offsets[0];
    if (places.every((list, j) => j === 0 || indexIn(list, start + offsets[j]) >= 0)) times++;
  }
  return times;
}

/** Where a number is in an increasing list (ids, places), or -1. */
export function indexIn(list, x) {
  let lo = 0, hi = list.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (list[mid] < x) lo = mid + 1; else hi = mid; }
  return lo < list.length && list[lo] === x ? lo : -1;
}

/** The words that cover a text: from ``listed`` (triples [offset, word, cost], words
 * the index has, each standing at its offset in the text, and what it costs to read
 * its places), those whose spans, together, are the whole text (they may overlap) at
 * the least cost, then the fewest; null if they do not cover it. */
export function cover(length, listed) {
  const best = new Array(length + 1).fill(null);   // covered up to here: [cost, words]
  best[0] = [0, []];
  for (let covered = 0; covered < length; covered++) {
    if (!best[covered]) continue;
    const [cost, words] = best[covered];
    for (const span of listed) {
      const [offset, word, price] = span;
      const end = offset + word.length;
      if (offset > covered || end <= covered || end > length) continue;
      const was = best[end];
      if (!was || cost + price < was[0] || (cost + price === was[0] && words.length + 1 < was[1].length)) {
        best[end] = [cost + price, [...words, span]];
      }
    }
  }
  return best[length] && best[length][1].map(([offset, word]) => [offset, word]);
}

/** A filter file: the ids of the entries of one province or one program year. */
export function readIds(bytes) {
  const pos = { at: 0 };
  const n = readVarint(bytes, pos);
  const ids = new Int32Array(n);
  let id = -1;
  for (let i = 0; i < n; i++) { id += readVarint(bytes, pos) + 1; ids[i] = id; }
  return ids;
}

// The nearest name, for a search that found nothing: the same rules as Python's
// newsroom/model/province.py ``nearest`` (what `newsroom check` suggests for a
// province), difflib's SequenceMatcher ratio included, so a reader is offered the
// name a writer would be.

const THAI_PREFIX = "จังหวัด";

/** province.py ``name_key``: case, spaces, hyphens, dots and a จังหวัด prefix ignored. */
export function nameKey(name) {
  let n = name.trim();
  if (n.startsWith(THAI_PREFIX)) n = n.slice(THAI_PREFIX.length);
  return n.replace(/[\s\-_.]+/gu, "").toLowerCase();
}

/** difflib.SequenceMatcher(None, a, b).ratio(), for short strings (no autojunk). */
export function ratio(a, b) {
  const A = Array.from(a), B = Array.from(b);
  const b2j = new Map();
  B.forEach((c, j) => { if (!b2j.has(c)) b2j.set(c, []); b2j.get(c).push(j); });
  function longest(alo, ahi, blo, bhi) {
    let besti = alo, bestj = blo, bestsize = 0;
    let j2len = new Map();
    for (let i = alo; i < ahi; i++) {
      const next = new Map();
      for (const j of b2j.get(A[i]) || []) {
        if (j < blo) continue;
        if (j >= bhi) break;
        const k = (j2len.get(j - 1) || 0) + 1;
        next.set(j, k);
        if (k > bestsize) { besti = i - k + 1; bestj = j - k + 1; bestsize = k; }
      }
      j2len = next;
    }
    while (besti > alo && bestj > blo && A[besti - 1] === B[bestj - 1]) { besti--; bestj--; bestsize++; }
    while (besti + bestsize < ahi && bestj + bestsize < bhi && A[besti + bestsize] === B[bestj + bestsize]) bestsize++;
    return [besti, bestj, bestsize];
  }
  let matches = 0;
  const queue = [[0, A.length, 0, B.length]];
  while (queue.length) {
    const [alo, ahi, blo, bhi] = queue.pop();
    const [i, j, k] = longest(alo, ahi, blo, bhi);
    if (!k) continue;
    matches += k;
    if (alo < i && blo < j) queue.push([alo, i, blo, j]);
    if (i + k < ahi && j + k < bhi) queue.push([i + k, ahi, j + k, bhi]);
  }
  const total = A.length + B.length;
  return total ? (2 * matches) / total : 1;
}

/** province.py ``nearest``: ``choices`` is [name, value] pairs; the value of the only
 * name that starts with ``name`` (or that it starts with), else of the closest name
 * by ratio (0.6 or more; ties to the greater name, as difflib.get_close_matches). */
export function nearest(name, choices) {
  const key = nameKey(String(name));
  if (!key) return null;
  const byKey = new Map();
  for (const [n, value] of choices) byKey.set(nameKey(n), value);
  const starts = new Set();
  for (const [k, value] of byKey) if (k.startsWith(key) || key.startsWith(k)) starts.add(value);
  if (starts.size === 1) return [...starts][0];
  let best = null, bestScore = -1;
  for (const k of byKey.keys()) {
    const score = ratio(k, key);
    if (score >= 0.6 && (score > bestScore || (score === bestScore && k > best))) {
      best = k; bestScore = score;
    }
  }
  return best === null ? null : byKey.get(best);
}
