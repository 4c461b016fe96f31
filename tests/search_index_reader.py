"""Reads the built search index from Python, independently of search.js: the tests
use it to check the index itself (every entry holding a word is a candidate for it)."""

from __future__ import annotations

import gzip
import json
import struct
from pathlib import Path

P16 = 1 << 16
BIGRAM = 1 << 48
WORD = 1 << 49
THAI_ZERO = 0x0E50


def normalize(text: str) -> str:
    text = text.replace("\u0e4d\u0e32", "\u0e33")
    text = "".join(c for c in text if c not in "\u00ad\u200b\u200c\u200d\u2060\ufeff")
    text = "".join(chr(48 + ord(c) - THAI_ZERO) if THAI_ZERO <= ord(c) <= THAI_ZERO + 9 else c
                   for c in text)
    return " ".join(text.lower().split())


def word_keys(word: str) -> set[int]:
    c = [ord(ch) for ch in word]
    if len(c) == 2:
        return {BIGRAM + c[0] * P16 + c[1]}
    return {(c[i] * P16 + c[i + 1]) * P16 + c[i + 2] for i in range(len(c) - 2)}


def _imul(a: int, b: int) -> int:
    return ((a & 0xFFFFFFFF) * (b & 0xFFFFFFFF)) & 0xFFFFFFFF


def word_key(word: str) -> int:
    """search_core.mjs wordKey, written again."""
    h1, h2 = 0x811C9DC5, 0x9747B28C
    for ch in word:
        h1 = _imul(h1 ^ ord(ch), 0x01000193)
        h2 = _imul(h2 ^ ord(ch), 0x5BD1E995)
        h2 ^= h2 >> 13
    return WORD + (h1 % (1 << 16)) * (1 << 32) + h2


def shard_of(key: int, shards: int) -> int:
    hi, lo = divmod(key, 1 << 32)
    h = _imul(hi ^ 0x9E3779B9, 0x85EBCA6B) ^ _imul(lo, 0xC2B2AE35)
    h ^= h >> 15
    h = _imul(h, 0x27D4EB2F)
    h ^= h >> 13
    return h % shards


def _varint(data: bytes, at: int) -> tuple[int, int]:
    value = shift = 0
    while True:
        b = data[at]
        at += 1
        value |= (b & 127) << shift
        shift += 7
        if not b & 128:
            return value, at


def _word(data: bytes, at: int) -> tuple[str, bool, int]:
    """A word after its key (shards and places files alike, as search_core.mjs
    readWord): its length times 2 plus 1 for a pair word, then its characters."""
    code, at = _varint(data, at)
    length = code >> 1
    return data[at:at + 2 * length].decode("utf-16-le"), bool(code & 1), at + 2 * length


def _ids(data: bytes, at: int) -> tuple[list[int], int]:
    n, at = _varint(data, at)
    ids, last = [], -1
    for _ in range(n):
        gap, at = _varint(data, at)
        last += gap + 1
        ids.append(last)
    return ids, at


class SearchIndex:
    def __init__(self, site: Path) -> None:
        self.folder = site / "search"
        self.manifest = json.loads((self.folder / "index.json").read_text(encoding="utf-8"))
        self._shards: dict[int, dict[int | str, list[tuple[int, int]]]] = {}
        self.sides: dict[int, tuple[bytes, bytes]] = {}    # run key -> (before, after) bytes
        self.pairs: set[str] = set()     # the pair words of the shards read so far

    def shard(self, n: int) -> dict[int | str, list[tuple[int, int]]]:
        """key -> postings; a word's under the word (a string), as search_core.mjs readShard."""
        if n not in self._shards:
            data = gzip.decompress((self.folder / "i" / f"{n}.bin").read_bytes())
            keys: dict[int | str, list[tuple[int, int]]] = {}
            at = 0
            while at < len(data):
                hi, lo = struct.unpack_from("<II", data, at)
                key: int | str = hi * (1 << 32) + lo
                at += 8
                if key >= WORD:
                    key, pair, at = _word(data, at)
                    if pair:
                        self.pairs.add(key)
                ids, at = _ids(data, at)
                weights = data[at:at + len(ids)]
                at += len(ids)
                if isinstance(key, int) and key < BIGRAM:      # runs of three: the bytes of their sides
                    self.sides[key] = (data[at:at + len(ids)], data[at + len(ids):at + 2 * len(ids)])
                    at += 2 * len(ids)
                keys[key] = list(zip(ids, weights))
            self._shards[n] = keys
        return self._shards[n]

    def is_pair(self, word: str) -> bool:
        """Whether a listed word is a pair word (two vocabulary words written together)."""
        w = normalize(word)
        assert self.word(w) is not None, w
        return w in self.pairs

    def postings(self, key: int) -> list[tuple[int, int]]:
        return self.shard(shard_of(key, self.manifest["shards"])).get(key, [])

    def word(self, word: str) -> list[tuple[int, int]] | None:
        """A vocabulary word's postings (None: not one of the index's words)."""
        w = normalize(word)
        return self.shard(shard_of(word_key(w), self.manifest["shards"])).get(w)

    def places(self, word: str) -> dict[int, list[int]] | None:
        """A listed word's places in each entry holding it (entry id -> places, as
        search_core.mjs readPlaces), None if the word is not listed or has none."""
        w = normalize(word)
        listed = self.word(w)
        if listed is None:
            return None
        data = gzip.decompress(
            (self.folder / "p" / f"{shard_of(word_key(w), self.manifest['shards'])}.bin").read_bytes())
        at = 0
        while at < len(data):
            at += 8
            name, _, at = _word(data, at)
            n, at = _varint(data, at)
            found = []
            for _ in range(n):
                m, at = _varint(data, at)
                place, mine = -1, []
                for _ in range(m):
                    gap, at = _varint(data, at)
                    place += gap + 1
                    mine.append(place)
                found.append(mine)
            if name == w:
                assert len(found) == len(listed)
                return {entry: mine for (entry, _), mine in zip(listed, found)}
        return None         # a word frequent enough to pair with every word beside it

    def candidates(self, word: str) -> set[int]:
        """Entry ids holding every key of the word."""
        found: set[int] | None = None
        for key in word_keys(normalize(word)):
            ids = {i for i, _ in self.postings(key)}
            found = ids if found is None else found & ids
        return found or set()

    def card(self, entry_id: int) -> dict[str, str]:
        data = gzip.decompress((self.folder / "d" / f"{entry_id}.bin").read_bytes())
        return json.loads(data)

    def filter(self, name: str) -> list[int]:
        return _ids(gzip.decompress((self.folder / "f" / f"{name}.bin").read_bytes()), 0)[0]


_UNDECIDED = """
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
const [core_url, dir, raw] = JSON.parse(readFileSync(0, "utf8"));
const core = await import(core_url);
const manifest = JSON.parse(readFileSync(`${dir}/index.json`, "utf8"));
const shard = (n) => core.readShard(new Uint8Array(gunzipSync(readFileSync(`${dir}/i/${n}.bin`))));
const w = core.normalize(raw).text;
const runs = core.wordRuns(w);
const lists = runs.map((r) => shard(core.shardOf(r, manifest.shards)).get(r));
let open = 0;
if (runs.length && !lists.some((l) => !l)) {
  for (let id = 0; id < manifest.docs; id++) {
    const at = lists.map(([ids]) => ids.indexOf(id));
    if (at.some((i) => i < 0)) continue;
    if (core.presence(w, at.map((i, r) => lists[r][2][i]), at.map((i, r) => lists[r][3][i])) === 0) open++;
  }
}
process.stdout.write(String(open));
"""


def undecided(site: Path, word: str) -> int:
    """How many candidates of a word its runs of three alone leave undecided (search_core
    ``presence`` 0): what the browser would have to check on cards without the word key."""
    import subprocess
    from newsroom.search.indexer import CORE_SCRIPT
    out = subprocess.run(["node", "--input-type=module", "-e", _UNDECIDED], check=True,
                         input=json.dumps([CORE_SCRIPT.as_uri(), str(site / "search"), word]),
                         capture_output=True, text=True, encoding="utf-8")
    return int(out.stdout)
