// The server's reader of documents: the real yjs, evaluated in GraalJS by
// org.issa.tcw.documents.YjsEngine. Everything crosses the boundary as base64 strings and plain
// JSON, so the Java side needs no knowledge of yjs' encoding. The editor (frontend/tcw-editor.ts)
// binds TipTap to the XML fragment named FIELD; node and mark names are TipTap's.
import * as Y from 'yjs';

const FIELD = 'default';
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const LOOK = new Int16Array(128).fill(-1);
for (let i = 0; i < 64; i++) LOOK[B64.charCodeAt(i)] = i;

function fromB64(s) {
  const clean = s.replace(/=+$/, '');
  const out = new Uint8Array((clean.length * 3) >> 2);
  let o = 0, buf = 0, bits = 0;
  for (let i = 0; i < clean.length; i++) {
    const v = LOOK[clean.charCodeAt(i)];
    if (v < 0) throw new Error('invalid base64');
    buf = ((buf << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) { bits -= 8; out[o++] = (buf >> bits) & 255; }
  }
  return out;
}

function toB64(u) {
  const parts = [];
  let s = '';
  let i = 0;
  for (; i + 2 < u.length; i += 3) {
    const n = (u[i] << 16) | (u[i + 1] << 8) | u[i + 2];
    s += B64[n >> 18] + B64[(n >> 12) & 63] + B64[(n >> 6) & 63] + B64[n & 63];
    if (s.length > 8192) { parts.push(s); s = ''; }
  }
  if (i < u.length) {
    const n = (u[i] << 16) | ((i + 1 < u.length ? u[i + 1] : 0) << 8);
    s += B64[n >> 18] + B64[(n >> 12) & 63] + (i + 1 < u.length ? B64[(n >> 6) & 63] : '=') + '=';
  }
  parts.push(s);
  return parts.join('');
}

/**
 * The log as one Y.Doc. The updates are merged first (Y.mergeUpdates) and applied once: applied
 * one by one, an update whose dependencies are missing stays pending and every later update is
 * merged into the pending one again, which made loading a broken log quadratic (2,000 updates:
 * 45 s interpreted). A server that lost history holds exactly such updates until an editor's
 * reconciliation push brings what they depend on; callers check `complete` afterwards.
 */
function load(list) {
  const doc = new Y.Doc({ gc: true });
  if (list.length === 1) Y.applyUpdate(doc, fromB64(list[0]));
  else if (list.length > 1) Y.applyUpdate(doc, Y.mergeUpdates(list.map(fromB64)));
  return doc;
}

/** Whether every update was integrated (an update whose dependencies are missing stays pending). */
function complete(doc) {
  return doc.store.pendingStructs === null && doc.store.pendingDs === null;
}

/** The (client -> first missing clock) pairs that pending structures wait for, or {} when complete. */
function missing(doc) {
  const out = {};
  const p = doc.store.pendingStructs;
  if (p) for (const [client, clock] of p.missing) out[client] = clock;
  return out;
}

/**
 * Whether the log integrates completely; if not, what it waits for (pending structures or
 * deletions of unknown items). A server that lost history holds updates that depend on lost ones:
 * the relay then asks the editors for what it lacks.
 */
export function check(list) {
  const doc = load(list);
  return JSON.stringify({
    complete: complete(doc),
    missing: missing(doc),
    pendingDeletes: doc.store.pendingDs !== null,
    stateVector: toB64(Y.encodeStateVector(doc)),
  });
}

/**
 * Compaction: the log (compacted state first, then the tail) loaded into one Y.Doc and encoded
 * again, which garbage-collects deleted content. Verified before it is returned: the result,
 * loaded on its own, must give exactly the same document as the log.
 */
export function compact(list) {
  const doc = load(list);
  if (!complete(doc)) throw new Error('the log has updates with missing dependencies: ' + JSON.stringify(missing(doc)));
  const state = Y.encodeStateAsUpdate(doc);
  const again = new Y.Doc();
  Y.applyUpdate(again, state);
  const before = doc.getXmlFragment(FIELD).toString();
  const after = again.getXmlFragment(FIELD).toString();
  if (before !== after) throw new Error('compacted state differs from the log');
  return JSON.stringify({ state: toB64(state), xml: after });
}

/**
 * Plain text (one line per block) and an HTML rendering, to be sanitized by the caller, of the
 * document's current text: suggested insertions (inline and block-level) are left out, suggested
 * deletions are still in (neither is accepted yet), the library's zero-width markers go. With
 * `marked`, everything is in and every suggestion is marked in the HTML: inline ones as
 * <ins>/<del>, block-level ones on the block's tag, each with data-suggestion-id, data-author
 * (person id) and data-time (epoch millis), so that exports can show them as tracked changes.
 */
export function render(list, marked) {
  const doc = load(list);
  const frag = doc.getXmlFragment(FIELD);
  const opts = { marked: !!marked };
  const lines = [];
  blocksText(frag, lines, opts);
  return JSON.stringify({ text: lines.join('\n'), html: childrenHtml(frag, opts), xml: frag.toString() });
}

/** The XML of the document (for tests and verification). */
export function xml(list) {
  return load(list).getXmlFragment(FIELD).toString();
}

/**
 * A new document's first state, from TipTap/ProseMirror JSON ({type:'doc', content:[...]}).
 * Created once, on the server, so that no two editors ever both seed an empty document.
 */
export function create(json) {
  const pm = JSON.parse(json);
  const doc = new Y.Doc();
  const frag = doc.getXmlFragment(FIELD);
  doc.transact(() => {
    const blocks = (pm.content && pm.content.length) ? pm.content : [{ type: 'paragraph' }];
    frag.insert(0, blocks.map((b) => toY(b)));
  });
  return toB64(Y.encodeStateAsUpdate(doc));
}

/**
 * A Y.XmlElement from ProseMirror JSON. Inline markers {type:'anchor', id, edge:'start'|'end'} are
 * not content: with `anchors` given (see replaceContentAnchored) each is recorded as {text, index}
 * in `anchors.at` — a start at the next character that follows it, an end after the character
 * before it — and without, they are skipped.
 */
function toY(node, anchors) {
  const el = new Y.XmlElement(node.type);
  for (const [k, v] of Object.entries(node.attrs || {})) if (v !== null && v !== undefined) el.setAttribute(k, v);
  const children = [];
  let text = null;
  let length = 0;
  for (const child of node.content || []) {
    if (child.type === 'anchor') {
      if (!anchors) continue;
      const a = anchors.at.get(child.id) || {};
      anchors.at.set(child.id, a);
      if (child.edge === 'start') anchors.pending.push(a);
      else if (text && length > 0) a.end = { text, index: length };
      else if (anchors.last) a.end = { text: anchors.last.text, index: anchors.last.length };
    } else if (child.type === 'text') {
      if (!child.text) continue;
      if (!text) { text = new Y.XmlText(); children.push(text); text.__runs = []; length = 0; }
      const attrs = {};
      for (const m of child.marks || []) attrs[m.type] = m.attrs || {};
      text.__runs.push([child.text, attrs]);
      if (anchors) {
        for (const a of anchors.pending) a.start = { text, index: length };
        anchors.pending = [];
      }
      length += child.text.length;
      if (anchors) anchors.last = { text, length };
    } else {
      text = null;
      children.push(toY(child, anchors));
    }
  }
  el.insert(0, children);
  for (const c of children) {
    if (c instanceof Y.XmlText) {
      let at = 0;
      for (const [t, a] of c.__runs) { c.insert(at, t, a); at += t.length; }
      delete c.__runs;
    }
  }
  return el;
}

// ---------- reading ----------

const BLOCKS = new Set(['paragraph', 'heading', 'codeBlock']);
const CELLS = new Set(['tableCell', 'tableHeader']);

/** Whether a block is a suggested insertion (its node marks) and so not part of the current text. */
function suggestedBlock(el, opts) {
  return !opts.marked && el instanceof Y.XmlElement && nodeMarks(el).some((m) => m.type === 'insertion');
}

/** Whether an inline run is left out of the current text (a suggested insertion). */
function leftOut(attrs, opts) {
  return !opts.marked && !!(attrs && attrs.insertion);
}

const noMarkers = (s) => s.split(ZWSP).join('');

function blocksText(node, lines, opts) {
  for (const child of node.toArray()) {
    if (child instanceof Y.XmlText || suggestedBlock(child, opts)) continue;
    if (BLOCKS.has(child.nodeName)) lines.push(inlineText(child, opts));
    else if (child.nodeName === 'horizontalRule') lines.push('');
    else if (child.nodeName === 'table') tableText(child, lines, opts);
    else blocksText(child, lines, opts);
  }
}

/** A table: one line per row, its cells separated by " | " (a cell's own blocks by a space). */
function tableText(table, lines, opts) {
  for (const row of table.toArray()) {
    if (!(row instanceof Y.XmlElement) || suggestedBlock(row, opts)) continue;
    const cells = [];
    for (const cell of row.toArray()) {
      if (!(cell instanceof Y.XmlElement) || !CELLS.has(cell.nodeName) || suggestedBlock(cell, opts)) continue;
      const inner = [];
      blocksText(cell, inner, opts);
      cells.push(inner.join(' ').replace(/\n/g, ' ').trim());
    }
    lines.push(cells.join(' | '));
  }
}

function inlineText(el, opts) {
  let s = '';
  for (const c of el.toArray()) {
    if (c instanceof Y.XmlText) {
      for (const d of c.toDelta()) if (typeof d.insert === 'string' && !leftOut(d.attributes, opts)) s += noMarkers(d.insert);
    } else if (suggestedBlock(c, opts)) continue;
    else if (c.nodeName === 'hardBreak') s += '\n';
    else s += inlineText(c, opts);
  }
  return s;
}

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const TAGS = {
  paragraph: 'p', blockquote: 'blockquote', bulletList: 'ul', orderedList: 'ol', listItem: 'li',
  table: 'table', tableRow: 'tr', tableHeader: 'th', tableCell: 'td',
};
const MARKS = [['bold', 'strong'], ['italic', 'em'], ['underline', 'u'], ['strike', 's'], ['code', 'code']];

/** data-suggestion-id, data-author and data-time of a suggestion mark's attributes (marked rendering). */
function suggestionData(attrs) {
  const id = String((attrs && attrs.id) || '');
  const m = /^(\d+):([0-9a-z]+):/.exec(id);
  let s = ` data-suggestion-id="${esc(id)}"`;
  if (m) s += ` data-author="${m[1]}" data-time="${parseInt(m[2], 36)}"`;
  return s;
}

/** The attributes a block carries in the marked rendering: its block-level suggestions. */
function blockData(n, opts) {
  if (!opts.marked) return '';
  const marks = nodeMarks(n);
  if (!marks.length) return '';
  return ` data-suggestion="${esc(marks.map((m) => m.type).join(' '))}"` + suggestionData(marks[0].attrs);
}

function childrenHtml(node, opts) {
  let s = '';
  for (const c of node.toArray()) s += nodeHtml(c, opts);
  return s;
}

function nodeHtml(n, opts) {
  if (n instanceof Y.XmlText) return textHtml(n, opts);
  if (suggestedBlock(n, opts)) return '';
  const name = n.nodeName;
  const attrs = n.getAttributes();
  const data = blockData(n, opts);
  if (name === 'hardBreak') return '<br>';
  if (name === 'horizontalRule') return '<hr>';
  if (name === 'heading') {
    const level = Math.min(6, Math.max(1, Number(attrs.level) || 1));
    return `<h${level}${data}>${childrenHtml(n, opts)}</h${level}>`;
  }
  if (name === 'codeBlock') return `<pre${data}><code>${childrenHtml(n, opts)}</code></pre>`;
  if (name === 'table') return `<table${data}><tbody>${childrenHtml(n, opts)}</tbody></table>`;
  if (CELLS.has(name)) {
    const tag = TAGS[name];
    let span = '';
    for (const a of ['colspan', 'rowspan']) {
      const v = Math.floor(Number(attrs[a]));
      if (v > 1 && v <= 1000) span += ` ${a}="${v}"`;
    }
    return `<${tag}${span}${data}>${childrenHtml(n, opts)}</${tag}>`;
  }
  if (name === 'orderedList' && Number(attrs.start) > 1) return `<ol start="${Number(attrs.start)}"${data}>${childrenHtml(n, opts)}</ol>`;
  const tag = TAGS[name] || 'div';
  return `<${tag}${data}>${childrenHtml(n, opts)}</${tag}>`;
}

function textHtml(t, opts) {
  let s = '';
  for (const d of t.toDelta()) {
    if (typeof d.insert !== 'string') continue;
    const a = d.attributes || {};
    if (leftOut(a, opts)) continue;
    const str = noMarkers(d.insert);
    if (!str) continue;
    let h = esc(str);
    for (const [mark, tag] of MARKS) if (a[mark]) h = `<${tag}>${h}</${tag}>`;
    if (a.link && typeof a.link.href === 'string') h = `<a href="${esc(a.link.href)}">${h}</a>`;
    if (opts.marked && a.insertion) h = `<ins${suggestionData(a.insertion)}>${h}</ins>`;
    if (opts.marked && a.deletion) h = `<del${suggestionData(a.deletion)}>${h}</del>`;
    s += h;
  }
  return s;
}

/**
 * An update that types `text` at the end of the document's last paragraph (or appends a new
 * paragraph with it when `newParagraph`), made by a fresh Yjs client: what an editor would send.
 * Used for demo history, the relay's tests and the simulated editors of the benchmarks.
 */
export function typeText(list, text, newParagraph) {
  const doc = load(list);
  const before = Y.encodeStateVector(doc);
  const frag = doc.getXmlFragment(FIELD);
  doc.transact(() => {
    let last = frag.length ? frag.get(frag.length - 1) : null;
    if (newParagraph || !(last instanceof Y.XmlElement) || last.nodeName !== 'paragraph') {
      last = new Y.XmlElement('paragraph');
      frag.insert(frag.length, [last]);
    }
    let t = last.length ? last.get(last.length - 1) : null;
    if (!(t instanceof Y.XmlText)) {
      t = new Y.XmlText();
      last.insert(last.length, [t]);
    }
    t.insert(t.length, text);
  });
  return toB64(Y.encodeStateAsUpdate(doc, before));
}

/**
 * A typing session by one fresh client, as an editor would send it: one update per keystroke
 * typed at the end of the last paragraph, every tenth keystroke a backspace. The first keystroke's
 * update also creates the paragraph and its text node when the document has none, so every
 * update of the session integrates on a peer that has the log (none waits for a missing
 * dependency). For the benchmarks (a long history) and tests.
 */
export function typingSession(list, text) {
  const doc = load(list);
  const frag = doc.getXmlFragment(FIELD);
  const out = [];
  doc.on('update', (u) => out.push(toB64(u)));
  let t = null;
  const target = () => {
    let p = frag.length ? frag.get(frag.length - 1) : null;
    if (!(p instanceof Y.XmlElement) || p.nodeName !== 'paragraph') {
      p = new Y.XmlElement('paragraph');
      frag.insert(frag.length, [p]);
    }
    let x = p.length ? p.get(p.length - 1) : null;
    if (!(x instanceof Y.XmlText)) {
      x = new Y.XmlText();
      p.insert(p.length, [x]);
    }
    return x;
  };
  for (let i = 0; i < text.length; i++) {
    doc.transact(() => {
      if (t === null) t = target();
      if (i % 10 === 9 && t.length > 0) t.delete(t.length - 1, 1);
      else t.insert(t.length, text[i]);
    });
  }
  return JSON.stringify(out);
}

/**
 * What `remote` lacks of `local`: Y.encodeStateAsUpdate(local, stateVector(remote)) — the update an
 * editor holding `local` pushes to a server holding `remote` when they reconcile. For tests.
 */
export function missingFrom(local, remote) {
  return toB64(Y.encodeStateAsUpdate(load(local), Y.encodeStateVector(load(remote))));
}

// ===================================================================================================
// Comments (org.issa.tcw.documents.comments): anchors are two base64 Y.RelativePosition relative to
// the XML fragment FIELD, made by the editor (frontend/tcw-comments.ts): `from` associated with the
// first character of the range (assoc 0), `to` with its last (assoc -1). Positions below are
// ProseMirror positions (an element counts its opening and closing token, a leaf one token).
// ===================================================================================================

const LEAVES = new Set(['hardBreak', 'horizontalRule', 'image']);

/** ProseMirror size of a Y type (a child of the fragment or of an element). */
function pmSize(node, sizes) {
  let n;
  if (node instanceof Y.XmlText) n = node.length;
  else if (node instanceof Y.XmlElement) {
    if (LEAVES.has(node.nodeName)) n = 1;
    else {
      n = 2;
      for (const child of node.toArray()) n += pmSize(child, sizes);
    }
  } else n = 0;
  sizes.set(node, n);
  return n;
}

/** Where the content of each element / text starts (ProseMirror position). */
function pmStarts(type, start, sizes, starts) {
  starts.set(type, start);
  if (type instanceof Y.XmlText) return;
  let pos = start;
  for (const child of type.toArray()) {
    pmStarts(child, child instanceof Y.XmlElement ? pos + 1 : pos, sizes, starts);
    pos += sizes.get(child);
  }
}

/**
 * ProseMirror sizes and start positions of every Y type under the fragment, its total size, and
 * `pos(abs)`: the ProseMirror position of an absolute Yjs position (null if outside the fragment).
 */
function pmIndex(root) {
  const sizes = new Map();
  let size = 0;
  for (const child of root.toArray()) size += pmSize(child, sizes);
  const starts = new Map();
  pmStarts(root, 0, sizes, starts);
  const pos = (abs) => {
    const s = starts.get(abs.type);
    if (s === undefined) return null;
    if (abs.type instanceof Y.XmlText) return s + abs.index;
    let p = s;
    const children = abs.type.toArray();
    for (let i = 0; i < abs.index && i < children.length; i++) p += sizes.get(children[i]);
    return p;
  };
  return { sizes, starts, size, pos };
}

/** A relative position decoded and resolved to {type, index} inside FIELD, or null. */
function resolveAnchor(doc, root, b64) {
  let rpos;
  try {
    rpos = Y.decodeRelativePosition(fromB64(b64));
  } catch (e) {
    return null;
  }
  if (rpos.tname !== null && rpos.tname !== FIELD) return null;
  if (rpos.item === null && rpos.type === null && rpos.tname === null) return null;
  let abs;
  try {
    abs = Y.createAbsolutePositionFromRelativePosition(rpos, doc);
  } catch (e) {
    return null;
  }
  if (!abs) return null;
  for (let t = abs.type; t !== root; ) {
    const item = t._item;
    if (!item || item.deleted) return null;
    t = item.parent;
  }
  return abs;
}

/** Plain text between two ProseMirror positions (blocks separated by a line break). */
function textBetween(root, starts, sizes, from, to) {
  const out = [];
  const walk = (type) => {
    for (const child of type.toArray()) {
      const s = starts.get(child);
      if (child instanceof Y.XmlText) {
        const str = child.toDelta().map((d) => (typeof d.insert === 'string' ? d.insert : ' ')).join('');
        const a = Math.max(from, s), b = Math.min(to, s + str.length);
        if (a < b) out.push(str.slice(a - s, b - s));
      } else if (child instanceof Y.XmlElement) {
        const open = s - 1, close = s + sizes.get(child) - 1;
        if (close <= from || open >= to) continue;
        if (BLOCKS.has(child.nodeName) && out.length && open >= from) out.push('\n');
        walk(child);
      }
    }
  };
  walk(root);
  return out.join('');
}

/**
 * Checks a comment's anchor against the document: both positions decode, lie inside the
 * document's text (not another document's, not deleted), and `from` comes before `to`. Returns
 * {valid, from, to, text} with the ProseMirror positions and the text between them.
 */
export function anchorRange(list, from, to) {
  return rangeOn(load(list), from, to);
}

/**
 * Y.Docs kept loaded per document (key -> {doc, seq}) in an LRU map of at most `max` entries, most
 * recently used last: a reading applies the updates logged since the kept doc's position instead
 * of loading the whole log again. `baseSeq` < 0: `list` is the whole content (the doc is loaded
 * anew); otherwise `list` holds the updates after `baseSeq`, and if the kept doc is not at `baseSeq`
 * (evicted, or moved on by another reading) the answer is null and the caller sends the whole
 * content. `lastSeq`: the log position the doc is at afterwards.
 */
function keptDoc(docs, max, key, baseSeq, lastSeq, list, init) {
  let kept = docs.get(key);
  if (baseSeq < 0) {
    kept = { doc: load(list), seq: lastSeq };
    if (init) init(kept);
  } else {
    if (!kept || kept.seq !== baseSeq) return null;
    if (list.length) Y.applyUpdate(kept.doc, list.length === 1 ? fromB64(list[0]) : Y.mergeUpdates(list.map(fromB64)));
    kept.seq = lastSeq;
  }
  docs.delete(key);
  docs.set(key, kept);
  while (docs.size > max) docs.delete(docs.keys().next().value);
  return kept;
}

/** The documents the anchor check keeps loaded (see keptDoc). */
const anchorDocs = new Map();
const ANCHOR_DOCS = 8;

/** anchorRange on the kept Y.Doc of document `key` (see keptDoc); {stale: true} if not kept at `baseSeq`. */
export function anchorRangeCached(key, baseSeq, lastSeq, list, from, to) {
  const kept = keptDoc(anchorDocs, ANCHOR_DOCS, key, baseSeq, lastSeq, list);
  return kept === null ? JSON.stringify({ stale: true }) : rangeOn(kept.doc, from, to);
}

function rangeOn(doc, from, to) {
  const root = doc.getXmlFragment(FIELD);
  const a = resolveAnchor(doc, root, from);
  const b = resolveAnchor(doc, root, to);
  if (!a || !b) return JSON.stringify({ valid: false });
  const { sizes, starts, size, pos } = pmIndex(root);
  const pa = pos(a), pb = pos(b);
  if (pa === null || pb === null || pa >= pb || pb > size) return JSON.stringify({ valid: false });
  return JSON.stringify({ valid: true, from: pa, to: pb, text: textBetween(root, starts, sizes, pa, pb),
    broken: boundaryDeleted(doc, from) || boundaryDeleted(doc, to) });
}

/**
 * Whether the character a relative position is attached to was deleted: the position then
 * resolves to where that character was, so a range whose first or last character went (e.g. the
 * paragraph it ends in was split: y-tiptap deletes the rest of the paragraph and re-inserts it in a
 * new one) reads as a shorter range. docs/adr/024.
 */
function boundaryDeleted(doc, b64) {
  try {
    const rpos = Y.decodeRelativePosition(fromB64(b64));
    if (rpos.item === null) return false;
    const item = Y.getItem(doc.store, rpos.item);
    return item.deleted;
  } catch (e) {
    return false;
  }
}

/**
 * The anchor an editor makes for the first occurrence of `quote` in the document: {from, to} as
 * base64 relative positions, or null. A quote without "\n" lies inside one text node; a quote
 * "first\n...\nlast" spans blocks: `from` at the first occurrence of `first` in a text node, `to`
 * after the first occurrence of `last` in a later text node. For tests, demo data and benchmarks.
 */
export function anchorFor(list, quote) {
  const doc = load(list);
  const texts = [];
  const walk = (type) => {
    for (const child of type.toArray()) {
      if (child instanceof Y.XmlText) {
        texts.push({ text: child, str: child.toDelta().map((d) => (typeof d.insert === 'string' ? d.insert : ' ')).join('') });
      } else if (child instanceof Y.XmlElement) walk(child);
    }
  };
  walk(doc.getXmlFragment(FIELD));
  const parts = quote.split('\n').filter((p) => p.length);
  const first = parts[0], last = parts[parts.length - 1];
  let from = null, to = null;
  for (let t = 0; t < texts.length && !to; t++) {
    if (!from) {
      const i = texts[t].str.indexOf(first);
      if (i < 0) continue;
      from = { text: texts[t].text, index: i };
      if (parts.length === 1) to = { text: texts[t].text, index: i + first.length };
    } else {
      const j = texts[t].str.indexOf(last);
      if (j >= 0) to = { text: texts[t].text, index: j + last.length };
    }
  }
  if (!from || !to) return JSON.stringify(null);
  const enc = (p, assoc) => toB64(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(p.text, p.index, assoc)));
  return JSON.stringify({ from: enc(from, 0), to: enc(to, -1) });
}

/**
 * The delete set of each update (Yjs V1; who deleted what, docs/adr/091): per update a flat array
 * [client, clock, length, ...] of the runs of items it deletes, by the items' own ids (whoever
 * wrote them). A delete set says which items are deleted, not by whom: the caller knows whose the
 * update was.
 */
export function deleteSets(list) {
  return JSON.stringify(list.map((b64) => {
    const out = [];
    const { ds } = Y.decodeUpdate(fromB64(b64));
    for (const [client, runs] of ds.clients) for (const r of runs) out.push(client, r.clock, r.len);
    return out;
  }));
}

// =====================================================================================
// ---------- suggestions (track changes) and the suggest-only check (docs/adr/025) ----------
// Suggestions are the marks of @handlewithcare/prosemirror-suggest-changes as y-tiptap stores
// them: on text, the formatting attributes `insertion` / `deletion` / `modification` ({id, ...});
// on a block, the element attribute `suggestion` (a JSON array of the node's suggestion marks,
// written by frontend/tcw-suggestions.ts because y-tiptap does not sync node marks). A suggestion
// id is "<person id>:<time, base 36>:<random>": its author is the number before the first colon.
// =====================================================================================

const SUGGESTION_MARKS = ['insertion', 'deletion', 'modification'];
const NODE_SUGGESTION = 'suggestion';
const ZWSP = '\u200B';

/** The author (person id) of a suggestion id, or null when the id names none. */
function authorOf(id) {
  const m = /^(\d+):/.exec(String(id));
  return m ? Number(m[1]) : null;
}

function nodeMarks(el) {
  const raw = el.getAttribute(NODE_SUGGESTION);
  if (raw === undefined || raw === null) return [];
  try {
    const list = typeof raw === 'string' ? JSON.parse(raw) : raw;
    return Array.isArray(list) ? list.filter((m) => m && SUGGESTION_MARKS.includes(m.type) && m.attrs) : [];
  } catch {
    return [{ type: 'invalid', attrs: { id: '?' } }];
  }
}

function sortedJson(o) {
  if (o === null || typeof o !== 'object') return JSON.stringify(o);
  if (Array.isArray(o)) return '[' + o.map(sortedJson).join(',') + ']';
  return '{' + Object.keys(o).sort().map((k) => JSON.stringify(k) + ':' + sortedJson(o[k])).join(',') + '}';
}

/**
 * The tokens of one node: element open/close and text runs, each with the suggestion ids it
 * carries. `node` = a node-level suggestion (the whole element), `ins`/`del`/`mod` = inline ones.
 */
function tokensOf(node, out) {
  if (node instanceof Y.XmlText) {
    for (const d of node.toDelta()) {
      if (typeof d.insert !== 'string') {
        out.push({ k: 't', text: '\uFFFC', key: sortedJson(d.insert), ins: null, del: null, mod: null });
        continue;
      }
      const a = d.attributes || {};
      const rest = {};
      for (const [k, v] of Object.entries(a)) if (!SUGGESTION_MARKS.includes(k)) rest[k] = v;
      const id = (m) => (a[m] && a[m].id !== undefined && a[m].id !== null ? String(a[m].id) : null);
      out.push({ k: 't', text: d.insert, key: sortedJson(rest), ins: id('insertion'), del: id('deletion'),
        mod: id('modification'), modAttrs: a.modification || null });
    }
    return;
  }
  if (!(node instanceof Y.XmlElement)) return;
  const marks = nodeMarks(node);
  const attrs = node.getAttributes();
  delete attrs[NODE_SUGGESTION];
  const rejected = Object.assign({}, attrs);
  let name = node.nodeName;
  for (const m of marks) {
    if (m.type === 'modification' && m.attrs.type === 'attr' && typeof m.attrs.attrName === 'string') {
      if (m.attrs.previousValue === null || m.attrs.previousValue === undefined) delete rejected[m.attrs.attrName];
      else rejected[m.attrs.attrName] = m.attrs.previousValue;
    } else if (m.type === 'modification' && m.attrs.type === 'nodeType' && typeof m.attrs.previousValue === 'string') {
      name = m.attrs.previousValue;
    }
  }
  // len: how many tokens the element spans (relative, so that token lists can be concatenated)
  const open = { k: 'o', s: '<' + name + ' ' + sortedJson(rejected) + '>', marks, len: 0 };
  const at = out.length;
  out.push(open);
  for (const c of node.toArray()) tokensOf(c, out);
  open.len = out.length - at;
  out.push({ k: 'c', s: '</' + name + '>' });
}

/**
 * The document as it reads with every suggestion rejected, and what each suggestion is made of,
 * for a run of tokens. Rejecting removes inserted text and inserted blocks, and the block
 * boundaries an insertion made (an insertion run that continues, with the same id, at the start
 * of the next block: a paragraph split); deleted text stays (the zero-width spaces the library
 * puts at block ends as markers of a deletion go); node attribute changes go back to their
 * previous value.
 */
function viewOf(tokens) {
  const n = tokens.length;
  const drop = new Uint8Array(n);
  const parts = new Map();
  const add = (id, s) => parts.set(id, (parts.get(id) || '') + s + '\u0001');
  const inside = [];
  for (let i = 0; i < n; i++) {
    const t = tokens[i];
    while (inside.length && inside[inside.length - 1].end < i) inside.pop();
    const owners = inside.map((x) => x.id);
    if (t.k === 'o') {
      for (const m of t.marks) {
        add(String(m.attrs.id), m.type + t.s + sortedJson(m.attrs));
        if (m.type === 'insertion') {
          for (let j = i; j <= i + t.len; j++) drop[j] = 1;
          inside.push({ id: String(m.attrs.id), end: i + t.len });
        }
      }
      for (const o of owners) add(o, t.s);
      continue;
    }
    if (t.k === 'c') {
      for (const o of owners) add(o, t.s);
      continue;
    }
    for (const o of owners) add(o, 'n' + t.key + t.text);
    if (t.ins) add(t.ins, 'i' + t.key + t.text);
    if (t.del) add(t.del, 'd' + t.key + t.text);
    if (t.mod) add(t.mod, 'm' + t.key + t.text + sortedJson(t.modAttrs));
    if (t.ins) {
      drop[i] = 1;
      // a block boundary inside one insertion: the blocks were one before
      let j = i + 1;
      while (j < n && tokens[j].k !== 't') j++;
      if (j < n && j > i + 1 && tokens[j].ins === t.ins) for (let x = i + 1; x < j; x++) drop[x] = 1;
    } else if (t.del && t.text.indexOf(ZWSP) >= 0) {
      t.view = t.text.split(ZWSP).join('');
    }
  }
  let s = '';
  let key = null;
  for (let i = 0; i < n; i++) {
    if (drop[i]) continue;
    const t = tokens[i];
    if (t.k === 't') {
      const text = t.view !== undefined ? t.view : t.text;
      if (!text.length) continue;
      if (key !== t.key) { s += '\u0002' + t.key + '\u0003'; key = t.key; }
      s += text;
    } else {
      s += t.s;
      key = null;
    }
  }
  return { view: s, parts };
}

/** A live copy of one document, with the tokens of each top-level block kept. */
class Replica {
  constructor(list) {
    this.doc = load(list);
    this.frag = this.doc.getXmlFragment(FIELD);
    this.tokens = new Map();
    this.blocks = this.frag.toArray();
    for (const b of this.blocks) this.tokens.set(b, this.blockTokens(b));
  }

  blockTokens(b) {
    const out = [];
    tokensOf(b, out);
    return out;
  }

  /** Applies an update; returns {before, after, changed, foreign}: the top-level blocks it touched. */
  apply(update) {
    const before = this.blocks;
    const changed = new Set();
    let foreign = false;
    const frag = this.frag;
    const onTx = (tr) => {
      for (const type of tr.changed.keys()) {
        let t = type;
        if (t === frag) continue;
        while (t && t._item && t._item.parent !== frag) t = t._item.parent;
        if (t && t._item && t._item.parent === frag) changed.add(t);
        else foreign = true;
      }
    };
    this.doc.on('afterTransaction', onTx);
    try {
      Y.applyUpdate(this.doc, update);
    } finally {
      this.doc.off('afterTransaction', onTx);
    }
    const after = frag.toArray();
    return { before, after, changed, foreign };
  }

  /** Takes what an apply changed into the kept tokens. */
  commit(r) {
    this.blocks = r.after;
    const keep = new Set(r.after);
    for (const b of r.before) if (!keep.has(b)) this.tokens.delete(b);
    for (const b of r.after) if (r.changed.has(b) || !this.tokens.has(b)) this.tokens.set(b, this.blockTokens(b));
  }
}

const replicas = new Map();

/**
 * The window of top-level blocks an update changed, one unchanged block on either side included
 * (an insertion can join a block with its neighbour), before and after.
 */
function windowOf(r, oldTokens, replica) {
  const { before, after, changed } = r;
  let lo = 0;
  while (lo < before.length && lo < after.length && before[lo] === after[lo] && !changed.has(after[lo])) lo++;
  let hb = before.length - 1;
  let ha = after.length - 1;
  while (hb >= lo && ha >= lo && before[hb] === after[ha] && !changed.has(after[ha])) { hb--; ha--; }
  const from = Math.max(0, lo - 1);
  const tokB = [];
  for (let i = from; i <= Math.min(before.length - 1, hb + 1); i++) tokB.push(...oldTokens(before[i]));
  const tokA = [];
  for (let i = from; i <= Math.min(after.length - 1, ha + 1); i++) tokA.push(...replica.blockTokens(after[i]));
  return { tokB, tokA, blocks: Math.max(hb, ha) - lo + 1 };
}

/**
 * The suggest-only rule for one update by `personId`, evaluated on the replica: allowed only if
 * (a) the document with every suggestion rejected reads the same before and after, and (b) every
 * suggestion the update adds, changes or removes is the person's own. Allowed: the update stays
 * applied on the replica. Refused: the replica is dropped (the caller opens it again from the log).
 */
function checkOn(key, replica, updateB64, personId) {
  const started = Date.now();
  const oldTokens = (b) => replica.tokens.get(b) || [];
  const refuse = (reason, extra) => {
    replicas.delete(key);
    return JSON.stringify(Object.assign({ allowed: false, reason, millis: Date.now() - started }, extra || {}));
  };
  let r;
  try {
    r = replica.apply(fromB64(updateB64));
  } catch (e) {
    return refuse('unreadable');
  }
  if (!complete(replica.doc)) return refuse('incomplete');
  if (r.foreign) return refuse('outside-document');
  const w = windowOf(r, oldTokens, replica);
  const vb = viewOf(w.tokB);
  const va = viewOf(w.tokA);
  if (vb.view !== va.view) return refuse('changes-text');
  const others = [];
  for (const id of new Set([...vb.parts.keys(), ...va.parts.keys()])) {
    if (vb.parts.get(id) !== va.parts.get(id) && authorOf(id) !== personId) others.push(id);
  }
  if (others.length) return refuse('not-own', { ids: others.slice(0, 10) });
  replica.commit(r);
  return JSON.stringify({ allowed: true, reason: null, blocks: w.blocks, millis: Date.now() - started });
}

/** Opens (or replaces) the live replica kept under `key`, from the log. */
export function replicaOpen(key, list) {
  replicas.set(key, new Replica(list));
  return true;
}

/** An update accepted from someone who is not suggest-only (or made by the server): applied as is. */
export function replicaApply(key, updateB64) {
  const replica = replicas.get(key);
  if (!replica) return false;
  try {
    const r = replica.apply(fromB64(updateB64));
    replica.commit(r);
    if (!complete(replica.doc)) replicas.delete(key);
  } catch (e) {
    replicas.delete(key);
  }
  return replicas.has(key);
}

export function replicaClose(key) {
  return replicas.delete(key);
}

/** The suggest-only check on the replica kept under `key` (which must be open). */
export function replicaCheck(key, updateB64, personId) {
  const replica = replicas.get(key);
  if (!replica) throw new Error('no replica open for ' + key);
  return checkOn(key, replica, updateB64, Number(personId));
}

/** The suggest-only check on a fresh replica of the log (tests). */
export function suggestOnlyCheck(list, updateB64, personId) {
  const key = '\u0000once';
  const replica = new Replica(list);
  replicas.set(key, replica);
  try {
    return checkOn(key, replica, updateB64, Number(personId));
  } finally {
    replicas.delete(key);
  }
}

/** The document with every suggestion rejected, as the check compares it (tests). */
export function rejectedView(list) {
  const doc = load(list);
  const tokens = [];
  for (const b of doc.getXmlFragment(FIELD).toArray()) tokensOf(b, tokens);
  return viewOf(tokens).view;
}

// ---------- listing, accepting, rejecting ----------

/** Every text run and block of the document in document order, with its parent textblock. */
function walk(frag, visit) {
  const rec = (node, textblock) => {
    if (node instanceof Y.XmlText) { visit({ text: node, block: textblock }); return; }
    if (!(node instanceof Y.XmlElement)) return;
    visit({ element: node });
    for (const c of node.toArray()) rec(c, node);
  };
  for (const c of frag.toArray()) rec(c, null);
}

/**
 * The suggestions of the document in document order: id, author (person id), kind (insertion,
 * deletion, modification; "block" ones are whole paragraphs or list items) and their text.
 */
export function suggestions(list) {
  return JSON.stringify(suggestionsOf(load(list)));
}

/**
 * The documents whose review list is read from a kept Y.Doc (see keptDoc): the open pages of a
 * document ask for its list after every change, and loading the whole log each time kept the
 * engine's thread busy (docs/adr/025, amendment "the review list from a kept state").
 */
const reviewDocs = new Map();
const REVIEW_DOCS = 8;

/**
 * suggestions() on the kept Y.Doc of document `key`: {list} or {stale: true} if not kept at
 * `baseSeq`. What each top-level block contributes is kept too, until a transaction changes
 * something inside the block: a reading after a keystroke walks one block, not the document.
 */
export function suggestionsCached(key, baseSeq, lastSeq, list) {
  const kept = keptDoc(reviewDocs, REVIEW_DOCS, key, baseSeq, lastSeq, list, (k) => {
    k.notes = new WeakMap();
    const frag = k.doc.getXmlFragment(FIELD);
    k.doc.on('afterTransaction', (tr) => {
      for (const type of tr.changed.keys()) {
        let t = type;
        while (t && t !== frag && t._item && t._item.parent !== frag) t = t._item.parent;
        if (t && t !== frag) k.notes.delete(t);
      }
    });
  });
  return JSON.stringify(kept === null ? { stale: true } : { list: suggestionsOf(kept.doc, kept.notes) });
}

/** The suggestions of a document (see suggestions()); `cache`: each top-level block's notes, kept. */
function suggestionsOf(doc, cache) {
  const byId = new Map();
  for (const b of doc.getXmlFragment(FIELD).toArray()) {
    let notes = cache ? cache.get(b) : undefined;
    if (!notes) {
      notes = blockNotes(b);
      if (cache) cache.set(b, notes);
    }
    for (const [id, kind, text] of notes) {
      let s = byId.get(id);
      if (!s) { s = { id, author: authorOf(id), kinds: [], text: '', order: byId.size }; byId.set(id, s); }
      if (!s.kinds.includes(kind)) s.kinds.push(kind);
      if (s.text.length < 200) s.text += text;
    }
  }
  return [...byId.values()];
}

/** What one top-level block says about suggestions, in document order: [id, kind, text] each. */
function blockNotes(block) {
  const notes = [];
  const rec = (node) => {
    if (node instanceof Y.XmlText) {
      for (const d of node.toDelta()) {
        if (typeof d.insert !== 'string') continue;
        const a = d.attributes || {};
        for (const m of SUGGESTION_MARKS) if (a[m] && a[m].id !== undefined) notes.push([String(a[m].id), m, d.insert.split(ZWSP).join('')]);
      }
      return;
    }
    if (!(node instanceof Y.XmlElement)) return;
    for (const m of nodeMarks(node)) notes.push([String(m.attrs.id), 'block-' + m.type, '']);
    for (const c of node.toArray()) rec(c);
  };
  rec(block);
  return notes;
}

/**
 * Accepts or rejects suggestions, as one update made by a fresh Yjs client (the server's).
 * `spec`: {accept: boolean, ids: [..] | null, author: person id | null}: the suggestions with one
 * of these ids, or all of this author, or all. Accepting an insertion keeps its text (its marker
 * zero-width spaces go), rejecting it removes the text, and a block boundary it made joins the
 * blocks again; deletions the other way round. Returns '' when nothing matched.
 */
export function review(list, specJson) {
  const spec = JSON.parse(specJson);
  const doc = load(list);
  const before = Y.encodeStateVector(doc);
  const frag = doc.getXmlFragment(FIELD);
  const wanted = (id) => id !== undefined && id !== null
    && (spec.ids ? spec.ids.map(String).includes(String(id)) : true)
    && (spec.author !== null && spec.author !== undefined ? authorOf(id) === Number(spec.author) : true);
  // What goes: insertions when rejecting, deletions when accepting; what stays loses its mark.
  const goes = spec.accept ? 'deletion' : 'insertion';
  const stays = spec.accept ? 'insertion' : 'deletion';
  let touched = 0;
  doc.transact(() => {
    // 1. blocks
    const elements = [];
    walk(frag, (x) => { if (x.element) elements.push(x.element); });
    for (const el of elements.reverse()) {
      const marks = nodeMarks(el);
      const mine = marks.filter((m) => wanted(m.attrs.id));
      if (!mine.length) continue;
      touched++;
      if (mine.some((m) => m.type === goes)) {
        const parent = el.parent;
        if (parent) parent.delete(parent.toArray().indexOf(el), 1);
        continue;
      }
      for (const m of mine) {
        if (m.type === 'modification' && !spec.accept && m.attrs.type === 'attr' && typeof m.attrs.attrName === 'string') {
          if (m.attrs.previousValue === null || m.attrs.previousValue === undefined) el.removeAttribute(m.attrs.attrName);
          else el.setAttribute(m.attrs.attrName, m.attrs.previousValue);
        }
      }
      const rest = marks.filter((m) => !mine.includes(m));
      if (rest.length) el.setAttribute(NODE_SUGGESTION, JSON.stringify(rest));
      else el.removeAttribute(NODE_SUGGESTION);
    }
    // 2. text: collect the runs, then change them from the end
    const texts = [];
    walk(frag, (x) => { if (x.text) texts.push(x); });
    const edgeId = (t, first) => {
      const delta = t.text.toDelta().filter((d) => typeof d.insert === 'string' && d.insert.length);
      const d = first ? delta[0] : delta[delta.length - 1];
      const a = d && d.attributes && d.attributes[goes];
      return a && wanted(a.id) ? String(a.id) : null;
    };
    // block boundaries made by a suggestion that goes: the text block after it joins the one before
    const joins = [];
    for (let i = 0; i + 1 < texts.length; i++) {
      const a = texts[i];
      const b = texts[i + 1];
      if (!a.block || !b.block || a.block === b.block) continue;
      const last = a.block.toArray().filter((c) => c instanceof Y.XmlText).pop();
      const first = b.block.toArray().find((c) => c instanceof Y.XmlText);
      if (last !== a.text || first !== b.text) continue;
      const ida = edgeId(a, false);
      if (ida && ida === edgeId(b, true)) joins.push([a, b]);
    }
    for (const x of texts.slice().reverse()) {
      const ops = [];
      let at = 0;
      for (const d of x.text.toDelta()) {
        const len = typeof d.insert === 'string' ? d.insert.length : 1;
        const a = d.attributes || {};
        for (const m of SUGGESTION_MARKS) {
          if (!a[m] || !wanted(a[m].id)) continue;
          if (m === goes) ops.push({ del: true, at, len });
          else ops.push({ unmark: m, at, len, zw: typeof d.insert === 'string' ? d.insert : '' });
        }
        at += len;
      }
      for (const op of ops.reverse()) {
        touched++;
        if (op.del) { x.text.delete(op.at, op.len); continue; }
        x.text.format(op.at, op.len, { [op.unmark]: null });
        if (op.unmark === stays || op.unmark === 'modification') {
          for (let i = op.zw.length - 1; i >= 0; i--) if (op.zw[i] === ZWSP) x.text.delete(op.at + i, 1);
        }
      }
    }
    for (const [a, b] of joins.reverse()) {
      const moved = b.text.toDelta();
      let at = a.text.length;
      for (const d of moved) {
        if (typeof d.insert !== 'string') continue;
        a.text.insert(at, d.insert, d.attributes || {});
        at += d.insert.length;
      }
      let gone = b.block;
      while (gone.parent && gone.parent !== frag && gone.parent.length === 1) gone = gone.parent;
      const p = gone.parent;
      if (p) p.delete(p.toArray().indexOf(gone), 1);
    }
  });
  return touched ? toB64(Y.encodeStateAsUpdate(doc, before)) : '';
}

/**
 * An update made by a fresh client that edits the document as scripted (tests, benchmarks and
 * demo data: what an editor would send). ops: [{op:'insert'|'delete'|'format', path:[i, j, ...]
 * (indices of elements from the top), at, text | len, attrs}, {op:'block', at, name, text,
 * attrs, marks (text attributes), children (nested blocks of the same form, instead of text),
 * path (the parent element; the top when absent)}, {op:'removeBlock', at, path}, {op:'attr',
 * path, name, value}].
 */
function blockOf(spec) {
  const el = new Y.XmlElement(spec.name || 'paragraph');
  for (const [k, v] of Object.entries(spec.attrs || {})) el.setAttribute(k, v);
  if (spec.children) el.insert(0, spec.children.map(blockOf));
  else if (spec.text) { const t = new Y.XmlText(); el.insert(0, [t]); t.insert(0, spec.text, spec.marks || {}); }
  return el;
}

export function edit(list, opsJson) {
  const doc = load(list);
  const before = Y.encodeStateVector(doc);
  const frag = doc.getXmlFragment(FIELD);
  const elementAt = (path) => path.reduce((node, i) => node.get(i), frag);
  const textOf = (el) => {
    let t = el.toArray().find((c) => c instanceof Y.XmlText);
    if (!t) { t = new Y.XmlText(); el.insert(el.length, [t]); }
    return t;
  };
  doc.transact(() => {
    for (const op of JSON.parse(opsJson)) {
      if (op.op === 'insert') textOf(elementAt(op.path)).insert(op.at, op.text, op.attrs || {});
      else if (op.op === 'delete') textOf(elementAt(op.path)).delete(op.at, op.len);
      else if (op.op === 'format') textOf(elementAt(op.path)).format(op.at, op.len, op.attrs || {});
      else if (op.op === 'attr') elementAt(op.path).setAttribute(op.name, op.value);
      else if (op.op === 'block') (op.path ? elementAt(op.path) : frag).insert(op.at, [blockOf(op)]);
      else if (op.op === 'removeBlock') (op.path ? elementAt(op.path) : frag).delete(op.at, 1);
      else if (op.op === 'map') doc.getMap(op.name).set('x', op.value);
      else throw new Error('unknown op ' + op.op);
    }
  });
  return toB64(Y.encodeStateAsUpdate(doc, before));
}

/**
 * A suggesting session by one fresh client: one update per keystroke, each typing one character
 * marked as an insertion with `id` into the text of the element at `path`, from offset `at` on.
 * What a person in Suggesting mode sends while typing (benchmarks and tests).
 */
export function suggestingSession(list, pathJson, at, text, id) {
  const doc = load(list);
  const path = JSON.parse(pathJson);
  const el = path.reduce((node, i) => node.get(i), doc.getXmlFragment(FIELD));
  const t = el.toArray().find((c) => c instanceof Y.XmlText);
  const out = [];
  doc.on('update', (u) => out.push(toB64(u)));
  for (let i = 0; i < text.length; i++) doc.transact(() => t.insert(at + i, text[i], { insertion: { id } }));
  return JSON.stringify(out);
}

// =====================================================================================
// ---------- Word and PDF exchange (org.issa.tcw.documents.exchange, docs/adr/027) ----------
// =====================================================================================

/**
 * The document as ProseMirror-like JSON for the exporters: elements {type, attrs, content}, text
 * runs {type:'text', text, marks:{bold:{}, link:{href}, insertion:{id}, ...}} and, where the given
 * comment anchors ([{id, from, to}] as base64 relative positions) start and end, the inline markers
 * {type:'commentStart'|'commentEnd', id}. Anchors that no longer resolve are left out.
 */
export function exportTree(list, anchorsJson) {
  const doc = load(list);
  const root = doc.getXmlFragment(FIELD);
  const { starts, pos } = pmIndex(root);
  const events = [];
  for (const a of JSON.parse(anchorsJson || '[]')) {
    const f = resolveAnchor(doc, root, a.from);
    const t = resolveAnchor(doc, root, a.to);
    if (!f || !t) continue;
    const pf = pos(f), pt = pos(t);
    if (pf === null || pt === null || pf >= pt) continue;
    events.push({ pos: pf, kind: 'commentStart', id: a.id }, { pos: pt, kind: 'commentEnd', id: a.id });
  }
  // ends before starts at the same position, then by position
  events.sort((x, y) => x.pos - y.pos || (x.kind === y.kind ? 0 : x.kind === 'commentEnd' ? -1 : 1));
  let next = 0;
  const flush = (upTo, out) => {
    while (next < events.length && events[next].pos <= upTo) {
      out.push({ type: events[next].kind, id: events[next].id });
      next++;
    }
  };
  const node = (n) => {
    const out = { type: n.nodeName, attrs: n.getAttributes(), content: [] };
    for (const c of n.toArray()) {
      if (c instanceof Y.XmlText) textRuns(c, out.content);
      else if (c instanceof Y.XmlElement) out.content.push(node(c));
    }
    return out;
  };
  const textRuns = (t, out) => {
    let p = starts.get(t);
    for (const d of t.toDelta()) {
      if (typeof d.insert !== 'string') { p += 1; continue; }
      let s = d.insert;
      while (s.length) {
        flush(p, out);
        const limit = next < events.length ? events[next].pos - p : s.length;
        const take = Math.max(1, Math.min(s.length, limit));
        out.push({ type: 'text', text: s.slice(0, take), marks: d.attributes || {} });
        s = s.slice(take);
        p += take;
      }
    }
    flush(p, out);
  };
  const content = [];
  for (const c of root.toArray()) if (c instanceof Y.XmlElement) content.push(node(c));
  const rest = [];
  flush(Number.MAX_SAFE_INTEGER, rest);
  if (rest.length) content.push({ type: 'paragraph', attrs: {}, content: rest });
  return JSON.stringify({ type: 'doc', content });
}

/**
 * An update by a fresh client that replaces the whole content of the document with the given
 * ProseMirror JSON (an import from Word): what an editor would send when its user selects all and
 * pastes. '' when the log is empty of content and the JSON too (nothing to do).
 */
export function replaceContent(list, json) {
  const doc = load(list);
  const before = Y.encodeStateVector(doc);
  const frag = doc.getXmlFragment(FIELD);
  const pm = JSON.parse(json);
  doc.transact(() => {
    if (frag.length) frag.delete(0, frag.length);
    const blocks = (pm.content && pm.content.length) ? pm.content : [{ type: 'paragraph' }];
    frag.insert(0, blocks.map((b) => toY(b)));
  });
  return toB64(Y.encodeStateAsUpdate(doc, before));
}
/**
 * replaceContent for a Word file with comments (docs/adr/090): the JSON may hold inline anchor
 * markers (see toY) where each comment's range starts and ends. Returns {update, anchors}: the
 * update as replaceContent's, and for every id with both ends, {id, from, to} as base64 relative
 * positions made as the editor makes them (ADR 024: `from` on the first character, assoc 0; `to`
 * after the last, assoc -1), valid in the document once the update is stored.
 */
export function replaceContentAnchored(list, json) {
  const doc = load(list);
  const before = Y.encodeStateVector(doc);
  const frag = doc.getXmlFragment(FIELD);
  const pm = JSON.parse(json);
  const anchors = { at: new Map(), pending: [], last: null };
  doc.transact(() => {
    if (frag.length) frag.delete(0, frag.length);
    const blocks = (pm.content && pm.content.length) ? pm.content : [{ type: 'paragraph' }];
    frag.insert(0, blocks.map((b) => toY(b, anchors)));
  });
  const enc = (p, assoc) => toB64(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(p.text, p.index, assoc)));
  const out = [];
  for (const [id, a] of anchors.at) {
    if (a.start && a.end && a.end.index > 0) out.push({ id, from: enc(a.start, 0), to: enc(a.end, -1) });
  }
  return JSON.stringify({ update: toB64(Y.encodeStateAsUpdate(doc, before)), anchors: out });
}

// ---------- versions of a document (docs/adr/026) ----------

/**
 * A version of the document the log describes: its whole state as a V2 update (what the History's
 * read-only diff editor feeds to y-tiptap's renderSnapshot) and its outline text: one line per
 * block, headings prefixed with '#' per level, so the server can name the sections a change is in.
 */
export function versionState(list) {
  const doc = load(list);
  if (!complete(doc)) throw new Error('the log has updates with missing dependencies: ' + JSON.stringify(missing(doc)));
  return JSON.stringify({ state: toB64(Y.encodeStateAsUpdateV2(doc)), outline: outlineOf(doc.getXmlFragment(FIELD)) });
}

/** A version's V2 state as a V1 update, the format the other functions read (e.g. exportTree). */
export function versionUpdate(stateB64) {
  return toB64(Y.convertUpdateFormatV2ToV1(fromB64(stateB64)));
}

/** The outline text (see versionState) of a version's V2 state. */
export function versionOutline(stateB64) {
  const doc = new Y.Doc();
  Y.applyUpdateV2(doc, fromB64(stateB64));
  return outlineOf(doc.getXmlFragment(FIELD));
}

function outlineOf(frag) {
  const lines = [];
  outlineLines(frag, lines, { marked: false });
  return lines.join('\n');
}

/** The outline of the current text (suggested insertions are not in it, as in render()). */
function outlineLines(node, lines, opts) {
  for (const child of node.toArray()) {
    if (child instanceof Y.XmlText || suggestedBlock(child, opts)) continue;
    if (child.nodeName === 'heading') {
      const level = Math.min(6, Math.max(1, Number(child.getAttribute('level')) || 1));
      lines.push('#'.repeat(level) + ' ' + inlineText(child, opts).replace(/\n/g, ' '));
    } else if (BLOCKS.has(child.nodeName)) lines.push(inlineText(child, opts));
    else if (child.nodeName === 'table') tableText(child, lines, opts);
    else if (child.nodeName !== 'horizontalRule') outlineLines(child, lines, opts);
  }
}

/**
 * Restoring a version: one update, by a fresh client, that turns the document the log describes
 * into the version's content (its V2 state) — as the smallest edit this finds: blocks equal in both
 * are kept, blocks of the same kind are edited in place (attributes, children, and in a text the
 * differing middle only), the rest deleted or inserted as copies. Everything a co-editor types
 * concurrently into text that is kept or edited in place therefore survives the restore.
 * Empty when the document already has the version's content. Verified before it is returned.
 */
export function restore(list, stateB64) {
  const doc = load(list);
  if (!complete(doc)) throw new Error('the log has updates with missing dependencies: ' + JSON.stringify(missing(doc)));
  const target = new Y.Doc();
  Y.applyUpdateV2(target, fromB64(stateB64));
  const frag = doc.getXmlFragment(FIELD);
  const want = target.getXmlFragment(FIELD);
  if (frag.toString() === want.toString()) return '';
  const before = Y.encodeStateVector(doc);
  doc.transact(() => syncChildren(frag, want));
  if (frag.toString() !== want.toString()) throw new Error('the restored document differs from the version');
  return toB64(Y.encodeStateAsUpdate(doc, before));
}

function sameKind(a, b) {
  if (a instanceof Y.XmlText || b instanceof Y.XmlText) return a instanceof Y.XmlText && b instanceof Y.XmlText;
  return a.nodeName === b.nodeName;
}

/** Makes the children of `cur` equal to those of `want` (see restore). */
function syncChildren(cur, want) {
  const a = cur.toArray();
  const b = want.toArray();
  const as = a.map((n) => n.toString());
  const bs = b.map((n) => n.toString());
  let p = 0;
  while (p < a.length && p < b.length && as[p] === bs[p]) p++;
  let s = 0;
  while (s < a.length - p && s < b.length - p && as[a.length - 1 - s] === bs[b.length - 1 - s]) s++;
  const n = a.length - p - s;
  const m = b.length - p - s;
  // an alignment of the middles: equal blocks kept (LCS, when small enough), the rest paired or not
  const ops = []; // [kind, i, j] with kind 'keep' | 'sync' | 'del' | 'ins', i/j absolute indices
  const matches = [];
  if (n > 0 && m > 0 && n * m <= 4_000_000) {
    const w = m + 1;
    const len = new Uint32Array((n + 1) * w);
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        len[i * w + j] = as[p + i] === bs[p + j] ? len[(i + 1) * w + j + 1] + 1
          : Math.max(len[(i + 1) * w + j], len[i * w + j + 1]);
      }
    }
    for (let i = 0, j = 0; i < n && j < m;) {
      if (as[p + i] === bs[p + j]) { matches.push([i, j]); i++; j++; }
      else if (len[(i + 1) * w + j] >= len[i * w + j + 1]) i++;
      else j++;
    }
  }
  matches.push([n, m]);
  let i = 0, j = 0;
  for (const [mi, mj] of matches) {
    // the gap before this match: pair blocks of the same kind in order, delete or insert the rest
    while (i < mi || j < mj) {
      if (i < mi && j < mj && sameKind(a[p + i], b[p + j])) { ops.push(['sync', p + i, p + j]); i++; j++; }
      else if (i < mi && (j >= mj || mi - i >= mj - j)) { ops.push(['del', p + i, -1]); i++; }
      else { ops.push(['ins', p + i, p + j]); j++; }
    }
    if (mi < n) { ops.push(['keep', p + i, p + j]); i++; j++; }
  }
  // applied from the end, so that the indices of what comes before stay valid
  for (let k = ops.length - 1; k >= 0; k--) {
    const [kind, oi, oj] = ops[k];
    if (kind === 'sync') syncNode(a[oi], b[oj]);
    else if (kind === 'del') cur.delete(oi, 1);
    else if (kind === 'ins') cur.insert(oi, [b[oj].clone()]);
  }
}

function syncNode(x, y) {
  if (x instanceof Y.XmlText) { syncText(x, y); return; }
  const xa = x.getAttributes();
  const ya = y.getAttributes();
  for (const [k, v] of Object.entries(ya)) if (JSON.stringify(xa[k]) !== JSON.stringify(v)) x.setAttribute(k, v);
  for (const k of Object.keys(xa)) if (!(k in ya)) x.removeAttribute(k);
  syncChildren(x, y);
}

/** Runs of a text as per-code-unit characters and formatting keys. */
function unitsOf(t) {
  const chars = [];
  const keys = [];
  for (const d of t.toDelta()) {
    if (typeof d.insert !== 'string') continue;
    const key = d.attributes ? sortedJson(d.attributes) : '';
    for (let i = 0; i < d.insert.length; i++) { chars.push(d.insert[i]); keys.push(key); }
  }
  return { chars, keys };
}

function isLow(c) { const u = c.charCodeAt(0); return u >= 0xdc00 && u <= 0xdfff; }

/** Makes text `x` equal to `y`: the common start and end stay, only the middle is replaced. */
function syncText(x, y) {
  const a = unitsOf(x);
  const b = unitsOf(y);
  let p = 0;
  while (p < a.chars.length && p < b.chars.length && a.chars[p] === b.chars[p] && a.keys[p] === b.keys[p]) p++;
  while (p > 0 && p < a.chars.length && isLow(a.chars[p])) p--;
  let s = 0;
  while (s < a.chars.length - p && s < b.chars.length - p
    && a.chars[a.chars.length - 1 - s] === b.chars[b.chars.length - 1 - s]
    && a.keys[a.keys.length - 1 - s] === b.keys[b.keys.length - 1 - s]) s++;
  while (s > 0 && isLow(a.chars[a.chars.length - s])) s--;
  const removed = a.chars.length - p - s;
  if (removed > 0) x.delete(p, removed);
  let at = p;
  let offset = 0;
  for (const d of y.toDelta()) {
    if (typeof d.insert !== 'string') continue;
    const from = Math.max(p, offset);
    const to = Math.min(b.chars.length - s, offset + d.insert.length);
    if (to > from) {
      x.insert(at, d.insert.slice(from - offset, to - offset), d.attributes ? { ...d.attributes } : {});
      at += to - from;
    }
    offset += d.insert.length;
  }
}
