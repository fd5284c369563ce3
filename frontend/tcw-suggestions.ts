/*
 * Suggestion mode (track changes) for <tcw-editor>: @handlewithcare/prosemirror-suggest-changes
 * wired into TipTap 3 (docs/adr/025-suggestions-and-suggest-only.md).
 *
 *  - the library's insertion / deletion / modification marks, as TipTap marks; in Suggesting mode
 *    every local transaction goes through the library's transformToSuggestionTransaction (TipTap's
 *    dispatchTransaction hook); transactions that come from Yjs (remote changes, Yjs undo) are left
 *    alone, as the library itself does;
 *  - every suggestion id names its author and time: "<person id>:<epoch millis, base 36>:<random>".
 *    The library reuses the id of a suggestion next to the caret; where that would put our text
 *    under someone else's id (or re-id someone else's suggestion), the marks are put right, so a
 *    person's change never touches another person's suggestion (the server refuses that from a
 *    suggest-only person);
 *  - block-level suggestions (a whole new or deleted paragraph / list item) are ProseMirror node
 *    marks, which @tiptap/y-tiptap does not store in Yjs (y-prosemirror issue #47): they would be
 *    lost on other replicas and on reload. Each block carries an attribute `suggestion` (the JSON of
 *    its suggestion node marks), which y-tiptap syncs like any attribute; a plugin keeps the two in
 *    step: local node marks are written to the attribute, and a block that arrives from Yjs gets its
 *    node marks back from the attribute;
 *  - a title on every suggestion: author's name and time, for everyone, live.
 */
import { Extension, Mark, type Editor } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type { Mark as PMMark, Node as PMNode, MarkType } from '@tiptap/pm/model';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import Document from '@tiptap/extension-document';
import Blockquote from '@tiptap/extension-blockquote';
import { BulletList, OrderedList, ListItem } from '@tiptap/extension-list';
import { Table, TableRow, TableCell, TableHeader } from '@tiptap/extension-table';
import {
  suggestChanges,
  suggestChangesKey,
  isSuggestChangesEnabled,
  enableSuggestChanges,
  disableSuggestChanges,
  transformToSuggestionTransaction,
} from '@handlewithcare/prosemirror-suggest-changes';

export const SUGGESTION_MARKS = ['insertion', 'deletion', 'modification'];
/** The block attribute that carries a block's suggestion node marks through Yjs. */
export const NODE_ATTR = 'suggestion';
/** Block types that can be suggested as a whole (and the containers that hold them). */
const BLOCKS = ['paragraph', 'heading', 'blockquote', 'codeBlock', 'horizontalRule', 'bulletList', 'orderedList',
  'listItem', 'table', 'tableRow', 'tableCell', 'tableHeader'];

export type SuggestionsOptions = {
  /** The signed-in person's id (the author part of new suggestion ids); null: may not suggest. */
  personId: () => number | null;
  /** Names of authors (person id -> name), filled by the host as it learns them. */
  names: () => Map<number, string>;
  /** "Suggested by" in the reader's language. */
  suggestedBy: () => string;
  /** Called (debounced) when the document's suggestions changed. */
  onChange: (authors: number[]) => void;
};

export function authorOf(id: unknown): number | null {
  const m = /^(\d+):/.exec(String(id ?? ''));
  return m ? Number(m[1]) : null;
}

export function timeOf(id: unknown): number | null {
  const m = /^\d+:([0-9a-z]+):/.exec(String(id ?? ''));
  return m ? parseInt(m[1], 36) : null;
}

function newId(personId: number): string {
  const random = Array.from(crypto.getRandomValues(new Uint8Array(6)), (b) => (b % 36).toString(36)).join('');
  return `${personId}:${Date.now().toString(36)}:${random}`;
}

/** The library's mark specs as TipTap marks: the id attribute is the library's, rendered as data-id. */
function suggestionMark(name: 'insertion' | 'deletion' | 'modification', tag: string, excludes: string) {
  return Mark.create({
    name,
    inclusive: false,
    excludes,
    addAttributes() {
      const attrs: Record<string, object> = {
        id: {
          default: null,
          parseHTML: (el: HTMLElement) => el.dataset.id ?? null,
          renderHTML: (a: { id: unknown }) => ({ 'data-id': String(a.id), 'data-author': String(authorOf(a.id) ?? '') }),
        },
      };
      if (name === 'modification') {
        for (const a of ['type', 'attrName', 'previousValue', 'newValue']) attrs[a] = { default: null, rendered: false };
      }
      return attrs;
    },
    parseHTML() {
      return [{ tag: `${tag}[data-suggestion="${name}"]` }];
    },
    renderHTML({ HTMLAttributes }) {
      return [tag, { ...HTMLAttributes, 'data-suggestion': name, class: `tcw-suggestion tcw-${name}` }, 0];
    },
  });
}

/**
 * The containers whose blocks can carry suggestion node marks (ProseMirror allows a node mark where
 * the parent's spec lists it): StarterKit's document, lists, list items and blockquote, with
 * `marks` set. TipTap's extendNodeSchema cannot add `marks` (the node's own, undefined, field wins),
 * so these replace StarterKit's: configure StarterKit with REPLACED_NODES and add SUGGESTABLE_NODES.
 */
const containerMarks = { marks: SUGGESTION_MARKS.join(' ') };
export const SUGGESTABLE_NODES = [Document.extend(containerMarks), Blockquote.extend(containerMarks),
  BulletList.extend(containerMarks), OrderedList.extend(containerMarks), ListItem.extend(containerMarks)];
/**
 * Table cells and header cells allow the suggestion node marks too, so that a paragraph suggested
 * inside a cell is a block-level suggestion (synchronised through the `suggestion` attribute like
 * any other) instead of the library's inline fallback. Use these instead of TipTap's TableCell /
 * TableHeader.
 */
export const SuggestableTableCell = TableCell.extend(containerMarks);
export const SuggestableTableHeader = TableHeader.extend(containerMarks);
/**
 * Tables and rows allow them as well, so that inserting or deleting a row (a row node in the table)
 * or a column (a cell node in every row) in Suggesting mode is a block-level suggestion on the row
 * or on each cell, shown, accepted and rejected like a suggested paragraph, instead of an unmarked
 * structural change that the server refuses from a suggest-only person. Use these instead of
 * TipTap's Table / TableRow.
 */
export const SuggestableTable = Table.extend(containerMarks);
export const SuggestableTableRow = TableRow.extend(containerMarks);
export const REPLACED_NODES = { document: false, blockquote: false, bulletList: false, orderedList: false,
  listItem: false } as const;

export const Insertion = suggestionMark('insertion', 'ins', 'deletion modification insertion');
export const Deletion = suggestionMark('deletion', 'del', 'insertion modification deletion');
export const Modification = suggestionMark('modification', 'span', 'deletion insertion');

const syncKey = new PluginKey('tcw-suggestion-node-marks');
const titlesKey = new PluginKey('tcw-suggestion-titles');

function isRemote(tr: Transaction): boolean {
  const meta = tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean; binding?: unknown } | undefined;
  return !!meta && (!!meta.isChangeOrigin || !!meta.binding);
}

function suggestionNodeMarks(node: PMNode): PMMark[] {
  return node.marks.filter((m) => SUGGESTION_MARKS.includes(m.type.name));
}

/**
 * Node marks <-> the `suggestion` attribute. After a local transaction the node marks are the
 * truth and are written to the attribute (which y-tiptap stores in Yjs); after a transaction from
 * Yjs the attribute is the truth and the node marks are put back (y-tiptap builds nodes without them).
 */
function nodeMarkSync(): Plugin {
  return new Plugin({
    key: syncKey,
    appendTransaction(trs, _old, state) {
      if (!trs.some((tr) => tr.docChanged)) return null;
      const remote = trs.some(isRemote);
      const tr = state.tr;
      state.doc.descendants((node, pos) => {
        if (node.isInline) return false;
        if (node.type.spec.attrs && NODE_ATTR in node.type.spec.attrs) {
          const marks = suggestionNodeMarks(node);
          const fromMarks = marks.length ? JSON.stringify(marks.map((m) => m.toJSON())) : null;
          const attr = (node.attrs[NODE_ATTR] as string | null) ?? null;
          if (fromMarks !== attr) {
            if (remote) {
              let set: readonly PMMark[] = node.marks.filter((m) => !SUGGESTION_MARKS.includes(m.type.name));
              try {
                for (const json of attr ? JSON.parse(attr) : []) set = state.schema.markFromJSON(json).addToSet(set);
              } catch {
                // an attribute that does not parse carries no suggestion
              }
              tr.setNodeMarkup(tr.mapping.map(pos), null, node.attrs, set);
            } else {
              tr.setNodeAttribute(tr.mapping.map(pos), NODE_ATTR, fromMarks);
            }
          }
        }
        return !node.isTextblock;
      });
      if (!tr.docChanged) return null;
      return tr.setMeta(suggestChangesKey, { skip: true }).setMeta('addToHistory', false);
    },
  });
}

/**
 * The library continues the suggestion next to the caret (it takes its id), and joins a new mark
 * with an abutting one by giving that one the new id. Either would change another person's
 * suggestion. After the transformation: inserted content carrying someone else's id gets ours,
 * and existing content whose suggestion id was changed gets its old id back.
 */
function keepAuthorship(tracked: Transaction, before: PMNode, me: number, myId: () => string) {
  if (!tracked.docChanged) return;
  const schema = before.type.schema;
  const types = [schema.marks.insertion, schema.marks.deletion].filter(Boolean) as MarkType[];
  // ranges of new content, in the final document
  const inserted: Array<[number, number]> = [];
  const touched: Array<[number, number]> = [];
  const maps = tracked.mapping.maps;
  tracked.steps.forEach((step, i) => {
    const forward = (p: number, assoc: number) => {
      for (let j = i + 1; j < maps.length; j++) p = maps[j].map(p, assoc);
      return p;
    };
    maps[i].forEach((_os, _oe, ns, ne) => {
      if (ne > ns) inserted.push([forward(ns, -1), forward(ne, 1)]);
      touched.push([forward(ns, -1), forward(ne, 1)]);
    });
    const s = step as unknown as { from?: number; to?: number };
    if (typeof s.from === 'number' && typeof s.to === 'number' && s.to > s.from) {
      touched.push([forward(s.from, 1), forward(s.to, -1)]);
    }
  });
  if (!touched.length) return;
  const doc = tracked.doc;
  const inv = tracked.mapping.invert();
  const fixes: Array<{ from: number; to: number; type: MarkType; id: string }> = [];
  const isNew = (p: number) => inserted.some(([a, b]) => p >= a && p < b);
  for (const [from, to] of touched) {
    const a = Math.max(0, Math.min(from, to));
    const b = Math.min(doc.content.size, Math.max(from, to));
    if (b <= a) continue;
    doc.nodesBetween(a, b, (node, pos) => {
      if (!node.isText) return true;
      for (const type of types) {
        const mark = type.isInSet(node.marks);
        if (!mark || authorOf(mark.attrs.id) === me) continue;
        // character by character: new content gets our id; old content keeps its old id
        for (let p = Math.max(pos, a); p < Math.min(pos + node.nodeSize, b); p++) {
          let id: string | null;
          if (isNew(p)) {
            id = null;
          } else {
            const old = inv.mapResult(p, 1);
            const oldNode = old.deleted ? null : before.nodeAt(old.pos);
            const oldMark = oldNode && oldNode.isText ? type.isInSet(oldNode.marks) : undefined;
            if (oldMark && oldMark.attrs.id === mark.attrs.id) continue;
            id = oldMark ? String(oldMark.attrs.id) : null;
          }
          fixes.push({ from: p, to: p + 1, type, id: id ?? '' });
        }
      }
      return false;
    });
  }
  if (!fixes.length) return;
  let mine: string | null = null;
  for (const f of fixes) {
    const id = f.id || (mine ??= myId());
    tracked.removeMark(f.from, f.to, f.type);
    tracked.addMark(f.from, f.to, f.type.create({ id }));
  }
}

/** Titles ("Suggested by Ana Silva, 6 Dec 2026, 19:20") on every suggestion, as inline decorations. */
function titles(options: SuggestionsOptions): Plugin {
  const build = (state: EditorState) => {
    const decos: Decoration[] = [];
    const names = options.names();
    const fmt = new Intl.DateTimeFormat(document.documentElement.lang || undefined, { dateStyle: 'medium', timeStyle: 'short' });
    const title = (id: unknown) => {
      const author = authorOf(id);
      const time = timeOf(id);
      const who = author === null ? '?' : names.get(author) ?? `#${author}`;
      return `${options.suggestedBy()} ${who}${time ? ', ' + fmt.format(new Date(time)) : ''}`;
    };
    state.doc.descendants((node, pos) => {
      const marks = node.isText ? node.marks : suggestionNodeMarks(node);
      const m = marks.find((x) => SUGGESTION_MARKS.includes(x.type.name));
      if (m) {
        const attrs = { title: title(m.attrs.id), 'data-suggestion-author': String(authorOf(m.attrs.id) ?? '') };
        decos.push(node.isText ? Decoration.inline(pos, pos + node.nodeSize, attrs)
          : Decoration.node(pos, pos + node.nodeSize, { ...attrs, class: `tcw-block-${m.type.name}` }));
      }
      return !node.isText;
    });
    return DecorationSet.create(state.doc, decos);
  };
  return new Plugin({
    key: titlesKey,
    state: {
      init: (_c, state) => build(state),
      apply: (tr, old, _o, state) => (tr.docChanged || tr.getMeta(titlesKey) ? build(state) : old),
    },
    props: { decorations: (state) => titlesKey.getState(state) },
  });
}

/** The authors and a fingerprint of the document's suggestions, to tell the host when they changed. */
export function suggestionFingerprint(doc: PMNode): { key: string; authors: number[] } {
  const parts: string[] = [];
  const authors = new Set<number>();
  doc.descendants((node) => {
    const marks = node.isText ? node.marks : suggestionNodeMarks(node);
    for (const m of marks) {
      if (!SUGGESTION_MARKS.includes(m.type.name)) continue;
      parts.push(`${m.type.name}:${m.attrs.id}:${node.isText ? node.text : node.type.name}`);
      const a = authorOf(m.attrs.id);
      if (a !== null) authors.add(a);
    }
    return !node.isText;
  });
  return { key: parts.join('\u0001'), authors: [...authors] };
}

export const Suggestions = Extension.create<SuggestionsOptions>({
  name: 'tcwSuggestions',

  addOptions() {
    return {
      personId: () => null,
      names: () => new Map(),
      suggestedBy: () => 'Suggested by',
      onChange: () => undefined,
    };
  },

  addExtensions() {
    return [Insertion, Deletion, Modification];
  },

  addGlobalAttributes() {
    return [{ types: BLOCKS, attributes: { [NODE_ATTR]: { default: null, rendered: false, keepOnSplit: false } } }];
  },

  addProseMirrorPlugins() {
    return [suggestChanges(), nodeMarkSync(), titles(this.options)];
  },

  dispatchTransaction({ transaction, next }) {
    const state = this.editor.state;
    const y = (transaction.getMeta(ySyncPluginKey) ?? {}) as { isChangeOrigin?: boolean; isUndoRedoOperation?: boolean };
    const me = this.options.personId();
    const skip = 'skip' in ((transaction.getMeta(suggestChangesKey) as object | undefined) ?? {});
    if (me === null || !transaction.docChanged || !isSuggestChangesEnabled(state) || y.isChangeOrigin
        || y.isUndoRedoOperation || transaction.getMeta('history$') || skip) {
      next(transaction);
      return;
    }
    let id: string | null = null;
    const myId = () => (id ??= newId(me));
    const tracked = transformToSuggestionTransaction(transaction, state, () => myId());
    keepAuthorship(tracked, state.doc, me, () => newId(me));
    next(tracked);
  },

  onUpdate() {
    scheduleReport(this.editor, this.options);
  },

  onCreate() {
    scheduleReport(this.editor, this.options);
  },
});

const reportTimers = new WeakMap<Editor, { timer?: number; last: string }>();

function scheduleReport(editor: Editor, options: SuggestionsOptions) {
  let entry = reportTimers.get(editor);
  if (!entry) {
    entry = { last: '\u0000' };
    reportTimers.set(editor, entry);
  }
  if (entry.timer !== undefined) return;
  const e = entry;
  e.timer = window.setTimeout(() => {
    e.timer = undefined;
    if (editor.isDestroyed) return;
    const f = suggestionFingerprint(editor.state.doc);
    if (f.key === e.last) return;
    e.last = f.key;
    options.onChange(f.authors);
  }, 400);
}

/** Switches Suggesting on or off. */
export function setSuggesting(editor: Editor, on: boolean) {
  const cmd = on ? enableSuggestChanges : disableSuggestChanges;
  cmd(editor.state, editor.view.dispatch);
}

export function isSuggesting(editor: Editor | undefined): boolean {
  return !!editor && isSuggestChangesEnabled(editor.state);
}

/** Redraws the titles (after names of authors arrived). */
export function refreshTitles(editor: Editor) {
  editor.view.dispatch(editor.state.tr.setMeta(titlesKey, true).setMeta('addToHistory', false));
}
