/*
 * Comments in <tcw-editor> (docs/adr/024): a TipTap extension whose ProseMirror plugin highlights
 * the commented ranges as decorations, for everyone, live. A comment's range is stored as two
 * Y.RelativePosition (base64, relative to the Y.XmlFragment the editor is bound to): `from`
 * associated with the first character of the range (assoc 0), `to` with its last (assoc -1), so
 * text typed before the range moves it, text typed inside it grows it, and on every replica and
 * after a reload it resolves to the same characters. When its text is deleted the range collapses:
 * the comment is "detached" (the panel keeps it, with the text it was on).
 *
 * The server (documents/comments) owns the comments; the panel sends the list with setComments and
 * hears back, as DOM events on the host element:
 *  - 'comment-order'   {order: ids in document order (detached ones last), detached: ids}
 *  - 'comment-clicked' {id} — the person clicked a highlighted range
 *  - 'comment-requested'    — the person pressed Ctrl+Alt+M (or the toolbar button)
 *
 * A range can also come apart while its text stays: y-tiptap joins two paragraphs (Backspace at the
 * start of one) by deleting the second and inserting its text into the first, so relative positions
 * in the second no longer resolve; it splits one (Enter) by deleting the rest of the paragraph and
 * inserting it as a new one, so a range that went on past the split loses its last character and
 * reads shorter ("broken"). The plugin remembers where each range last was; when one detaches or
 * breaks it calls the `detached` option, and the editor (once its change reached the server) looks
 * for the comment's quote in the text blocks there, block breaks aside (`relocate`, `quoteKey`), and
 * asks the server to move the anchor ('comment-reanchor' {id, from, to}); the server accepts only if
 * the old anchor is gone (or broken and no longer its quote) and the new range holds the quote.
 */
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import * as Y from 'yjs';
import {
  absolutePositionToRelativePosition,
  relativePositionToAbsolutePosition,
  ySyncPluginKey,
} from '@tiptap/y-tiptap';
import { fromB64, toB64 } from './tcw-base64';
import { PositionResolver } from './tcw-comment-positions';

/** A comment as the editor needs it. */
export type CommentAnchor = { id: number; from: string; to: string; resolved: boolean; quote?: string };
/** What selectionAnchor() gives the panel. */
export type SelectionAnchor = { from: string; to: string; quote: string };

type Range = { from: number; to: number };
type CommentsState = {
  comments: CommentAnchor[];
  active: number | null;
  /** Resolved ranges by id; absent = detached. */
  ranges: Map<number, Range>;
  /** Where each range last resolved (moved with later local changes): where to look for a detached one's text. */
  last: Map<number, Range>;
  /**
   * Placed ranges that lost their first or last character and no longer read as their quote (a
   * paragraph split inside them): looked for again like detached ones.
   */
  broken: Set<number>;
  decorations: DecorationSet;
  /** Ids in document order, then the detached ones ('|' between the two lists): for change detection. */
  orderKey: string;
  scroll: boolean;
  /** Whether y-tiptap's binding existed when the ranges were resolved (it is made after the editor). */
  bound: boolean;
};
type Meta = { comments?: CommentAnchor[]; active?: number | null; scroll?: boolean; recompute?: boolean };
type Binding = { mapping: unknown; type: Y.XmlFragment };

export const commentsKey = new PluginKey<CommentsState>('tcwComments');

function binding(state: EditorState): Binding | undefined {
  return (ySyncPluginKey.getState(state) as { binding?: Binding } | undefined)?.binding;
}

/** A range resolved from its relative positions, or null when its text is gone. */
function resolve(state: EditorState, b: Binding, c: CommentAnchor, positions: PositionResolver): Range | null {
  try {
    const from = positions.resolve(Y.decodeRelativePosition(fromB64(c.from)));
    const to = positions.resolve(Y.decodeRelativePosition(fromB64(c.to)));
    const size = state.doc.content.size;
    if (from === null || to === null || from >= to || to > size) return null;
    if (state.doc.textBetween(from, to, '\n', ' ').trim() === '') return null;
    return { from, to };
  } catch {
    return null;
  }
}

function build(state: EditorState, comments: CommentAnchor[], active: number | null, scroll: boolean,
  previous?: Map<number, Range>): CommentsState {
  const b = binding(state);
  const ranges = new Map<number, Range>();
  const last = new Map<number, Range>();
  const broken = new Set<number>();
  const positions = b ? new PositionResolver(b.type.doc!, b.type, b.mapping as Map<unknown, unknown>) : null;
  if (b && positions) for (const c of comments) {
    const r = resolve(state, b, c, positions);
    if (r) ranges.set(c.id, r);
    if (r && c.quote && quoteKey(state.doc.textBetween(r.from, r.to, '\n', ' ')) !== quoteKey(c.quote)
      && (boundaryDeleted(b, c.from) || boundaryDeleted(b, c.to))) broken.add(c.id);
    const l = r ?? previous?.get(c.id);
    if (l) last.set(c.id, l);
  }
  const decos: Decoration[] = [];
  for (const c of comments) {
    const r = ranges.get(c.id);
    if (!r || (c.resolved && c.id !== active)) continue;
    decos.push(Decoration.inline(r.from, r.to, {
      class: c.id === active ? 'tcw-comment tcw-comment-active' : 'tcw-comment',
      'data-comment': String(c.id),
    }, { id: c.id }));
  }
  const placed = comments.filter((c) => ranges.has(c.id))
    .sort((x, y) => ranges.get(x.id)!.from - ranges.get(y.id)!.from || ranges.get(x.id)!.to - ranges.get(y.id)!.to || x.id - y.id)
    .map((c) => c.id);
  const detached = comments.filter((c) => !ranges.has(c.id)).map((c) => c.id);
  return {
    comments, active, ranges, last, broken, scroll, bound: !!b,
    decorations: DecorationSet.create(state.doc, decos),
    orderKey: placed.join(',') + '|' + detached.join(','),
  };
}

/**
 * A quote without its block separators: joining two paragraphs, splitting one or making them list
 * items changes only those, so a quote is looked for (and compared, here and on the server) without
 * them.
 */
export function quoteKey(quote: string): string {
  return quote.replace(/\n/g, '');
}

/** Whether the character a relative position is attached to was deleted (it then resolves to where it was). */
function boundaryDeleted(b: Binding, rel64: string): boolean {
  try {
    const rel = Y.decodeRelativePosition(fromB64(rel64));
    if (rel.item === null) return false;
    return Y.getItem(b.type.doc!.store, rel.item).deleted;
  } catch {
    return false;
  }
}

/** The relative position of a ProseMirror position, with the association we choose. */
function relative(b: Binding, pos: number, assoc: number): string {
  const rel = absolutePositionToRelativePosition(pos, b.type, b.mapping as never);
  const abs = Y.createAbsolutePositionFromRelativePosition(rel, b.type.doc!);
  if (!abs) throw new Error('position not in the document');
  return toB64(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(abs.type, abs.index, assoc)));
}

/** The anchor of the current selection (or of the DOM selection in a read-only editor), or null. */
export function selectionAnchor(view: EditorView): SelectionAnchor | null {
  let { from, to } = view.state.selection;
  if (from === to) {
    const sel = window.getSelection();
    if (sel && !sel.isCollapsed && sel.anchorNode && sel.focusNode
        && view.dom.contains(sel.anchorNode) && view.dom.contains(sel.focusNode)) {
      const a = view.posAtDOM(sel.anchorNode, sel.anchorOffset);
      const f = view.posAtDOM(sel.focusNode, sel.focusOffset);
      from = Math.min(a, f);
      to = Math.max(a, f);
    }
  }
  const b = binding(view.state);
  if (!b || from >= to) return null;
  const quote = view.state.doc.textBetween(from, to, '\n', ' ');
  if (!quote.trim()) return null;
  return { from: relative(b, from, 0), to: relative(b, to, -1), quote };
}

/**
 * A new anchor for a detached (or broken) comment: its quote, found in the text blocks around
 * where its range last was (the nearest occurrence), as {from, to} relative positions; null when
 * the text is not there (really deleted). The quote may span blocks: the blocks' texts are searched
 * one after the other without separators, as `quoteKey` compares them, so a quote made across two
 * paragraphs is found in the paragraph they were joined into, and one made in one paragraph across
 * the two it was split into.
 */
export function relocate(view: EditorView, id: number): { from: string; to: string } | null {
  const st = commentsKey.getState(view.state);
  const b = binding(view.state);
  const c = st?.comments.find((x) => x.id === id);
  const last = st?.last.get(id);
  if (!st || !b || !c || !last || (st.ranges.has(id) && !st.broken.has(id)) || !c.quote || !c.quote.trim()) return null;
  const key = quoteKey(c.quote);
  const doc = view.state.doc;
  const lo = Math.max(0, Math.min(last.from, doc.content.size) - key.length - 2);
  const hi = Math.min(doc.content.size, Math.max(last.to, last.from) + key.length + 2);
  // the text of the blocks around, one after the other, and the position of each of its characters
  let text = '';
  const at: number[] = [];
  doc.nodesBetween(lo, hi, (node, pos) => {
    if (!node.isTextblock) return true;
    // inside a text block every character and inline leaf is one position
    const t = node.textBetween(0, node.content.size, '\n', ' ');
    for (let i = 0; i < t.length; i++) at.push(pos + 1 + i);
    text += t;
    return false;
  });
  let best: Range | null = null;
  for (let i = text.indexOf(key); i >= 0; i = text.indexOf(key, i + 1)) {
    const from = at[i];
    if (!best || Math.abs(from - last.from) < Math.abs(best.from - last.from)) best = { from, to: at[i + key.length - 1] + 1 };
  }
  if (!best) return null;
  const r: Range = best;
  if (quoteKey(doc.textBetween(r.from, r.to, '\n', ' ')) !== key) return null;
  return { from: relative(b, r.from, 0), to: relative(b, r.to, -1) };
}

/**
 * The comments whose positions the batched resolver places differently from y-tiptap's own
 * relativePositionToAbsolutePosition (tests: it must be none).
 */
export function resolverMismatches(view: EditorView): number[] {
  const st = commentsKey.getState(view.state);
  const b = binding(view.state);
  if (!st || !b) return [];
  const doc = b.type.doc!;
  const positions = new PositionResolver(doc, b.type, b.mapping as Map<unknown, unknown>);
  const out: number[] = [];
  for (const c of st.comments) {
    for (const p of [c.from, c.to]) {
      const rel = Y.decodeRelativePosition(fromB64(p));
      if (positions.resolve(rel) !== relativePositionToAbsolutePosition(doc, b.type, rel, b.mapping as never)) {
        out.push(c.id);
        break;
      }
    }
  }
  return out;
}

/** Shows these comments (replacing the previous list). */
export function setComments(view: EditorView, comments: CommentAnchor[]) {
  view.dispatch(view.state.tr.setMeta(commentsKey, { comments } as Meta).setMeta('addToHistory', false));
}

/** Highlights one comment's range (null: none) and scrolls it into view. */
export function focusComment(view: EditorView, id: number | null) {
  view.dispatch(view.state.tr.setMeta(commentsKey, { active: id, scroll: id !== null } as Meta).setMeta('addToHistory', false));
}

/** The ranges as they resolve now, by id (tests and measurements). */
export function commentRanges(view: EditorView): Record<number, { from: number; to: number; text: string } | null> {
  const st = commentsKey.getState(view.state);
  const out: Record<number, { from: number; to: number; text: string } | null> = {};
  for (const c of st?.comments ?? []) {
    const r = st!.ranges.get(c.id);
    out[c.id] = r ? { ...r, text: view.state.doc.textBetween(r.from, r.to, '\n', ' ') } : null;
  }
  return out;
}

export type CommentsOptions = {
  host: HTMLElement | null;
  initial: () => { comments: CommentAnchor[]; active: number | null };
  /** Called with the ids of comments that were placed and are now detached (once per anchor). */
  detached: (ids: number[]) => void;
};

export const Comments = Extension.create<CommentsOptions>({
  name: 'tcwComments',

  addOptions() {
    return { host: null, initial: () => ({ comments: [], active: null }), detached: () => {} };
  },

  addKeyboardShortcuts() {
    return {
      'Mod-Alt-m': () => {
        this.options.host?.dispatchEvent(new CustomEvent('comment-requested', { bubbles: true, composed: true }));
        return true;
      },
    };
  },

  addProseMirrorPlugins() {
    const host = () => this.options.host;
    const initial = this.options.initial;
    const detachedCallback = this.options.detached;
    /** Anchors ('id from to') already reported as detached: each is reported once. */
    const reported = new Set<string>();
    let lastOrder = '';
    let timer = 0;
    return [
      new Plugin<CommentsState>({
        key: commentsKey,
        state: {
          init: (_config, state) => {
            const i = initial();
            return build(state, i.comments, i.active, i.active !== null);
          },
          apply(tr, value, _old, state) {
            const meta = tr.getMeta(commentsKey) as Meta | undefined;
            if (meta) {
              return build(state, meta.comments ?? value.comments, meta.active !== undefined ? meta.active : value.active,
                meta.scroll ?? false, value.last);
            }
            if (!value.bound && binding(state)) return build(state, value.comments, value.active, value.scroll, value.last);
            // A remote change (y-tiptap replaces the whole document): its mapping is already up to date.
            if ((tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin) {
              return build(state, value.comments, value.active, false, value.last);
            }
            if (!tr.docChanged) return value.scroll ? { ...value, scroll: false } : value;
            // A local change reaches Yjs only after this transaction: move the ranges with the change
            // (typing at the start of a range goes before it, at its end after it) until the view
            // resolves the relative positions again.
            const ranges = new Map<number, Range>();
            for (const [id, r] of value.ranges) {
              const from = tr.mapping.map(r.from, 1);
              const to = tr.mapping.map(r.to, -1);
              if (from < to) ranges.set(id, { from, to });
            }
            const last = new Map<number, Range>();
            for (const [id, r] of value.last) last.set(id, { from: tr.mapping.map(r.from, 1), to: tr.mapping.map(r.to, -1) });
            return { ...value, ranges, last, decorations: value.decorations.map(tr.mapping, tr.doc), scroll: false };
          },
        },
        props: {
          decorations(state) {
            return commentsKey.getState(state)?.decorations;
          },
          handleClick(view, pos) {
            const st = commentsKey.getState(view.state);
            if (!st) return false;
            let best: number | null = null;
            let size = Infinity;
            for (const c of st.comments) {
              const r = st.ranges.get(c.id);
              if (r && (!c.resolved || c.id === st.active) && r.from <= pos && pos <= r.to && r.to - r.from < size) {
                best = c.id;
                size = r.to - r.from;
              }
            }
            if (best === null) return false;
            host()?.dispatchEvent(new CustomEvent('comment-clicked', { detail: { id: best }, bubbles: true, composed: true }));
            focusComment(view, best);
            return false;
          },
        },
        view: () => ({
          update(view, prev) {
            const st = commentsKey.getState(view.state)!;
            if (view.state.doc !== prev.doc || (st.bound && !commentsKey.getState(prev)?.bound)) {
              // Remote changes and our own reach the Yjs mapping at different moments: resolve
              // the relative positions again once the binding has settled.
              window.clearTimeout(timer);
              timer = window.setTimeout(() => {
                if (!view.isDestroyed) view.dispatch(view.state.tr.setMeta(commentsKey, { recompute: true } as Meta)
                  .setMeta('addToHistory', false));
              }, 30);
            }
            // Only once y-tiptap's binding exists: before it every comment would read as detached
            // and the panel would render everything twice.
            if (st.bound && st.orderKey !== lastOrder) {
              lastOrder = st.orderKey;
              const [placed, detached] = st.orderKey.split('|');
              const ids = (s: string) => (s ? s.split(',').map(Number) : []);
              host()?.dispatchEvent(new CustomEvent('comment-order', {
                detail: { order: [...ids(placed), ...ids(detached)].join(','), detached: detached },
                bubbles: true, composed: true,
              }));
            }
            if (st.bound) {
              const lost = st.comments.filter((c) => (st.broken.has(c.id) || !st.ranges.has(c.id)) && st.last.has(c.id)
                && !reported.has(c.id + ' ' + c.from + ' ' + c.to));
              for (const c of lost) reported.add(c.id + ' ' + c.from + ' ' + c.to);
              if (lost.length) detachedCallback(lost.map((c) => c.id));
            }
            if (st.scroll && st.active !== null) {
              const r = st.ranges.get(st.active);
              if (r) {
                const at = view.domAtPos(r.from);
                const el = at.node.nodeType === Node.TEXT_NODE ? at.node.parentElement : (at.node as HTMLElement);
                el?.scrollIntoView({ block: 'center', behavior: 'smooth' });
              }
            }
          },
          destroy() {
            window.clearTimeout(timer);
          },
        }),
      }),
    ];
  },
});
