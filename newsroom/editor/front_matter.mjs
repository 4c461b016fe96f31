// The entries' format in the web editor (Decap CMS `format: newsroom`), and in Node for
// the round-trip tests (tests/unit/test_editor_round_trip.py): one file, so what is tested
// is what the editor runs.
//
// fromFile reads an entry as the form shows it (a name or a list of names as a list, a
// province by any spelling as its Thai name, a gallery photo as {file, caption}) and keeps
// the file's text under data.__newsroom. toFile writes each field whose value the form did
// not change exactly as it was written, comments before it included; a changed field is
// written anew, as `newsroom new` would write it; a field the form does not show is kept;
// comments after the last field (`newsroom import` writes its notes there) are kept; the
// body is written as the form has it, byte for byte, with a final newline.
//
// A value the form does not know how to show (a number as a title, a mapping) is left as
// YAML read it, so it is written back as it was unless the writer changes it.

export const STASH = "__newsroom";
const FENCE = /^---[ \t]*$/;

// --------------------------------------------------------------------------
// Splitting a file
// --------------------------------------------------------------------------

/** {front, after}: the front matter's text and what follows its closing ---, or null. */
export function split(content) {
  const text = content.startsWith("\ufeff") ? content.slice(1) : content;
  const lines = text.split("\n");
  if (!FENCE.test(lines[0].replace(/\r$/, ""))) return null;
  for (let i = 1; i < lines.length; i++) {
    if (FENCE.test(lines[i].replace(/\r$/, ""))) {
      return {
        opening: lines[0], closing: lines[i],
        front: lines.slice(1, i).join("\n") + (i > 1 ? "\n" : ""),
        after: lines.slice(i + 1).join("\n"),
      };
    }
  }
  return null;
}

/** The body as the form shows it (the blank line after the front matter is the file's,
 * not the writer's) and that blank line. */
function bodyOf(after) {
  const m = /^(\r?\n)*/.exec(after);
  return { gap: m[0], body: after.slice(m[0].length) };
}

/** The front matter as segments: the lines before the first field (head), each field's
 * lines with the comment lines just before it (lead), and the comment lines after the
 * last one (tail). */
function segments(YAML, front) {
  const doc = YAML.parseDocument(front);
  if (doc.errors.length) throw new Error(`YAML: ${doc.errors.map(e => e.message).join("; ")}`);
  const items = doc.contents && doc.contents.items ? doc.contents.items : [];
  const lines = front.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  const starts = [];                 // line index of each top-level key
  let offset = 0, line = 0;
  const lineOf = pos => {
    while (line < lines.length && offset + lines[line].length + 1 <= pos) {
      offset += lines[line].length + 1; line++;
    }
    return line;
  };
  for (const pair of items) {
    const at = pair.key && pair.key.range ? pair.key.range[0] : -1;
    const i = at >= 0 ? lineOf(at) : -1;
    if (i < 0 || (starts.length && i <= starts[starts.length - 1]) || offset !== at) return null;
    starts.push(i);
  }
  const isComment = l => /^\s*(#.*)?\r?$/.test(l);
  const fields = [];
  let head = lines.slice(0, starts.length ? starts[0] : lines.length);
  for (let k = 0; k < starts.length; k++) {
    const end = k + 1 < starts.length ? starts[k + 1] : lines.length;
    let own = lines.slice(starts[k], end);
    let next = [];
    while (own.length > 1 && isComment(own[own.length - 1])) next.unshift(own.pop());
    fields.push({ key: String(items[k].key.value), lines: own, lead: [], trail: next });
  }
  // comments between two fields lead the second; after the last, they are the tail
  let tail = [];
  fields.forEach((f, k) => {
    if (k + 1 < fields.length) fields[k + 1].lead = f.trail; else tail = f.trail;
    delete f.trail;
  });
  // the head's comments lead the first field
  if (fields.length) {
    let lead = [];
    while (head.length && isComment(head[head.length - 1])) lead.unshift(head.pop());
    fields[0].lead = lead;
  }
  return { head, fields, tail, data: doc.toJSON() || {} };
}

// --------------------------------------------------------------------------
// Values as the form shows them
// --------------------------------------------------------------------------

function provinceKey(rules, name) {
  let key = String(name).trim();
  if (key.startsWith(rules.province_prefix)) key = key.slice(rules.province_prefix.length);
  return key.replace(/[\s\-_.]+/g, "").toLowerCase();
}

/** The Thai name of a province by any spelling the build accepts, or null. */
export function resolveProvince(rules, name) {
  if (typeof name !== "string" || !name.trim()) return null;
  return rules.spellings[provinceKey(rules, name)] || null;
}

const asList = v => (v === null || v === undefined ? [] : Array.isArray(v) ? v : [v]);
const isText = v => typeof v === "string" || typeof v === "number";

/** One field's value as the form holds it. */
export function shaped(rules, key, value) {
  switch (key) {
    case "author": case "photographer": case "tags":
      return asList(value).every(isText) ? asList(value).map(String) : value;
    case "province":
      return asList(value).every(v => typeof v === "string")
        ? asList(value).map(v => resolveProvince(rules, v) || v) : value;
    case "photos":
      return Array.isArray(value) || isText(value)
        ? asList(value).map(p => (isText(p) ? { file: String(p) } : p)) : value;
    case "date":
      return value instanceof Date ? value.toISOString().slice(0, 10) : value;
    default:
      return value;
  }
}

function shapedAll(rules, data) {
  const out = {};
  for (const [k, v] of Object.entries(data)) out[k] = shaped(rules, k, v);
  return out;
}

// --------------------------------------------------------------------------
// Writing a changed field (as authoring/front_matter.py writes one)
// --------------------------------------------------------------------------

const PLAIN_UNSAFE = /^[\s\-?:,\[\]{}#&*!|>'"%@`]|[:#]|\s$|^(true|false|yes|no|on|off|y|n|null|~|[-+.]?\d.*)$/i;

export function scalar(value) {
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number") return String(value);
  const text = String(value);
  return text && !PLAIN_UNSAFE.test(text) && !/[\u0000-\u001f\u007f\u2028\u2029]/.test(text)
    ? text : JSON.stringify(text);
}

const flow = items => `[${items.map(scalar).join(", ")}]`;
const empty = v => v === undefined || v === null || v === "" ||
  (Array.isArray(v) && v.length === 0);

/** The lines of one field, or [] for a value that says nothing (an empty optional field). */
export function fieldLines(YAML, key, value) {
  if (key === "draft" && value === false) return [];
  if (empty(value)) return [];
  if ((key === "author" || key === "photographer" || key === "province") && Array.isArray(value)
      && value.every(isText)) {
    return [`${key}: ${value.length === 1 ? scalar(value[0]) : flow(value)}`];
  }
  if (key === "tags" && Array.isArray(value) && value.every(isText)) return [`${key}: ${flow(value)}`];
  if (key === "date" && typeof value === "string" &&
      /^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2})?)?$/.test(value)) return [`date: ${value}`];
  if (key === "photos" && Array.isArray(value)) {
    return ["photos:", ...value.map(p => {
      const file = p && typeof p === "object" ? p.file : p;
      const caption = p && typeof p === "object" ? p.caption : "";
      return caption ? `  - {file: ${scalar(file)}, caption: ${scalar(caption)}}`
        : `  - ${scalar(file)}`;
    })];
  }
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
    return [`${key}: ${scalar(value)}`];
  }
  return YAML.stringify({ [key]: value }).replace(/\n$/, "").split("\n");
}

// --------------------------------------------------------------------------
// The format
// --------------------------------------------------------------------------

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

/** Decap's format object: {fromFile, toFile}. ``order``: the fields in the table's order. */
export function frontMatterFormat(YAML, rules, order) {
  return {
    fromFile(content) {
      const parts = split(content);
      if (!parts) return { body: content };
      const seg = segments(YAML, parts.front);
      const data = seg ? seg.data : YAML.parse(parts.front) || {};
      const { gap, body } = bodyOf(parts.after);
      const form = shapedAll(rules, data);
      return { ...form, body, [STASH]: { source: content, form: JSON.stringify(form), body } };
    },

    toFile(data) {
      const { body = "", [STASH]: stash, ...meta } = data;
      for (const key of Object.keys(meta)) if (key.startsWith(STASH)) delete meta[key];
      const text = body.endsWith("\n") || body === "" ? body : body + "\n";
      const stashed = stash && stash.source ? stash : null;
      const parts = stashed ? split(stashed.source) : null;
      const seg = parts ? segments(YAML, parts.front) : null;
      const before = stashed ? JSON.parse(stashed.form) : {};
      if (!seg) {
        const lines = [];
        for (const key of [...order, ...Object.keys(meta).filter(k => !order.includes(k))]) {
          if (key in meta) lines.push(...fieldLines(YAML, key, meta[key]));
        }
        return `---\n${lines.join("\n")}\n---\n\n${text}`;
      }
      const out = [...seg.head];
      for (const f of seg.fields) {
        if (!(f.key in meta)) { out.push(...f.lead); continue; }   // emptied by the writer
        out.push(...f.lead);
        if (same(meta[f.key], before[f.key])) out.push(...f.lines);
        else out.push(...fieldLines(YAML, f.key, meta[f.key]));
      }
      const known = new Set(seg.fields.map(f => f.key));
      for (const key of [...order, ...Object.keys(meta)]) {
        if (!known.has(key) && key in meta) { out.push(...fieldLines(YAML, key, meta[key])); known.add(key); }
      }
      out.push(...seg.tail);
      const { gap } = bodyOf(parts.after);
      const after = body === stashed.body ? parts.after : (gap || "\n") + text;
      const front = out.length ? out.join("\n") + "\n" : "";
      return `${parts.opening}\n${front}${parts.closing}\n${after}`;
    },
  };
}
