// Builds the archive's search index (the format is described in search_core.mjs).
//
// Input on stdin, one JSON object a line: first {"out": folder, "docs": count,
// "words": the vocabulary, sorted, and optionally "cards": {"from": the card folder
// of the last build's index, "digests": {digest: [id, size]} of its cards}}, then
// one line per entry, in any order, as the build renders them:
//   {"id", "url", "title", "date", "provinces": [[name, slug], …], "year",
//    "fields": [[kind, name, other names …], …], "text"}
// The index is built as lines arrive (the build renders pages meanwhile, on the
// other core) in a new folder: each entry's card file as it comes, the index and
// filter files at the end of input. That folder then takes the place of ``out`` in
// one rename, so a reader never sees half an index.
// Prints a JSON summary on stdout, with "cards": {id: [digest, size]} of the cards
// written, for the next build to link the same ones.
import { createInterface } from "node:readline";
import { createHash } from "node:crypto";
import { existsSync, linkSync, mkdirSync, renameSync, rmSync, statSync,
         writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { forEachKey, normalize, shardOf, isRun, isWord, wordKey, IN_TITLE, MIXED, SHORTEST_LISTED,
         VERSION } from "./search_core.mjs";

const SHARD_BYTES = 16 * 1024;      // aim for shards of about this size before gzip
// Deflate levels, measured on 10,000 entries (Node 20): shards of keys at level 4 are
// 17.4 MB against 16.5 at level 6, in 1.0 s against 3.1 (after the last entry, so
// the build waits for it); cards 19.8 MB against 19.1, 1.6 s against 2.1. Places are
// gaps between places, which the harder levels do not shrink (34.4 MB at 1 and 9).
const KEYS_LEVEL = 4, CARD_LEVEL = 4, PLACES_LEVEL = 1;
const MAX_SHARDS = 4096;

// Each distinct key gets a small number (its slot) when first seen; what is kept of
// it, and what one entry has of it while the entry is read, sit in arrays by slot,
// so an entry of 2,000 keys makes no Map or object of its own.
const keyOf = [];                   // slot -> key
// slot -> postings, one number each: for a pair id * 256 + weight, for a run of
// three id * 2 ** 24 + weight * 65536 + before * 256 + after (RUN_ID).
const postings = [];
const RUN_ID = 16777216;
let seen = new Int32Array(4096);    // slot -> the serial (1, 2, …) of the entry that last had it
let count = new Int32Array(4096);   // slot -> occurrences in that entry's text
let around = new Int32Array(4096);  // slot -> before * 256 + after in that entry; < 0 a pair
let titled = new Uint8Array(4096);  // slot -> in that entry's title or a field
let touched = new Int32Array(4096); // the slots of the entry being read
let many = new Int32Array(4096);    // slot -> places of a word in that entry
let next = new Int32Array(4096);    // slot -> where its next place goes, while they are sorted
// Where each word stands in each entry that holds it (for words typed together: the
// browser proves ขับเคลื่อน|จังหวัด is in an entry from the two words' places). One
// record per word and entry in the word's own bytes, ``placesOf[slot]`` (how many,
// then each place as the gap from the previous one minus one), one after the other
// in the order of the word's postings, ``placeAt[slot]`` their starts there. So a
// word whose entries came in order (most) is written to its shard's places file in
// one copy (copying 12 million records one by one from a log of all entries' took
// 3 s after the last entry at 10,000). An entry's places: its text from 0, then its
// title and each field name, each one place after the previous part's end.
const placesOf = [];
// (each word's bytes grow by a quarter, not twice: less left unused of 47 MB of places
// at 10,000 entries)
const PLACES_GROWTH = 1.25;
const placeAt = [];
let serial = 0;
const fragments = new Map();        // id -> [digest, bytes] of its card file, written as the entry arrives
const provinces = new Map();        // slug -> {name, ids}
const years = new Map();            // year -> ids
const tags = new Set();
const people = new Set();
let header = null;

function grown(array, size) {
  const bigger = new array.constructor(size);
  bigger.set(array);
  return bigger;
}

// key -> slot: open addressing in typed arrays (a Map of keys above 2 ** 31, which
// are not small integers to V8, cost as much as the rest of the indexing).
let table = new Float64Array(8192).fill(-1);     // the keys, -1 empty
let tableSlot = new Int32Array(8192);

function place(key) {
  const mask = table.length - 1;
  let h = Math.imul((key >>> 0) ^ Math.imul((key / 4294967296) | 0, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 15;
  let i = h & mask;
  while (table[i] !== key && table[i] !== -1) i = (i + 1) & mask;
  return i;
}

function newSlot(key) {
  const slot = keyOf.length;
  keyOf.push(key);
  postings.push([]);
  placeAt.push(null);
  if (slot === seen.length) {
    const size = 2 * slot;
    seen = grown(seen, size); count = grown(count, size); around = grown(around, size);
    titled = grown(titled, size); touched = grown(touched, size);
    many = grown(many, size); next = grown(next, size);
  }
  return slot;
}

function slotOf(key) {
  let i = place(key);
  if (table[i] === key) return tableSlot[i];
  const slot = newSlot(key);
  if (2 * (slot + 1) > table.length) {
    table = new Float64Array(2 * table.length).fill(-1);
    tableSlot = new Int32Array(table.length);
    for (let s = 0; s < slot; s++) {
      if (isWord(keyOf[s])) continue;       // a word's slot is found by its place: wordSlot
      const j = place(keyOf[s]); table[j] = keyOf[s]; tableSlot[j] = s;
    }
    i = place(key);
  }
  table[i] = key;
  tableSlot[i] = slot;
  return slot;
}

// The vocabulary as a trie: node -> character -> node in one open-addressing table
// (key node * symbols + the character's symbol, a small number: only the characters
// of the vocabulary have one), and the word each node ends (-1 none). A word has a
// slot once an entry holds it: the index lists the words found, and a word it does
// not list the browser looks up by its runs of three (never a wrong answer).
const wordText = [];                 // slot -> the word, for the slots of words
let symbolOf = new Uint16Array(65536);
let symbols = 1;
let trieKeys = new Int32Array(2).fill(-1);
let trieNode = new Int32Array(2);
let trieShift = 31;
let wordAt = new Int32Array(1).fill(-1);   // node -> the word's place in ``words`` (-1 none)
let words = [];
let wordSlot = new Int32Array(0);          // the word's place -> its slot (-1 not found yet)
// The nodes two characters deep, by their two symbols, in one small table (most walks
// end within two characters; the big table is not in the processor's cache).
let second = new Int32Array(0);

function trieSlot(key) {
  let i = Math.imul(key, 0x9e3779b1) >>> trieShift;
  while (trieKeys[i] !== key && trieKeys[i] !== -1) i = (i + 1) & (trieKeys.length - 1);
  return i;
}

function vocabulary(list) {
  words = [...new Set(list.map((w) => normalize(w, false).text))]
    .filter((w) => w.length >= SHORTEST_LISTED && !w.includes(" ")).sort();
  for (const word of words) {
    for (let i = 0; i < word.length; i++) {
      const c = word.charCodeAt(i);
      if (symbolOf[c] === 0) symbolOf[c] = symbols++;
    }
  }
  // Nodes: one per distinct prefix of a word, counted first to size the tables (the
  // fewer, the more of them stay in the processor's cache).
  let nodesNeeded = 1;
  words.forEach((word, w) => {
    const before = w > 0 ? words[w - 1] : "";
    let same = 0;                           // sorted: the prefix shared with the previous word
    while (same < word.length && same < before.length && word[same] === before[same]) same++;
    nodesNeeded += word.length - same;
  });
  if (nodesNeeded * symbols >= 2 ** 31) throw new Error("vocabulary too large for its trie");
  let size = 2;
  trieShift = 31;
  while (size < 1.5 * nodesNeeded) { size *= 2; trieShift--; }
  trieKeys = new Int32Array(size).fill(-1);
  trieNode = new Int32Array(size);
  wordAt = new Int32Array(nodesNeeded).fill(-1);
  wordSlot = new Int32Array(words.length).fill(-1);
  let nodes = 1;
  second = new Int32Array(symbols * symbols).fill(-1);
  words.forEach((word, w) => {
    let node = 0;
    for (let i = 0; i < word.length; i++) {
      const key = node * symbols + symbolOf[word.charCodeAt(i)];
      const at = trieSlot(key);
      if (trieKeys[at] === -1) { trieKeys[at] = key; trieNode[at] = nodes++; }
      node = trieNode[at];
      if (i === 1) second[symbolOf[word.charCodeAt(0)] * symbols + symbolOf[word.charCodeAt(1)]] = node;
    }
    wordAt[node] = w;
  });
}

function slotOfWord(w) {
  let slot = wordSlot[w];
  if (slot < 0) {
    slot = wordSlot[w] = newSlot(wordKey(words[w]));
    wordText[slot] = words[w];
    postings[slot] = new Ints();        // (millions of them at 10,000 entries)
    placeAt[slot] = new Ints();
    placesOf[slot] = new Bytes(64, PLACES_GROWTH);
  }
  return slot;
}

/** Calls ``add(slot, at)`` for each vocabulary word at each place ``at`` of normalised
 * text (one call per occurrence, as forEachKey). */
function forEachWord(text, add) {
  const n = text.length;
  for (let i = 0; i + SHORTEST_LISTED <= n; i++) {
    const first = symbolOf[text.charCodeAt(i)];
    if (first === 0) continue;
    let node = second[first * symbols + symbolOf[text.charCodeAt(i + 1)]];
    if (node < 0) continue;
    if (wordAt[node] >= 0) add(slotOfWord(wordAt[node]), i);
    for (let j = i + 2; j < n; j++) {
      const symbol = symbolOf[text.charCodeAt(j)];
      if (symbol === 0) break;                     // a space, or in no word
      const at = trieSlot(node * symbols + symbol);
      if (trieKeys[at] === -1) break;
      node = trieNode[at];
      if (wordAt[node] >= 0) add(slotOfWord(wordAt[node]), i);
    }
  }
}

function addDoc(doc) {
  const title = normalize(doc.title, false).text;
  const text = normalize(doc.text, false).text;
  const named = (doc.fields || []).flatMap(([, ...names]) => names)
    .map((n) => normalize(n, false).text);
  // Counts from the text; a key of the title or a field is marked, and counts once
  // if the text does not have it. Sides (runs of three only: a pair's are -1) from
  // all of them: the one before (after) if always the same, else MIXED.
  const mark = ++serial;
  let keys = 0;
  const visit = (k, before, after) => visitSlot(slotOf(k), before, after);
  const visitSlot = (slot, before, after) => {
    if (seen[slot] !== mark) {
      seen[slot] = mark; count[slot] = 0; titled[slot] = 0; many[slot] = 0; touched[keys++] = slot;
      around[slot] = before * 256 + after;
    } else if (before >= 0) {
      const was = around[slot];
      around[slot] = ((was >> 8) === before ? before : MIXED) * 256
        + ((was & 255) === after ? after : MIXED);
    }
    return slot;
  };
  // (visit first: it may put count and titled in bigger arrays)
  forEachKey(text, (k, before, after) => { const slot = visit(k, before, after); count[slot]++; });
  let base = 0;                   // the place the part being read starts at
  let found = 0;                  // words found in the entry, with their places
  const place = (slot, at) => {
    if (found === foundSlot.length) { foundSlot = grown(foundSlot, 2 * found); foundAt = grown(foundAt, 2 * found); }
    foundSlot[found] = slot;
    foundAt[found++] = base + at;
  };
  forEachWord(text, (slot, at) => { visitSlot(slot, -1, -1); count[slot]++; place(slot, at); });
  base = text.length + 1;
  for (const part of [title, ...named]) {
    forEachKey(part, (k, before, after) => { const slot = visit(k, before, after); titled[slot] = 1; });
    forEachWord(part, (slot, at) => { visitSlot(slot, -1, -1); titled[slot] = 1; place(slot, at); });
    base += part.length + 1;
  }
  const id = doc.id;
  for (let i = 0; i < keys; i++) {
    const slot = touched[i];
    const weight = Math.min(count[slot] || 1, 127) | (titled[slot] ? IN_TITLE : 0);
    const side = around[slot];
    postings[slot].push(side < 0 ? id * 256 + weight : id * RUN_ID + weight * 65536 + side);
  }
  entryLog.push(id, text.length, records);
  logPlaces(found, keys);
  for (const [kind, name] of doc.fields || []) {
    if (kind === "tag") tags.add(name);
    else if (kind === "author" || kind === "photographer") people.add(name);
  }
  for (const [name, slug] of doc.provinces) {
    if (!provinces.has(slug)) {
      const field = (doc.fields || []).find(([kind, shown]) => kind === "province" && shown === name);
      provinces.set(slug, { name, aliases: field ? field.slice(2) : [], ids: [] });
    }
    provinces.get(slug).ids.push(doc.id);
  }
  if (!years.has(doc.year)) years.set(doc.year, []);
  years.get(doc.year).push(doc.id);
  const card = { u: doc.url, t: doc.title, d: doc.date,
                 p: doc.provinces.map(([name]) => name).join(", "), f: doc.fields || [],
                 x: doc.text };
  fragments.set(doc.id, writeCard(doc.id, JSON.stringify(card)));   // not all at the end
}

// The cards of the last build, by the digest of their JSON (header.cards): an entry
// whose card is one of them has that file linked, not deflated and written again (a
// build that adds one entry to 10,000: 0.2 s against 2.0 to 2.7). The bytes are the
// same: the same JSON at the same level (a card of other code is never offered:
// kept_index.py). A file that is not there, or not at its size, is written anew.
let earlierCards = null;            // digest -> [id, size]

/** The card file of entry ``id``: [the digest of its JSON, its size]. */
function writeCard(id, json) {
  if (earlierCards === null) earlierCards = new Map(Object.entries(header.cards?.digests || {}));
  const digest = createHash("sha256").update(json).digest("base64");
  const target = join(folder(), "d", `${id}.bin`);
  const earlier = earlierCards.get(digest);
  if (Array.isArray(earlier)
      && linked(join(header.cards.from, `${Number(earlier[0])}.bin`), target, earlier[1])) {
    return [digest, earlier[1]];
  }
  const zipped = gzipSync(json, { level: CARD_LEVEL });
  writeFileSync(target, zipped);
  return [digest, zipped.length];
}

/** Whether ``target`` is now a hard link to ``source``, a file of ``size`` bytes; if
 * not, no file is left at ``target`` (a write there must not go into ``source``). */
function linked(source, target, size) {
  try {
    linkSync(source, target);
    if (statSync(target).size === size) return true;
  } catch {
    // not linked, or not asked of: removed below
  }
  rmSync(target, { force: true });
  return false;
}

// The new index's folder, made when the first entry arrives; it takes the place of
// ``out`` when everything is written.
let tmp = null;
function folder() {
  if (tmp === null) {
    tmp = `${header.out}.new-${process.pid}`;
    rmSync(tmp, { recursive: true, force: true });
    for (const sub of ["i", "p", "f", "d"]) mkdirSync(join(tmp, sub), { recursive: true });
  }
  return tmp;
}

class Bytes {
  constructor(size = 1024, growth = 2) { this.buf = Buffer.alloc(size); this.length = 0; this.growth = growth; }
  room(n) {
    if (this.length + n <= this.buf.length) return;
    const bigger = Buffer.alloc(Math.max(Math.ceil(this.buf.length * this.growth), this.length + n));
    this.buf.copy(bigger, 0, 0, this.length);
    this.buf = bigger;
  }
  byte(b) { this.room(1); this.buf[this.length++] = b; }
  varint(v) {
    this.room(8);
    while (v >= 128) { this.buf[this.length++] = (v % 128) | 128; v = Math.floor(v / 128); }
    this.buf[this.length++] = v;
  }
  uint32(v) { this.room(4); this.buf.writeUInt32LE(v >>> 0, this.length); this.length += 4; }
  done() { return this.buf.subarray(0, this.length); }
}

let foundSlot = new Int32Array(4096);
let foundAt = new Int32Array(4096);
let sortedAt = new Int32Array(4096);
let recordSlot = new Int32Array(4096); // record -> its word's slot (an entry's records follow each other)
let records = 0;
const entryLog = [];                // per entry: id, text length, first record

/** The places of the entry's words (``found`` of them, in ``foundSlot``/``foundAt``,
 * each word's in increasing order), one record per word in the word's bytes. */
function logPlaces(found, keys) {
  for (let i = 0; i < found; i++) many[foundSlot[i]]++;
  if (sortedAt.length < found) sortedAt = new Int32Array(2 * found);
  let start = 0;
  for (let i = 0; i < keys; i++) {
    const slot = touched[i];
    if (!isWord(keyOf[slot])) continue;
    next[slot] = start;
    start += many[slot];
  }
  for (let i = 0; i < found; i++) sortedAt[next[foundSlot[i]]++] = foundAt[i];
  for (let i = 0; i < keys; i++) {
    const slot = touched[i];
    if (!isWord(keyOf[slot])) continue;
    const n = many[slot];
    const from = next[slot] - n;
    const log = placesOf[slot];
    placeAt[slot].push(log.length);
    if (records === recordSlot.length) recordSlot = grown(recordSlot, 2 * records);
    recordSlot[records++] = slot;
    log.varint(n);
    let last = -1;
    for (let j = from; j < from + n; j++) { log.varint(sortedAt[j] - last - 1); last = sortedAt[j]; }
  }
}

/** Copies a word's place records to ``out``: all of them, in one copy, when
 * ``order`` is null, else the ones of the word's ``order`` (wordById). */
function copyPlaces(out, slot, order) {
  const log = placesOf[slot], at = placeAt[slot];
  if (order === null) {
    out.room(log.length);
    log.buf.copy(out.buf, out.length, 0, log.length);
    out.length += log.length;
    return;
  }
  for (const j of order) {
    const from = at[j], end = j + 1 < at.length ? at[j + 1] : log.length;
    out.room(end - from);
    log.buf.copy(out.buf, out.length, from, end);
    out.length += end - from;
  }
}

function writeIds(out, ids) {
  out.varint(ids.length);
  let last = -1;
  for (const id of ids) { out.varint(id - last - 1); last = id; }
}

// A postings list by id (ids come in any order, each once in a list, so the lower
// digits do not change the order); most come in order already.
function byId(list) {
  return inOrder(list) ? list : list.sort((a, b) => a - b);
}

function inOrder(list) {
  for (let i = 1; i < list.length; i++) if (list[i] < list[i - 1]) return false;
  return true;
}

/** A word's postings by id, and the order of its place records that is theirs
 * (null: the order they are in). */
function wordById(slot) {
  const list = postings[slot];
  if (inOrder(list)) return [list, null];
  const order = Array.from(list, (_, j) => j).sort((a, b) => list[a] - list[b]);
  return [order.map((j) => list[j]), order];
}

/** A key as the shard and places files write it: two little-endian uint32 (high
 * part, low part), then a word's length (times 2, plus 1 for a pair word) and
 * characters (uint16 each). */
function writeKey(out, key, word, pair) {
  out.uint32(Math.floor(key / 4294967296));
  out.uint32(key % 4294967296);
  if (word === undefined) return;
  out.varint(2 * word.length + (pair ? 1 : 0));
  out.room(2 * word.length);
  for (let i = 0; i < word.length; i++) {
    out.buf.writeUInt16LE(word.charCodeAt(i), out.length);
    out.length += 2;
  }
}

// Words typed together that the archive has often enough to cost a reader much to
// prove from their places (ขับเคลื่อน|จังหวัด: 190,000 places, 260 KB, at 10,000
// entries) are listed words too, marked as pairs: two vocabulary words whose counts
// (the counts of their postings, summed) reach PAIR_COUNT per entry of the archive
// together, the one right after the other in an entry, make a word of their own, with
// its entries and places like any other (one the vocabulary has already is not made
// again). So the browser knows, from two such words, that a pair it does not find is
// nowhere (manifest ``pair_count``). Found after the last entry, from the places logged.
// A vocabulary word whose counts reach PAIR_COUNT alone makes a pair with every word
// beside it: its places are never read (the pairs' are), and not written.
const PAIR_COUNT = 4;
const isPair = new Set();           // the slots of pair words

/** The counts of a word's postings, summed (what the browser sums from the shard);
 * kept by slot, as pairWords and build both ask. */
const countedAt = new Map();
function counted(slot) {
  let sum = countedAt.get(slot);
  if (sum === undefined) {
    sum = 0;
    for (const p of postings[slot]) sum += p & 127;
    countedAt.set(slot, sum);
  }
  return sum;
}

function pairWords(least) {
  const known = new Set(words);
  const pairSlot = new Map();        // slot A * 2 ** 26 + slot B -> slot of A + B, -1 none
  const byText = new Map();          // A + B -> its slot
  let headAt = new Int32Array(4096); // place -> 1 + the last link of a word starting there
  let stampAt = new Int32Array(4096); // place -> 1 + the entry whose head it is
  let linkSlot = new Int32Array(4096), linkNext = new Int32Array(4096);
  let flat = new Int32Array(4096), recordStart = new Int32Array(1024);
  let hitSlot = new Int32Array(1024), hitAt = new Int32Array(1024), order = new Int32Array(1024);
  let at = new Int32Array(1024);     // one pair's places in the entry
  const pairPostings = new Map(), pairRecords = new Map();   // slot -> Ints (millions at 10,000)
  let made = 0;
  const pos = { buf: null, at: 0 };      // the record being read
  // slot -> its records read so far: a word's records are in the order of the entries
  // (placeAt), which is the order they are read in here
  const cursor = new Int32Array(keyOf.length);
  const varint = () => {
    const log = pos.buf;
    let v = 0, scale = 1;
    for (;;) { const b = log[pos.at++]; v += (b & 127) * scale; scale *= 128; if (!(b & 128)) return v; }
  };
  const entries = entryLog.length / 3;
  for (let e = 0; e < entries; e++) {
    const id = entryLog[3 * e], textEnd = entryLog[3 * e + 1], first = entryLog[3 * e + 2];
    const last = e + 1 < entries ? entryLog[3 * e + 5] : records;
    if (recordStart.length <= last - first) recordStart = new Int32Array(2 * (last - first + 1));
    let n = 0, links = 0;
    for (let r = first; r < last; r++) {
      recordStart[r - first] = n;
      pos.buf = placesOf[recordSlot[r]].buf;
      pos.at = placeAt[recordSlot[r]][cursor[recordSlot[r]]++];
      const m = varint();
      let place = -1;
      for (let j = 0; j < m; j++) {
        place += varint() + 1;
        if (n === flat.length) { flat = grown(flat, 2 * n); linkSlot = grown(linkSlot, 2 * n); linkNext = grown(linkNext, 2 * n); }
        flat[n++] = place;
        if (place >= headAt.length) { headAt = grown(headAt, 2 * place + 2); stampAt = grown(stampAt, 2 * place + 2); }
        if (stampAt[place] !== e + 1) { stampAt[place] = e + 1; headAt[place] = 0; }
        linkSlot[links] = recordSlot[r]; linkNext[links] = headAt[place]; headAt[place] = ++links;
      }
    }
    recordStart[last - first] = n;
    let hits = 0;
    for (let r = first; r < last; r++) {
      const a = recordSlot[r];
      const length = wordText[a].length, ta = counted(a);
      for (let k = recordStart[r - first]; k < recordStart[r - first + 1]; k++) {
        const q = flat[k] + length;
        if (q >= stampAt.length || stampAt[q] !== e + 1) continue;
        for (let l = headAt[q]; l > 0; l = linkNext[l - 1]) {
          const b = linkSlot[l - 1];
          if (ta + counted(b) < least) continue;
          const pair = a * 67108864 + b;
          let slot = pairSlot.get(pair);
          if (slot === undefined) {
            const text = wordText[a] + wordText[b];
            slot = known.has(text) ? -1 : byText.get(text);
            if (slot === undefined) {
              slot = newSlot(wordKey(text));
              wordText[slot] = text;
              pairPostings.set(slot, new Ints());
              pairRecords.set(slot, new Ints());
              placesOf[slot] = new Bytes(64, PLACES_GROWTH);
              isPair.add(slot);
              byText.set(text, slot);
              made++;
            }
            pairSlot.set(pair, slot);
          }
          if (slot < 0) continue;
          if (hits === hitSlot.length) {
            hitSlot = grown(hitSlot, 2 * hits); hitAt = grown(hitAt, 2 * hits); order = grown(order, 2 * hits);
          }
          hitSlot[hits] = slot; hitAt[hits++] = flat[k];
        }
      }
    }
    if (hits === 0) continue;
    const sorted = order.subarray(0, hits);
    for (let i = 0; i < hits; i++) sorted[i] = i;
    sorted.sort((x, y) => hitSlot[x] - hitSlot[y] || hitAt[x] - hitAt[y]);
    if (at.length < hits) at = new Int32Array(2 * hits);
    for (let i = 0; i < hits;) {
      const slot = hitSlot[sorted[i]];
      let n = 0;
      for (; i < hits && hitSlot[sorted[i]] === slot; i++) {
        const place = hitAt[sorted[i]];
        if (n === 0 || at[n - 1] !== place) at[n++] = place;     // (two ways to cut it: once)
      }
      let inText = 0;
      while (inText < n && at[inText] < textEnd) inText++;
      pairPostings.get(slot).push(id * 256 + (Math.min(inText || 1, 127) | (inText < n ? IN_TITLE : 0)));
      const log = placesOf[slot];
      pairRecords.get(slot).push(log.length);
      log.varint(n);
      let before = -1;
      for (let j = 0; j < n; j++) { log.varint(at[j] - before - 1); before = at[j]; }
    }
  }
  for (const [slot, list] of pairPostings) {
    postings[slot] = list.done();
    placeAt[slot] = pairRecords.get(slot).done();
  }
  return made;
}

/** A list of int32 that grows (a plain array of millions of numbers takes twice the
 * memory): a word's postings and place records while entries arrive, a pair's after. */
class Ints {
  constructor() { this.a = new Int32Array(16); this.n = 0; }
  push(v) { if (this.n === this.a.length) this.a = grown(this.a, 2 * this.n); this.a[this.n++] = v; }
  done() { return this.a.slice(0, this.n); }
}

function build() {
  const { out, docs } = header;
  for (const slot of wordSlot) {
    if (slot >= 0) { postings[slot] = postings[slot].done(); placeAt[slot] = placeAt[slot].done(); }
  }
  const pairCount = header.pair_count ?? PAIR_COUNT * docs;
  const pairs = pairWords(pairCount);
  let rawBytes = 0;
  for (let slot = 0; slot < keyOf.length; slot++) {
    rawBytes += 10 + (isRun(keyOf[slot]) ? 4 : 2) * postings[slot].length;
  }
  let shards = 1;
  while (shards < MAX_SHARDS && rawBytes / shards > SHARD_BYTES) shards *= 2;

  const byShard = Array.from({ length: shards }, () => []);
  for (let slot = 0; slot < keyOf.length; slot++) byShard[shardOf(keyOf[slot], shards)].push(slot);

  folder();

  let indexBytes = 0;
  let low = new Int32Array(1024);     // a list's weights and sides: what is below its ids
  const file = new Bytes(64 * 1024);  // one shard's bytes, the next shard's after
  const places = new Bytes(64 * 1024); // its words' places
  let placeBytes = 0;
  for (let s = 0; s < shards; s++) {
    const inShard = byShard[s].sort((a, b) => keyOf[a] - keyOf[b]
      || (wordText[a] < wordText[b] ? -1 : 1));       // (only words can share a key)
    file.length = 0;
    places.length = 0;
    for (const slot of inShard) {
      const key = keyOf[slot];
      let list, order = null;
      if (isWord(key)) [list, order] = wordById(slot);
      else list = byId(postings[slot]);
      const scale = isRun(key) ? RUN_ID : 256;
      const n = list.length;
      if (low.length < n) low = new Int32Array(2 * n);
      const word = isWord(key) ? wordText[slot] : undefined;
      const pair = isPair.has(slot);
      writeKey(file, key, word, pair);
      if (isWord(key) && (pair || counted(slot) < pairCount)) {   // (see pairWords)
        writeKey(places, key, word, pair);
        places.varint(list.length);
        copyPlaces(places, slot, order);
        placesOf[slot] = null;        // (written: its memory goes back as the shards go)
      }
      file.varint(n);
      let last = -1;
      for (let i = 0; i < n; i++) {
        const id = Math.floor(list[i] / scale);
        file.varint(id - last - 1);
        last = id;
        low[i] = list[i] - id * scale;
      }
      file.room(3 * n);
      const buf = file.buf;
      let at = file.length;
      if (scale === 256) {
        for (let i = 0; i < n; i++) buf[at++] = low[i];
      } else {
        for (let i = 0; i < n; i++) buf[at++] = low[i] >> 16;
        for (let i = 0; i < n; i++) buf[at++] = (low[i] >> 8) & 255;
        for (let i = 0; i < n; i++) buf[at++] = low[i] & 255;
      }
      file.length = at;
    }
    const zipped = gzipSync(file.done(), { level: KEYS_LEVEL });
    indexBytes += zipped.length;
    writeFileSync(join(tmp, "i", `${s}.bin`), zipped);
    if (places.length > 0) {
      const zippedPlaces = gzipSync(places.done(), { level: PLACES_LEVEL });
      placeBytes += zippedPlaces.length;
      writeFileSync(join(tmp, "p", `${s}.bin`), zippedPlaces);
    }
  }

  const filterFile = (name, ids) => {
    const file = new Bytes();
    writeIds(file, [...ids].sort((a, b) => a - b));
    writeFileSync(join(tmp, "f", `${name}.bin`), gzipSync(file.done(), { level: KEYS_LEVEL }));
  };
  for (const [slug, { ids }] of provinces) filterFile(`p-${slug}`, ids);
  for (const [year, ids] of years) filterFile(`y-${year}`, ids);

  let fragmentBytes = 0;
  for (const [, size] of fragments.values()) fragmentBytes += size;

  const manifest = {
    version: VERSION, docs, shards, pair_count: pairCount,
    provinces: [...provinces].map(([slug, p]) => ({ name: p.name, slug, count: p.ids.length,
                                                    aliases: p.aliases }))
      .sort((a, b) => (a.slug < b.slug ? -1 : 1)),
    tags: [...tags].sort(),
    people: [...people].sort(),
    years: [...years].map(([year, ids]) => ({ year, count: ids.length }))
      .sort((a, b) => b.year - a.year),
  };
  writeFileSync(join(tmp, "index.json"), JSON.stringify(manifest));

  const old = `${out}.old-${process.pid}`;
  if (existsSync(out)) renameSync(out, old);
  renameSync(tmp, out);
  rmSync(old, { recursive: true, force: true });
  return { entries: fragments.size, keys: keyOf.length, words: wordText.filter(Boolean).length, pairs, shards,
           index_kb: Math.round(indexBytes / 1024), places_kb: Math.round(placeBytes / 1024),
           entries_kb: Math.round(fragmentBytes / 1024), cards: Object.fromEntries(fragments) };
}

const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of lines) {
  if (!line) continue;
  const value = JSON.parse(line);
  if (header === null) { header = value; vocabulary(header.words || []); }
  else addDoc(value);
  // Every entry is in: the index is built now, while the build renders its last pages
  // (a build that adds one entry sends the others first), not at the end of the input.
  if (header !== null && fragments.size === header.docs) break;
}
if (header === null) throw new Error("no header line on stdin");
if (fragments.size !== header.docs) {
  throw new Error(`expected ${header.docs} entries, got ${fragments.size}`);
}
process.stdout.write(JSON.stringify(build()));
