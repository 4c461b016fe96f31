// Builds the archive's search index (the format is described in search_core.mjs).
//
// Input on stdin, one JSON object a line: first {"out": folder, "docs": count}, then
// one line per entry, in any order, as the build renders them:
//   {"id", "url", "title", "date", "provinces": [[name, slug], …], "year",
//    "fields": [[kind, name, other names …], …], "text"}
// The index is built as lines arrive (the build renders pages meanwhile, on the
// other core) in a new folder: each entry's card file as it comes, the index and
// filter files at the end of input. That folder then takes the place of ``out`` in
// one rename, so a reader never sees half an index.
// Prints a JSON summary on stdout.
import { createInterface } from "node:readline";
import { mkdirSync, renameSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { forEachKey, normalize, shardOf, sideCode, isRun, IN_TITLE, MIXED, VERSION } from "./search_core.mjs";

const SHARD_BYTES = 16 * 1024;      // aim for shards of about this size before gzip
const MAX_SHARDS = 4096;

const postings = new Map();         // key -> [id * 256 + weight, …]
const sides = new Map();            // run key -> [before * 256 + after, …], as postings
const fragments = new Map();        // id -> bytes of its card file, written as the entry arrives
const provinces = new Map();        // slug -> {name, ids}
const years = new Map();            // year -> ids
const tags = new Set();
const people = new Set();
let header = null;

function addDoc(doc) {
  const title = normalize(doc.title, false).text;
  const text = normalize(doc.text, false).text;
  const named = (doc.fields || []).flatMap(([, ...names]) => names)
    .map((n) => normalize(n, false).text);
  // Counts from the text; a key of the title or a field is marked, and counts once
  // if the text does not have it. Sides from all of them.
  const counts = new Map();
  const around = new Map();
  const side = (k, before, after) => {
    if (!isRun(k)) return;
    const was = around.get(k);
    if (was === undefined) { around.set(k, before * 256 + after); return; }
    const b = Math.floor(was / 256) === before ? before : MIXED;
    const a = was % 256 === after ? after : MIXED;
    around.set(k, b * 256 + a);
  };
  forEachKey(text, (k, before, after) => { counts.set(k, (counts.get(k) || 0) + 1); side(k, before, after); });
  const inTitle = new Set();
  for (const part of [title, ...named]) {
    forEachKey(part, (k, before, after) => { inTitle.add(k); side(k, before, after); });
  }
  for (const k of inTitle) if (!counts.has(k)) counts.set(k, 1);
  for (const [k, n] of counts) {
    const weight = Math.min(n, 127) | (inTitle.has(k) ? IN_TITLE : 0);
    const list = postings.get(k);
    if (list) list.push(doc.id * 256 + weight);
    else postings.set(k, [doc.id * 256 + weight]);
    if (isRun(k)) {
      const s = sides.get(k);
      const v = doc.id * 65536 + around.get(k);
      if (s) s.push(v); else sides.set(k, [v]);
    }
  }
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
  const zipped = gzipSync(JSON.stringify(card));
  writeFileSync(join(folder(), "d", `${doc.id}.bin`), zipped);    // not all at the end
  fragments.set(doc.id, zipped.length);
}

// The new index's folder, made when the first entry arrives; it takes the place of
// ``out`` when everything is written.
let tmp = null;
function folder() {
  if (tmp === null) {
    tmp = `${header.out}.new-${process.pid}`;
    rmSync(tmp, { recursive: true, force: true });
    for (const sub of ["i", "f", "d"]) mkdirSync(join(tmp, sub), { recursive: true });
  }
  return tmp;
}

class Bytes {
  constructor(size = 1024) { this.buf = Buffer.alloc(size); this.length = 0; }
  room(n) {
    if (this.length + n <= this.buf.length) return;
    const bigger = Buffer.alloc(Math.max(this.buf.length * 2, this.length + n));
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

function writeIds(out, ids) {
  out.varint(ids.length);
  let last = -1;
  for (const id of ids) { out.varint(id - last - 1); last = id; }
}

function build() {
  const { out, docs } = header;
  let rawBytes = 0;
  for (const [key, list] of postings) rawBytes += 10 + (isRun(key) ? 4 : 2) * list.length;
  let shards = 1;
  while (shards < MAX_SHARDS && rawBytes / shards > SHARD_BYTES) shards *= 2;

  const byShard = Array.from({ length: shards }, () => []);
  for (const key of postings.keys()) byShard[shardOf(key, shards)].push(key);

  folder();

  let indexBytes = 0;
  for (let s = 0; s < shards; s++) {
    const keys = byShard[s].sort((a, b) => a - b);
    const file = new Bytes(64 * 1024);
    for (const key of keys) {
      const list = postings.get(key).sort((a, b) => a - b);   // by id (ids come in any order)
      file.uint32(Math.floor(key / 4294967296));
      file.uint32(key % 4294967296);
      file.varint(list.length);
      let last = -1;
      for (const v of list) { const id = Math.floor(v / 256); file.varint(id - last - 1); last = id; }
      file.room(list.length);
      for (const v of list) file.buf[file.length++] = v % 256;
      if (isRun(key)) {
        const around = sides.get(key).sort((a, b) => a - b);     // the same id order
        file.room(2 * around.length);
        for (const v of around) file.buf[file.length++] = Math.floor(v / 256) % 256;
        for (const v of around) file.buf[file.length++] = v % 256;
      }
    }
    const zipped = gzipSync(file.done());
    indexBytes += zipped.length;
    writeFileSync(join(tmp, "i", `${s}.bin`), zipped);
  }

  const filterFile = (name, ids) => {
    const file = new Bytes();
    writeIds(file, [...ids].sort((a, b) => a - b));
    writeFileSync(join(tmp, "f", `${name}.bin`), gzipSync(file.done()));
  };
  for (const [slug, { ids }] of provinces) filterFile(`p-${slug}`, ids);
  for (const [year, ids] of years) filterFile(`y-${year}`, ids);

  let fragmentBytes = 0;
  for (const size of fragments.values()) fragmentBytes += size;

  const manifest = {
    version: VERSION, docs, shards,
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
  return { entries: fragments.size, keys: postings.size, shards,
           index_kb: Math.round(indexBytes / 1024), entries_kb: Math.round(fragmentBytes / 1024) };
}

const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of lines) {
  if (!line) continue;
  const value = JSON.parse(line);
  if (header === null) header = value;
  else addDoc(value);
}
if (header === null) throw new Error("no header line on stdin");
if (fragments.size !== header.docs) {
  throw new Error(`expected ${header.docs} entries, got ${fragments.size}`);
}
process.stdout.write(JSON.stringify(build()));
