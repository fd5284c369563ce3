/*
 * Opening a document at a search hit's passage (docs/adr/072): the words the search matched travel
 * in the link (/documents/{id}?find=word&find=...); this TipTap extension marks every occurrence in
 * the text as a decoration (lower case, accents ignored, whole words), and scrolls the first one into
 * view once the document's content has arrived. Decorations only: nothing is written to the
 * document, and the terms are only ever compared as text.
 *
 *  - the host's attribute data-find-current holds the first marked passage's text (tests);
 *  - findTerms([]) clears the marks.
 */
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import type { Node as PmNode } from '@tiptap/pm/model';
import { ySyncPluginKey } from '@tiptap/y-tiptap';

type FindState = { terms: string[]; decorations: DecorationSet; first: { from: number; to: number } | null; scrolled: boolean };
type Meta = { terms?: string[]; recompute?: boolean };

export const findKey = new PluginKey<FindState>('tcwFind');

/** At most this many marks (a common word in a long text). */
const MAX_MARKS = 500;

/** One character, lower case and without its accents (always one character, so offsets stay put). */
function foldChar(c: string): string {
  const f = c.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  return f.length === 1 ? f : c.toLowerCase().charAt(0) || c;
}

/** The text folded one UTF-16 unit at a time: the same length, so an offset in it is one in the text. */
function fold(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += foldChar(s.charAt(i));
  return out;
}

const WORD = /[\p{L}\p{N}]/u;

/** Every whole-word occurrence of the terms, in document order. */
export function findRanges(doc: PmNode, terms: string[]): Array<{ from: number; to: number }> {
  const folded = terms.map((t) => fold(t.trim())).filter((t) => t.length > 0);
  const out: Array<{ from: number; to: number }> = [];
  if (!folded.length) return out;
  doc.descendants((node, pos) => {
    if (out.length >= MAX_MARKS) return false;
    if (!node.isTextblock) return true;
    // one character per position inside a textblock (a leaf such as a hard break counts as one)
    const text = fold(node.textBetween(0, node.content.size, undefined, '\ufffc'));
    for (const term of folded) {
      let at = text.indexOf(term);
      while (at >= 0 && out.length < MAX_MARKS) {
        const before = at > 0 ? text.charAt(at - 1) : ' ';
        const after = at + term.length < text.length ? text.charAt(at + term.length) : ' ';
        if (!WORD.test(before) && !WORD.test(after)) out.push({ from: pos + 1 + at, to: pos + 1 + at + term.length });
        at = text.indexOf(term, at + 1);
      }
    }
    return false;
  });
  return out.sort((a, b) => a.from - b.from);
}

function build(state: EditorState, terms: string[], scrolled: boolean): FindState {
  const ranges = findRanges(state.doc, terms);
  const first = ranges[0] ?? null;
  const decos = ranges.map((r, i) => Decoration.inline(r.from, r.to, { class: i === 0 ? 'tcw-find tcw-find-current' : 'tcw-find' }));
  return { terms, first, scrolled, decorations: DecorationSet.create(state.doc, decos) };
}

/** Marks these words (none: clears the marks) and scrolls to the first one. */
export function setFindTerms(view: EditorView, terms: string[]) {
  view.dispatch(view.state.tr.setMeta(findKey, { terms } as Meta).setMeta('addToHistory', false));
}

export type FindOptions = { host: HTMLElement | null; initial: () => string[] };

export const Find = Extension.create<FindOptions>({
  name: 'tcwFind',

  addOptions() {
    return { host: null, initial: () => [] };
  },

  addProseMirrorPlugins() {
    const host = () => this.options.host;
    const initial = this.options.initial;
    return [
      new Plugin<FindState>({
        key: findKey,
        state: {
          init: (_config, state) => build(state, initial(), false),
          apply(tr, value, _old, state) {
            const meta = tr.getMeta(findKey) as Meta | undefined;
            if (meta?.terms) return build(state, meta.terms, false);
            if (!value.terms.length || !tr.docChanged) return value;
            // The content arriving (y-tiptap renders the document after the editor exists) or a remote
            // change: search again. Local typing only moves the marks.
            if (!value.first || (tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin) {
              return build(state, value.terms, value.scrolled);
            }
            const first = value.first;
            const from = tr.mapping.map(first.from, 1);
            const to = tr.mapping.map(first.to, -1);
            return { ...value, first: from < to ? { from, to } : null, decorations: value.decorations.map(tr.mapping, tr.doc) };
          },
        },
        props: {
          decorations(state) {
            return findKey.getState(state)?.decorations;
          },
        },
        view: (editorView) => {
          // Shows the first marked passage: on every update, and once at creation, because the
          // document may already hold its content when the editor is made (then no update follows).
          const show = (view: EditorView) => {
            const st = findKey.getState(view.state)!;
            const h = host();
            if (h) {
              if (st.first) h.setAttribute('data-find-current', view.state.doc.textBetween(st.first.from, st.first.to));
              else h.removeAttribute('data-find-current');
            }
            if (st.first && !st.scrolled) {
              st.scrolled = true;
              const at = view.domAtPos(st.first.from);
              const el = at.node.nodeType === Node.TEXT_NODE ? at.node.parentElement : (at.node as HTMLElement);
              // after the browser laid the page out (the side panels load at the same time)
              requestAnimationFrame(() => el?.scrollIntoView({ block: 'center' }));
            }
          };
          show(editorView);
          return { update: show };
        },
      }),
    ];
  },
});
