// The web editor at /admin/: Decap CMS (loaded before this module, waiting on
// CMS_MANUAL_INIT) with the archive's format, rules, widgets, preview and Thai words,
// then started. Its configuration, config.yml, and the rules, rules.js, are made by the
// build from the field table (newsroom/editor/config.py, rules.py).

import { YAML } from "./yaml/index.js";
import { RULES } from "./rules.js";
import { STASH, frontMatterFormat, resolveProvince } from "./front-matter.js";

const CMS = window.CMS;
const h = window.h;
const createClass = window.createClass;
const PREFIX = "nr-";
const toJS = v => (v && typeof v.toJS === "function" ? v.toJS() : v);

// --------------------------------------------------------------------------
// Messages, as check prints them (model/messages.py, in Thai)
// --------------------------------------------------------------------------

function say(key, values = {}) {
  return RULES.messages[key]
    .replace(/\{(\w+)\}/g, (_, name) => (name in values ? String(values[name]) : `{${name}}`))
    .replace(/\{\{/g, "{").replace(/\}\}/g, "}");
}

// --------------------------------------------------------------------------
// Dates: Buddhist Era, the program year (model/calendar.py)
// --------------------------------------------------------------------------

const L = RULES.limits;
export const programYear = (y, m) => y + L.be_offset + (m >= L.fiscal_start_month ? 1 : 0);
const parts = text => {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(text || "").trim());
  return m ? { y: +m[1], m: +m[2], d: +m[3] } : null;
};
export function thaiDate(text) {
  const p = parts(text);
  return p ? `${p.d} ${RULES.months[p.m - 1]} ${p.y + L.be_offset}` : "";
}
function bangkokToday() {
  const now = new Date(Date.now() + 7 * 3600 * 1000);
  return now.toISOString().slice(0, 10);
}

// --------------------------------------------------------------------------
// The rules of read/fields.py, field by field: a message, or "" when the value is right
// --------------------------------------------------------------------------

const CONTROL = new RegExp(RULES.patterns.control);
const SLUG = new RegExp(RULES.patterns.slug);
const latest = {};        // each field's value as the form holds it now, by field name

function text(value, required) {
  if (value === undefined || value === null || String(value).trim() === "") {
    return required ? say("field.empty") : "";
  }
  const squashed = String(value).split(/\s+/).filter(Boolean).join(" ");
  const bad = CONTROL.exec(squashed);
  if (bad) return say("control", { code: bad[0].codePointAt(0).toString(16).toUpperCase().padStart(4, "0") });
  if (squashed.length > L.text) return say("field.too_long", { length: squashed.length, limit: L.text });
  return "";
}

function names(value, required) {
  const items = (Array.isArray(value) ? value : value ? [value] : [])
    .filter(v => String(v || "").trim());
  if (!items.length) return required ? say("field.names_empty") : "";
  for (const item of items) { const why = text(item, true); if (why) return why; }
  return "";
}

function showsPhotos() {
  const photos = latest.photos || [];
  const body = String(latest.body || "");
  return Boolean(latest.image) || photos.length > 0 || /!\[[^\]]*\]\(|<img\b/i.test(body);
}

function ownSlug(props) {
  const path = props.entry && props.entry.get ? props.entry.get("path") : "";
  if (!path) return "";
  const file = path.split("/").pop().replace(/\.md$/, "");
  const stem = file === "index" ? path.split("/").slice(-2, -1)[0] : file;
  return stem.toLowerCase();
}

export const CHECKS = {
  title: v => text(v, true),
  summary: v => text(v, false),
  author: v => names(v, true),
  photographer: v => names(v, false) ||
    (showsPhotos() && names(v, true) ? say("photo.no_photographer") : ""),
  date(v) {
    const written = String(v || "").trim();
    if (!written) return say("date.empty");
    const p = parts(written);
    if (!p) return say("date.not_a_date", { value: written.slice(0, 40) });
    const beFirst = L.first_year + L.be_offset, beLast = L.last_year + L.be_offset;
    if (p.y >= beFirst && p.y <= beLast) {
      const ce = p.y - L.be_offset;
      return say("date.be_year", { year: p.y, fixed: `${ce}${written.slice(4, 10)}`, ce });
    }
    if (p.y < L.first_year || p.y > L.last_year) {
      return say("date.outside", { year: p.y, first: L.first_year, last: L.last_year });
    }
    if (written.slice(0, 10) > bangkokToday()) return say("editor.date_future", { date: thaiDate(written) });
    return "";
  },
  province(v) {
    const items = Array.isArray(v) ? v : v ? [v] : [];
    if (!items.length) return say("province.empty");
    const seen = [];
    for (const item of items) {
      const name = resolveProvince(RULES, item);
      if (!name) return say("province.unknown", { value: String(item).slice(0, 60), hint: say("province.write_one") });
      if (seen.includes(name)) return say("province.twice", { name });
      seen.push(name);
    }
    return "";
  },
  tags(v) {
    const items = Array.isArray(v) ? v : v ? [v] : [];
    if (items.length > L.tags) return say("tags.too_many", { count: items.length, limit: L.tags });
    for (const item of items) { const why = text(item, true); if (why) return why; }
    return "";
  },
  photos(v) {
    const items = Array.isArray(v) ? v : [];
    return items.length > L.gallery ? say("photos.too_many", { count: items.length, limit: L.gallery }) : "";
  },
  slug(v, props) {
    const slug = String(v || "").trim();
    if (!slug) return "";
    if (!SLUG.test(slug)) return say("slug.invalid", { value: JSON.stringify(slug).slice(0, 60) });
    const owner = RULES.taken[slug];
    if (owner && slug !== ownSlug(props)) {
      return say("corpus.url_clash", { url: RULES.entry_url.replace("{slug}", slug), others: owner });
    }
    return "";
  },
};

// --------------------------------------------------------------------------
// Our widgets: Decap's own, with the rule of their field beside them
// --------------------------------------------------------------------------

function wrap(base, control = CMS.getWidget(base).control, preview = CMS.getWidget(base).preview) {
  const Wrapped = createClass({
    displayName: `Newsroom(${base})`,
    isValid() {
      const inner = this.inner && this.inner.isValid ? this.inner.isValid() : true;
      if (inner !== true && inner !== undefined) return inner;
      const name = this.props.field.get("name");
      const check = CHECKS[name];
      const why = check ? check(toJS(this.props.value), this.props) : "";
      return why ? { error: { type: "CUSTOM", message: why } } : true;
    },
    focus(path) { if (this.inner && this.inner.focus) this.inner.focus(path); },
    // Decap asks the control whether to render again (Widget.shouldComponentUpdate): the
    // control's own answer (a file widget waits for the media library's choice), else yes.
    shouldComponentUpdate(next) {
      const inner = this.inner;
      return inner && inner.shouldComponentUpdate ? inner.shouldComponentUpdate(next) : true;
    },
    render() {
      latest[this.props.field.get("name")] = toJS(this.props.value);
      return h(control, { ...this.props, ref: r => { this.inner = r && r.getWrappedInstance ? r.getWrappedInstance() : r; } });
    },
  });
  CMS.registerWidget(PREFIX + base, Wrapped, preview);
}

// Tags: a text box that offers the archive's tags (a datalist) and adds what is typed.
const TagsControl = createClass({
  displayName: "NewsroomTags",
  getInitialState() { return { typed: "" }; },
  tags() { return (toJS(this.props.value) || []).map(String); },
  add(tag) {
    const clean = String(tag).split(/\s+/).filter(Boolean).join(" ");
    if (clean && !this.tags().includes(clean)) this.props.onChange([...this.tags(), clean]);
    this.setState({ typed: "" });
  },
  remove(tag) { this.props.onChange(this.tags().filter(t => t !== tag)); },
  render() {
    const { forID, classNameWrapper, setActiveStyle, setInactiveStyle, field } = this.props;
    const listId = `${forID}-tags`;
    const tags = this.tags();
    return h("div", { className: classNameWrapper },
      h("ul", { className: "nr-tags" }, tags.map(tag => h("li", { key: tag },
        h("span", null, tag),
        h("button", { type: "button", className: "nr-tags__remove", "aria-label": `ลบแท็ก ${tag}`,
          onClick: () => this.remove(tag) }, "×")))),
      h("input", {
        id: forID, type: "text", list: listId, value: this.state.typed, className: "nr-tags__input",
        placeholder: "พิมพ์หรือเลือกแท็ก แล้วกด Enter", autoComplete: "off",
        onChange: e => {
          const typed = e.target.value;
          const options = (toJS(field.get("options")) || []);
          if (options.includes(typed) && e.nativeEvent && e.nativeEvent.inputType !== "insertText") this.add(typed);
          else this.setState({ typed });
        },
        onKeyDown: e => { if (e.key === "Enter" || e.key === ",") { e.preventDefault(); this.add(this.state.typed); } },
        onFocus: setActiveStyle, onBlur: e => { if (this.state.typed) this.add(this.state.typed); setInactiveStyle(e); },
      }),
      h("datalist", { id: listId }, (toJS(field.get("options")) || [])
        .filter(t => !tags.includes(t)).map(t => h("option", { key: t, value: t }))));
  },
});

// --------------------------------------------------------------------------
// The preview: the entry as its page shows it, with the site's CSS and font
// --------------------------------------------------------------------------

const label = (template, values) => template.replace(/\{(\w+)\}/g, (_, k) => values[k]);

const EntryPreview = createClass({
  render() {
    const data = this.props.entry.get("data");
    const get = key => toJS(data.get(key));
    const list = v => (Array.isArray(v) ? v : v ? [v] : []).filter(x => String(x).trim());
    const date = get("date");
    const p = parts(date);
    const provinces = list(get("province")).map(n => {
      const name = resolveProvince(RULES, n);
      const found = RULES.provinces.find(x => x.name === name);
      return found ? found.label : n;
    });
    const authors = list(get("author")), photographers = list(get("photographer"));
    const image = get("image");
    const cover = image ? this.props.getAsset(image) : null;
    const credit = photographers.length ? label(RULES.labels.photographers, { names: photographers.join(", ") }) : "";
    return h("article", { className: "nr-entry nr-preview" },
      h("header", { className: "nr-entry__header" },
        h("h1", null, get("title") || ""),
        h("p", { className: "nr-meta" },
          h("time", { dateTime: p ? String(date).slice(0, 10) : "" }, thaiDate(date)),
          provinces.length ? ` · ${provinces.join(", ")}` : "",
          p ? ` · ${label(RULES.labels.year, { year: programYear(p.y, p.m) })}` : ""),
        h("p", { className: "nr-credits" },
          authors.length ? h("span", { className: "nr-credit nr-credit--author" },
            label(RULES.labels.authors, { names: authors.join(", ") })) : null,
          credit ? " " : null,
          credit ? h("span", { className: "nr-credit nr-credit--photographer" }, credit) : null),
        list(get("tags")).length ? h("nav", { className: "md-tags", "aria-label": "แท็ก" },
          list(get("tags")).map(t => h("span", { className: "md-tag", key: t }, t))) : null),
      cover ? h("figure", { className: "nr-cover nr-photo" },
        h("img", { src: cover.toString(), alt: "" }),
        credit ? h("figcaption", null, credit) : null) : null,
      h("div", { className: "nr-body" }, this.props.widgetFor("body")));
  },
});

// --------------------------------------------------------------------------
// Before saving: the program year and, when none is given, a slug (a new entry's folder)
// --------------------------------------------------------------------------

export function proposedSlug(data) {
  const date = String(data.date || "").slice(0, 10);
  const province = resolveProvince(RULES, (Array.isArray(data.province) ? data.province : [data.province])[0]);
  const found = RULES.provinces.find(x => x.name === province);
  const stem = [date, found ? found.slug : ""].filter(Boolean).join("-") || "entry";
  let slug = stem, n = 1;
  while (RULES.taken[slug]) slug = `${stem}-${++n}`;
  return slug;
}

function beforeSaving({ entry }) {
  let data = entry.get("data");
  const plain = toJS(data);
  const p = parts(plain.date);
  if (p) data = data.set(`${STASH}_year`, String(programYear(p.y, p.m)));
  const slug = String(plain.slug || "").trim() || proposedSlug(plain);
  return data.set(`${STASH}_slug`, slug);
}

// --------------------------------------------------------------------------
// Decap's Thai, completed and corrected
// --------------------------------------------------------------------------

const THAI = {
  auth: { loginWithForgejo: "เข้าสู่ระบบด้วย Forgejo" },
  app: { header: { workflow: "ตรวจทานก่อนเผยแพร่" } },
  collection: {
    collectionTop: { viewAsList: "แสดงเป็นรายการ", viewAsGrid: "แสดงเป็นตาราง" },
    entries: { unpublishedHeader: "ข่าวที่ยังไม่เผยแพร่" },
  },
  editor: {
    editorControl: { field: { widgetLabel: "ช่องกรอกข้อมูล" } },
    editorInterface: { toggleNotes: "แสดงหรือซ่อนบันทึก" },
    editorNotesPane: {
      title: "บันทึก", emptyState: "ยังไม่มีบันทึก เพิ่มบันทึกแรกด้านล่างเพื่อคุยกับผู้ตรวจ",
      addNote: "เพิ่มบันทึก", addPlaceholder: "เพิ่มบันทึก...", editPlaceholder: "แก้ไขบันทึก...",
      save: "บันทึก", cancel: "ยกเลิก", edit: "แก้ไข", delete: "ลบ", resolve: "ทำแล้ว",
      unresolve: "ยังไม่ได้ทำ", confirmDelete: "ต้องการลบบันทึกนี้หรือไม่?",
      shortcut: "กด Ctrl+Enter เพื่อเพิ่มบันทึกได้เร็วขึ้น",
    },
    editorToolbar: {
      unpublish: "ยกเลิกการเผยแพร่",
      unpublishing: "กำลังยกเลิกการเผยแพร่...",
      deleteUnpublishedChanges: "ลบการเปลี่ยนแปลงที่ยังไม่ได้เผยแพร่",
      changesSaved: "บันทึกการเปลี่ยนแปลงแล้ว",
      backCollection: " เขียนใน %{collectionLabel}",
    },
    editorWidgets: {
      markdown: { strikethrough: "ขีดฆ่า", toggleMode: { rich: "สลับเป็นโหมดจัดรูปแบบ", markdown: "สลับเป็นโหมด Markdown" } },
      datetime: { setToNow: "วันนี้", now: "วันนี้" },   // the button says วันนี้: its name must too
      object: { expand: "ขยาย", collapse: "ย่อ" },
    },
  },
  mediaLibrary: { mediaLibraryModal: { close: "ปิด" } },
  ui: {
    settingsDropdown: { account: "ตัวเลือกบัญชี" },
    toast: {
      noteAdded: "เพิ่มบันทึกแล้ว", onFailToAddNote: "เพิ่มบันทึกไม่ได้: %{details}",
      noteUpdated: "แก้ไขบันทึกแล้ว", onFailToUpdateNote: "แก้ไขบันทึกไม่ได้: %{details}",
      noteDeleted: "ลบบันทึกแล้ว", onFailToDeleteNote: "ลบบันทึกไม่ได้: %{details}",
      noteResolved: "ทำบันทึกนี้แล้ว", noteReopened: "เปิดบันทึกอีกครั้ง",
      onFailToToggleNote: "เปลี่ยนสถานะบันทึกไม่ได้: %{details}",
    },
  },
  workflow: {
    workflow: { workflowHeading: "ข่าวที่รอตรวจทานและเผยแพร่", newPost: "เขียนข่าวใหม่" },
  },
};

function merged(base, extra) {
  const out = { ...base };
  for (const [k, v] of Object.entries(extra)) {
    out[k] = v && typeof v === "object" && !Array.isArray(v) ? merged(base[k] || {}, v) : v;
  }
  return out;
}

// --------------------------------------------------------------------------
// Start
// --------------------------------------------------------------------------

// The body opens as written (raw Markdown) unless the writer chose the rich-text mode before:
// the rich-text editor writes its own Markdown back (a changed body on a round trip).
if (localStorage.getItem("cms.md-mode") === null) localStorage.setItem("cms.md-mode", "raw");
CMS.registerLocale("th", merged(CMS.getLocale("th") || {}, THAI));
CMS.registerCustomFormat("newsroom", "md", frontMatterFormat(YAML, RULES, RULES.fields));
for (const base of ["string", "text", "datetime", "list", "select", "image", "boolean", "markdown"]) wrap(base);
wrap("tags", TagsControl, CMS.getWidget("list").preview);
CMS.registerPreviewStyle("../assets/fonts.css");
CMS.registerPreviewStyle("../assets/newsroom.css");
CMS.registerPreviewStyle("editor.css");
CMS.registerPreviewTemplate("news", EntryPreview);
CMS.registerEventListener({ name: "preSave", handler: beforeSaving });
CMS.init();

// Decap's preview frame has no title (axe-core: frame-title): give it one.
new MutationObserver(() => {
  const frame = document.getElementById("preview-pane");
  if (frame && !frame.title) frame.title = "ตัวอย่างหน้าข่าว";
}).observe(document.body, { childList: true, subtree: true });
