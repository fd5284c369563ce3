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

/** Plain text (one line per block) and an HTML rendering, to be sanitized by the caller. */
export function render(list) {
  const doc = load(list);
  const frag = doc.getXmlFragment(FIELD);
  const lines = [];
  blocksText(frag, lines);
  return JSON.stringify({ text: lines.join('\n'), html: childrenHtml(frag), xml: frag.toString() });
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
    frag.insert(0, blocks.map(toY));
  });
  return toB64(Y.encodeStateAsUpdate(doc));
}

function toY(node) {
  const el = new Y.XmlElement(node.type);
  for (const [k, v] of Object.entries(node.attrs || {})) if (v !== null && v !== undefined) el.setAttribute(k, v);
  const children = [];
  let text = null;
  for (const child of node.content || []) {
    if (child.type === 'text') {
      if (!text) { text = new Y.XmlText(); children.push(text); text.__runs = []; }
      const attrs = {};
      for (const m of child.marks || []) attrs[m.type] = m.attrs || {};
      text.__runs.push([child.text, attrs]);
    } else {
      text = null;
      children.push(toY(child));
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

function blocksText(node, lines) {
  for (const child of node.toArray()) {
    if (child instanceof Y.XmlText) continue;
    if (BLOCKS.has(child.nodeName)) lines.push(inlineText(child));
    else if (child.nodeName === 'horizontalRule') lines.push('');
    else if (child.nodeName === 'table') tableText(child, lines);
    else blocksText(child, lines);
  }
}

/** A table: one line per row, its cells separated by " | " (a cell's own blocks by a space). */
function tableText(table, lines) {
  for (const row of table.toArray()) {
    if (!(row instanceof Y.XmlElement)) continue;
    const cells = [];
    for (const cell of row.toArray()) {
      if (!(cell instanceof Y.XmlElement) || !CELLS.has(cell.nodeName)) continue;
      const inner = [];
      blocksText(cell, inner);
      cells.push(inner.join(' ').replace(/\n/g, ' ').trim());
    }
    lines.push(cells.join(' | '));
  }
}

function inlineText(el) {
  let s = '';
  for (const c of el.toArray()) {
    if (c instanceof Y.XmlText) for (const d of c.toDelta()) s += typeof d.insert === 'string' ? d.insert : '';
    else if (c.nodeName === 'hardBreak') s += '\n';
    else s += inlineText(c);
  }
  return s;
}

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const TAGS = {
  paragraph: 'p', blockquote: 'blockquote', bulletList: 'ul', orderedList: 'ol', listItem: 'li',
  table: 'table', tableRow: 'tr', tableHeader: 'th', tableCell: 'td',
};
const MARKS = [['bold', 'strong'], ['italic', 'em'], ['underline', 'u'], ['strike', 's'], ['code', 'code']];

function childrenHtml(node) {
  let s = '';
  for (const c of node.toArray()) s += nodeHtml(c);
  return s;
}

function nodeHtml(n) {
  if (n instanceof Y.XmlText) return textHtml(n);
  const name = n.nodeName;
  const attrs = n.getAttributes();
  if (name === 'hardBreak') return '<br>';
  if (name === 'horizontalRule') return '<hr>';
  if (name === 'heading') {
    const level = Math.min(6, Math.max(1, Number(attrs.level) || 1));
    return `<h${level}>${childrenHtml(n)}</h${level}>`;
  }
  if (name === 'codeBlock') return `<pre><code>${childrenHtml(n)}</code></pre>`;
  if (name === 'table') return `<table><tbody>${childrenHtml(n)}</tbody></table>`;
  if (CELLS.has(name)) {
    const tag = TAGS[name];
    let span = '';
    for (const a of ['colspan', 'rowspan']) {
      const v = Math.floor(Number(attrs[a]));
      if (v > 1 && v <= 1000) span += ` ${a}="${v}"`;
    }
    return `<${tag}${span}>${childrenHtml(n)}</${tag}>`;
  }
  if (name === 'orderedList' && Number(attrs.start) > 1) return `<ol start="${Number(attrs.start)}">${childrenHtml(n)}</ol>`;
  const tag = TAGS[name] || 'div';
  return `<${tag}>${childrenHtml(n)}</${tag}>`;
}

function textHtml(t) {
  let s = '';
  for (const d of t.toDelta()) {
    if (typeof d.insert !== 'string') continue;
    let h = esc(d.insert);
    const a = d.attributes || {};
    for (const [mark, tag] of MARKS) if (a[mark]) h = `<${tag}>${h}</${tag}>`;
    if (a.link && typeof a.link.href === 'string') h = `<a href="${esc(a.link.href)}">${h}</a>`;
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
  const doc = load(list);
  const root = doc.getXmlFragment(FIELD);
  const a = resolveAnchor(doc, root, from);
  const b = resolveAnchor(doc, root, to);
  if (!a || !b) return JSON.stringify({ valid: false });
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
  const pa = pos(a), pb = pos(b);
  if (pa === null || pb === null || pa >= pb || pb > size) return JSON.stringify({ valid: false });
  return JSON.stringify({ valid: true, from: pa, to: pb, text: textBetween(root, starts, sizes, pa, pb) });
}

/**
 * The anchor an editor makes for the first occurrence of `quote` inside one text node of the
 * document: {from, to} as base64 relative positions, or null. For tests, demo data and benchmarks.
 */
export function anchorFor(list, quote) {
  const doc = load(list);
  let found = null;
  const walk = (type) => {
    for (const child of type.toArray()) {
      if (found) return;
      if (child instanceof Y.XmlText) {
        const str = child.toDelta().map((d) => (typeof d.insert === 'string' ? d.insert : ' ')).join('');
        const i = str.indexOf(quote);
        if (i >= 0) found = { text: child, index: i };
      } else if (child instanceof Y.XmlElement) walk(child);
    }
  };
  walk(doc.getXmlFragment(FIELD));
  if (!found) return JSON.stringify(null);
  const enc = (index, assoc) => toB64(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(found.text, index, assoc)));
  return JSON.stringify({ from: enc(found.index, 0), to: enc(found.index + quote.length, -1) });
}
