/*
 * The heavy half of <tcw-editor>: TipTap, ProseMirror, Yjs, y-tiptap and the editor's own
 * extensions (comments, find, suggestions) — most of the document page's script. tcw-editor.ts
 * defines the element without them and imports this module with a dynamic import() only after the
 * frame with the stored HTML was painted (docs/adr/028, second amendment), so that the route's
 * chunk, which Vaadin loads and evaluates before it applies the page's first response, stays small.
 * Nothing here may be imported statically by a module of a route's chunk (tcw-editor.ts,
 * tcw-editor-vaadin.ts, tcw-version-diff-loader.ts): it would pull all of it back in.
 */
import * as Y from 'yjs';
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { ySyncPluginKey, yCursorPluginKey } from '@tiptap/y-tiptap';
import * as CommentsPlugin from './tcw-comments';

export { Y, CommentsPlugin };
export { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
export { Editor } from '@tiptap/core';
export { TextSelection } from '@tiptap/pm/state';
export { absolutePositionToRelativePosition, relativePositionToAbsolutePosition, ySyncPluginKey } from '@tiptap/y-tiptap';
export { default as StarterKit } from '@tiptap/starter-kit';
export { default as Collaboration } from '@tiptap/extension-collaboration';
export { default as CollaborationCaret } from '@tiptap/extension-collaboration-caret';
export { Find, setFindTerms } from './tcw-find';
export {
  Suggestions, setSuggesting, isSuggesting, refreshTitles, SUGGESTABLE_NODES, REPLACED_NODES, SuggestableTableCell,
  SuggestableTableHeader, SuggestableTable, SuggestableTableRow,
} from './tcw-suggestions';

/**
 * y-tiptap applies a remote change as one whole-document replace, which drops ProseMirror's stored
 * marks: a Ctrl+B pressed just before a remote update arrives would be forgotten. Put them back.
 */
export const KeepStoredMarks = Extension.create({
  name: 'keepStoredMarks',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        appendTransaction(trs, oldState, newState) {
          const remote = trs.some((tr) => tr.getMeta(ySyncPluginKey)?.isChangeOrigin);
          if (!remote || !oldState.storedMarks || newState.storedMarks) return null;
          return newState.tr.setStoredMarks(oldState.storedMarks);
        },
      }),
    ];
  },
});

/** Whether a decoration set (the caret plugin's state) holds any decoration. */
function hasDecorations(set: unknown): boolean {
  return !!set && typeof (set as { find?: unknown }).find === 'function'
    && (set as { find: () => unknown[] }).find().length > 0;
}

/**
 * Draws the other people's carets again after a change of our own took them away.
 *
 * y-tiptap's caret plugin (yCursorPlugin, under CollaborationCaret) empties its decorations on
 * every local *structural* change — a new or removed paragraph, including the empty paragraph
 * TipTap's TrailingNode appends after a remote change made the last block non-empty — and draws
 * them again only when some presence changes. Usually our own caret moves with such a change and
 * that counts; when it does not, a person who is not moving (reading, or thinking in their
 * paragraph) lost their caret and name on everyone else's screen until they moved it
 * (docs/benchmarks-cluster.md, "Carets across nodes").
 *
 * The presence still holds their place (Yjs relative positions), so after such a change this
 * plugin asks the caret plugin to resolve them again, on the next tick (the sync plugin has then
 * written the change to Yjs, so the positions resolve against the new document).
 */
export const RedrawCarets = Extension.create({
  name: 'redrawCarets',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('redrawCarets'),
        view(view) {
          let timer: number | undefined;
          return {
            update(v, prevState) {
              if (timer !== undefined || v.state.doc.eq(prevState.doc)) return;
              const before = yCursorPluginKey.getState(prevState);
              const after = yCursorPluginKey.getState(v.state);
              if (!hasDecorations(before) || hasDecorations(after)) return;
              timer = window.setTimeout(() => {
                timer = undefined;
                redrawCarets(view);
              }, 0);
            },
            destroy() {
              window.clearTimeout(timer);
            },
          };
        },
      }),
    ];
  },
});

/**
 * Asks y-tiptap's caret plugin to place the other people's carets again from their presence, as
 * its own redraw on a presence change does (the same meta, in a meta-only transaction).
 */
export function redrawCarets(view: EditorView) {
  if (view.isDestroyed) return;
  view.dispatch(view.state.tr.setMeta(yCursorPluginKey, { awarenessUpdated: true }));
}

/** Whether a Y.Doc holds updates that wait for others it never received (yjs keeps them invisible). */
export function hasPending(doc: Y.Doc): boolean {
  const store = doc.store as unknown as { pendingStructs: unknown; pendingDs: unknown };
  return store.pendingStructs !== null || store.pendingDs !== null;
}
