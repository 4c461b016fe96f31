// Thai sub-words for the search index.
//
// Pagefind segments Thai with ICU (as browsers' Intl.Segmenter do) and matches a
// query word against the *start* of indexed words. ICU keeps many compounds whole
// (ปีงบประมาณ, ศาลากลางจังหวัด), so a reader typing งบประมาณ would miss every
// report that only says ปีงบประมาณ. For each long word of the text this prints the
// suffixes that start a new word (งบประมาณ, ประมาณ), which the build adds to the
// page as index-only text.
//
// A suffix counts when the part before it is made of dictionary words and the suffix
// starts with one (the word list is pythainlp's, passed as the first argument).
//
// Input: JSON array of strings on stdin. Output: JSON array of strings (space-joined
// sub-words, one per input), same order.
import { readFileSync } from "node:fs";

const segmenter = new Intl.Segmenter("th", { granularity: "word" });
const THAI = /[\u0E01-\u0E4E]/;
const CAN_START = /^[\u0E01-\u0E2E\u0E40-\u0E44]/;   // a consonant or a leading vowel
const LEADING_VOWEL = /[\u0E40-\u0E44]/;

const dictionary = new Set(readFileSync(process.argv[2], "utf8").split("\n").map((w) => w.trim()));

function words(text) {
  return [...segmenter.segment(text)].map((s) => s.segment);
}

function addSuffixes(word, found) {
  for (let i = 1; i < word.length - 1; i++) {
    const rest = word.slice(i);
    if (found.has(rest) || !CAN_START.test(rest) || LEADING_VOWEL.test(word[i - 1])) continue;
    if (!words(word.slice(0, i)).every((w) => dictionary.has(w))) continue;
    const first = words(rest)[0];
    if (first.length >= 2 && dictionary.has(first)) {
      found.add(rest);
      addSuffixes(rest, found);   // งบประมาณ -> ประมาณ
    }
  }
}

const known = new Map();   // word -> its suffixes; reports repeat their words a lot

function suffixesOf(word) {
  let suffixes = known.get(word);
  if (suffixes === undefined) {
    const found = new Set();
    addSuffixes(word, found);
    suffixes = [...found];
    known.set(word, suffixes);
  }
  return suffixes;
}

// Segmenting a long string costs time growing with the square of its length (V8's
// segment iterator: 1 MB of Thai took a minute), so segment the text a run between
// whitespace at a time (no word spans whitespace), and very long runs in pieces.
const LONGEST_RUN = 2000;

function* pieces(text) {
  for (const run of text.split(/\s+/)) {
    for (let i = 0; i < run.length; i += LONGEST_RUN) yield run.slice(i, i + LONGEST_RUN);
  }
}

export function subwords(text) {
  const found = new Set();
  for (const piece of pieces(text)) {
    for (const { segment: word, isWordLike } of segmenter.segment(piece)) {
      if (isWordLike && word.length >= 4 && THAI.test(word)) {
        for (const s of suffixesOf(word)) found.add(s);
      }
    }
  }
  return [...found].join(" ");
}

const input = JSON.parse(readFileSync(0, "utf8"));
process.stdout.write(JSON.stringify(input.map(subwords)));
