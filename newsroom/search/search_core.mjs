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
// Files the builder writes under search/ (all gzip, read with DecompressionStream):
//   index.json         manifest: shard count, entry count, province and year choices
//   i/<shard>.bin      keys of one hash shard with their postings
//   f/p-<slug>.bin     entries of a province; f/y-<year>.bin entries of a program year
//   d/<id>.bin         one entry: url, title, Thai date, provinces, text (for excerpts)
// Entry ids follow the archive's order, newest first.

export const VERSION = 1;

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

/** Calls ``add(key)`` for every key of normalised text (pairs and runs of three that
 * do not cross a space), one call per occurrence. */
export function forEachKey(text, add) {
  let a = -1, b = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) { a = b = -1; continue; }
    if (b >= 0) {
      add(BIGRAM + b * P16 + c);
      if (a >= 0) add((a * P16 + b) * P16 + c);
    }
    a = b; b = c;
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

// Postings: how many, then each entry id as the gap from the previous id minus one
// (unsigned LEB128), then one weight byte each: 128 if the key is in the title, plus
// how often it occurs (at most 127).
export const IN_TITLE = 128;

export function readVarint(bytes, pos) {
  let value = 0, scale = 1, b;
  do {
    b = bytes[pos.at++];
    value += (b & 127) * scale;
    scale *= 128;
  } while (b & 128);
  return value;
}

/** A shard file: Map of key -> [ids (Int32Array), weights (Uint8Array)]. Each key is
 * written as two little-endian uint32 (high part, low part), then its postings. */
export function readShard(bytes) {
  const keys = new Map();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const pos = { at: 0 };
  while (pos.at < bytes.length) {
    const key = view.getUint32(pos.at, true) * P32 + view.getUint32(pos.at + 4, true);
    pos.at += 8;
    keys.set(key, readPostings(bytes, pos));
  }
  return keys;
}

export function readPostings(bytes, pos) {
  const n = readVarint(bytes, pos);
  const ids = new Int32Array(n);
  let id = -1;
  for (let i = 0; i < n; i++) { id += readVarint(bytes, pos) + 1; ids[i] = id; }
  const weights = bytes.subarray(pos.at, pos.at + n);
  pos.at += n;
  return [ids, weights];
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
