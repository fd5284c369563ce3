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

/** A comment as the editor needs it. */
export type CommentAnchor = { id: number; from: string; to: string; resolved: boolean };
/** What selectionAnchor() gives the panel. */
export type SelectionAnchor = { from: string; to: string; quote: string };

type Range = { from: number; to: number };
type CommentsState = {
  comments: CommentAnchor[];
  active: number | null;
  /** Resolved ranges by id; absent = detached. */
  ranges: Map<number, Range>;
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

function toB64(u8: Uint8Array): string {
  let s = '';
  for (let i = 0; i < u8.length; i++) s += String.fromCharCode(u8[i]);
  return btoa(s);
}

function fromB64(b64: string): Uint8Array {
  const s = atob(b64);
  const u8 = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) u8[i] = s.charCodeAt(i);
  return u8;
}

function binding(state: EditorState): Binding | undefined {
  return (ySyncPluginKey.getState(state) as { binding?: Binding } | undefined)?.binding;
}

/** A range resolved from its relative positions, or null when its text is gone. */
function resolve(state: EditorState, b: Binding, c: CommentAnchor): Range | null {
  try {
    const doc = b.type.doc!;
    const from = relativePositionToAbsolutePosition(doc, b.type, Y.decodeRelativePosition(fromB64(c.from)), b.mapping as never);
    const to = relativePositionToAbsolutePosition(doc, b.type, Y.decodeRelativePosition(fromB64(c.to)), b.mapping as never);
    const size = state.doc.content.size;
    if (from === null || to === null || from >= to || to > size) return null;
    if (state.doc.textBetween(from, to, '\n', ' ').trim() === '') return null;
    return { from, to };
  } catch {
    return null;
  }
}

function build(state: EditorState, comments: CommentAnchor[], active: number | null, scroll: boolean): CommentsState {
  const b = binding(state);
  const ranges = new Map<number, Range>();
  if (b) for (const c of comments) {
    const r = resolve(state, b, c);
    if (r) ranges.set(c.id, r);
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
    comments, active, ranges, scroll, bound: !!b,
    decorations: DecorationSet.create(state.doc, decos),
    orderKey: placed.join(',') + '|' + detached.join(','),
  };
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

export type CommentsOptions = { host: HTMLElement | null; initial: () => { comments: CommentAnchor[]; active: number | null } };

export const Comments = Extension.create<CommentsOptions>({
  name: 'tcwComments',

  addOptions() {
    return { host: null, initial: () => ({ comments: [], active: null }) };
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
                meta.scroll ?? false);
            }
            if (!value.bound && binding(state)) return build(state, value.comments, value.active, value.scroll);
            // A remote change (y-tiptap replaces the whole document): its mapping is already up to date.
            if ((tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin) {
              return build(state, value.comments, value.active, false);
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
            return { ...value, ranges, decorations: value.decorations.map(tr.mapping, tr.doc), scroll: false };
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
