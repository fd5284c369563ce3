/*
 * <tcw-version-diff>: a read-only editor that shows what changed between two versions of a
 * document, in the document's own layout (docs/adr/026). It is fed two stored Yjs states (V2
 * updates, base64: properties `beforeState` and `afterState`; or, for the current text,
 * `afterUpdates`: the document's log as V1 updates, merged and converted to V2 here) and never
 * touches the live document: its own Y.Doc stays empty, and y-tiptap's renderSnapshot(after, before) builds a history document (gc off) from the
 * two Uint8Arrays only. Insertions and deletions carry a `ychange` mark (text) or attribute
 * (blocks), coloured by tcw-version-diff.css. When the diff is painted, the element gets
 * `data-rendered-ms` (time from receiving both states) and fires `tcw-diff-rendered`.
 *
 * Per author (docs/adr/090): `authors` ([{id, name, color, clients}], the Yjs client ids the server
 * recorded for each person) lets inserted text carry `data-author` and the author's colour (the
 * caret palette), and the element lists the authors who appear in the diff above it
 * (`.tcw-version-authors`).
 *
 * Per deleter (docs/adr/091): `deletions` ([[client, clock, length, person id | null]], the runs of
 * items the server recorded as deleted by someone, by the items' ids) lets deleted text carry
 * `data-author` and the deleter's colour (struck through). Changes whose author was not recorded
 * (text typed, or deleted, before the server recorded authors) keep the plain colours, and the
 * legend then says so (`unrecordedLabel`, `data-author="unrecorded"`).
 */
import * as Y from 'yjs';
import { Editor, Extension, Mark, mergeAttributes } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { Table, TableRow, TableHeader, TableCell } from '@tiptap/extension-table';
import { ySyncPlugin, ySyncPluginKey } from '@tiptap/y-tiptap';
import { Suggestions, SUGGESTABLE_NODES, REPLACED_NODES } from './tcw-suggestions';
import { nameTextbox } from './tcw-editor-toolbar';
import { fromB64 } from './tcw-base64';

const FIELD = 'default';

type Author = { id: string; name: string; color: string; clients: number[] };
/** A run of deleted items [client, clock, length, deleter's person id or null]. */
type Deletion = [number, number, number, string | null];

/** Who deleted item {client, clock}: binary search in the runs of its client (sorted by clock). */
function deleterOf(byClient: Map<number, Deletion[]>, client: number, clock: number): string | null | undefined {
  const runs = byClient.get(client);
  if (!runs) return undefined;
  let lo = 0, hi = runs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = runs[mid];
    if (clock < r[1]) hi = mid - 1;
    else if (clock >= r[1] + r[2]) lo = mid + 1;
    else return r[3];
  }
  return undefined;
}

/** The mark y-tiptap puts on inserted and deleted text. */
const YChange = Mark.create({
  name: 'ychange',
  inclusive: false,
  excludes: '',
  addAttributes() {
    return {
      user: { default: null, renderHTML: (a) => (a.user ? { 'data-author': a.user } : {}) },
      color: { default: null, renderHTML: (a) => authorStyle(a) },
      type: { default: null, renderHTML: (a) => (a.type ? { 'data-ychange': a.type } : {}) },
    };
  },
  parseHTML() {
    return [{ tag: 'span[data-ychange]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['span', mergeAttributes(HTMLAttributes, { class: 'tcw-ychange' }), 0];
  },
});

/** The attribute y-tiptap puts on inserted and deleted blocks: every node type must accept it. */
const YChangeNodes = Extension.create({
  name: 'ychangeNodes',
  addGlobalAttributes() {
    return [{
      types: ['paragraph', 'heading', 'blockquote', 'bulletList', 'orderedList', 'listItem', 'codeBlock',
        'horizontalRule', 'hardBreak', 'table', 'tableRow', 'tableCell', 'tableHeader'],
      attributes: {
        ychange: {
          default: null,
          parseHTML: () => null,
          renderHTML: (a: Record<string, any>) => (a.ychange && a.ychange.type
            ? { 'data-ychange': a.ychange.type, ...(a.ychange.user ? { 'data-author': a.ychange.user } : {}), ...authorStyle(a.ychange) }
            : {}),
        },
      },
    }];
  },
});

/** An author's colour on inserted content, a deleter's on deleted content (struck through). */
function authorStyle(a: Record<string, any>): Record<string, string> {
  if (!a || !a.user || !a.color) return {};
  if (a.type === 'added') return { style: `background:${a.color.light};border-bottom:2px solid ${a.color.dark};text-decoration:none` };
  if (a.type === 'removed') return { style: `background:${a.color.light};color:inherit;text-decoration:line-through 2px ${a.color.dark}` };
  return {};
}

export class TcwVersionDiff extends HTMLElement {
  private _before: string | null = null;
  private _after: string | null = null;
  private _afterUpdates: string | null = null;
  private editor: Editor | null = null;
  private _authors: Author[] = [];
  private _deletions: Deletion[] = [];
  private _unrecordedLabel = 'not recorded';
  private _label = '';
  private scheduled = false;

  constructor() {
    super();
    // This code is loaded on demand (tcw-version-diff-loader.ts): Vaadin may have set the element's
    // properties before it was defined. Such own properties hide the accessors; pass them through.
    const self = this as unknown as Record<string, unknown>;
    for (const p of ['beforeState', 'afterState', 'afterUpdates', 'authors', 'deletions', 'unrecordedLabel', 'label']) {
      if (Object.prototype.hasOwnProperty.call(this, p)) {
        const v = self[p];
        delete self[p];
        self[p] = v;
      }
    }
  }

  set beforeState(v: string | null) { this._before = v; this.schedule(); }
  get beforeState() { return this._before; }
  set afterState(v: string | null) { this._after = v; this.schedule(); }
  get afterState() { return this._after; }
  /** The newer side as the document's current log: V1 updates, base64, comma-separated (merged here). */
  set afterUpdates(v: string | null) { this._afterUpdates = v; this.schedule(); }
  get afterUpdates() { return this._afterUpdates; }

  /** Who wrote with which Yjs clients: [{id, name, color, clients}]. */
  set authors(v: Author[] | null) { this._authors = v ?? []; }
  get authors() { return this._authors; }
  /** Who deleted which items: [[client, clock, length, person id | null]]. */
  set deletions(v: Deletion[] | null) { this._deletions = v ?? []; }
  get deletions() { return this._deletions; }
  /** The legend's entry for changes whose author was not recorded. */
  set unrecordedLabel(v: string) { this._unrecordedLabel = v; }
  get unrecordedLabel() { return this._unrecordedLabel; }

  /** The comparison text's accessible name (translated by the server), as the main editor's "Document text". */
  set label(v: string | null) { this._label = v ?? ''; if (this.editor) this.nameText(); }
  get label() { return this._label; }

  connectedCallback() { this.schedule(); }

  private nameText() {
    if (!this.editor || !this._label) return;
    nameTextbox(this.editor.view.dom, this._label);
    this.editor.view.dom.setAttribute('aria-readonly', 'true');
  }

  disconnectedCallback() {
    // Vaadin may detach and re-attach once: tear down only if still detached after a tick
    setTimeout(() => {
      if (!this.isConnected && this.editor) { this.editor.destroy(); this.editor = null; }
    }, 0);
  }

  private schedule() {
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => { this.scheduled = false; this.render(); });
  }

  private render() {
    if (!this.isConnected || !this._before || !(this._after || this._afterUpdates) || this.editor) return;
    const started = performance.now();
    const before = fromB64(this._before);
    const after = this._after ? fromB64(this._after)
      : Y.convertUpdateFormatV1ToV2(Y.mergeUpdates(this._afterUpdates!.split(',').map(fromB64)));
    const mount = document.createElement('div');
    mount.className = 'tcw-version-diff-mount';
    const legend = document.createElement('div');
    legend.className = 'tcw-version-authors';
    this.replaceChildren(legend, mount);
    // who wrote with which client, and each author's colour, for y-tiptap's computeYChange
    const byClient = new Map<number, Author>();
    const colorMapping = new Map<string, { light: string; dark: string }>();
    for (const a of this._authors) {
      for (const c of a.clients) byClient.set(Number(c), a);
      colorMapping.set(a.id, { light: a.color + '33', dark: a.color });
    }
    const deletedBy = new Map<number, Deletion[]>();
    for (const d of this._deletions) {
      const runs = deletedBy.get(Number(d[0])) ?? [];
      runs.push([Number(d[0]), Number(d[1]), Number(d[2]), d[3] == null ? null : String(d[3])]);
      deletedBy.set(Number(d[0]), runs);
    }
    for (const runs of deletedBy.values()) runs.sort((x, y) => x[1] - y[1]);
    const known = new Set(this._authors.map((a) => a.id));
    const seen = new Set<string>();
    let unrecorded = false;
    const authorsOnly = {
      dss: new Map(),
      getUserByClientId: (client: number) => {
        const a = byClient.get(client);
        if (a) seen.add(a.id);
        else unrecorded = true;
        return a ? a.id : null;
      },
      getUserByDeletedId: (id: { client: number; clock: number }) => {
        const who = deleterOf(deletedBy, id.client, id.clock);
        if (who && known.has(who)) {
          seen.add(who);
          return who;
        }
        unrecorded = true;
        return null;
      },
    };
    // the editor's own document stays empty: the snapshots are rendered from the stored states
    const ydoc = new Y.Doc({ gc: false });
    const fragment = ydoc.getXmlFragment(FIELD);
    // y-tiptap asks its PermanentUserData only getUserByClientId / getUserByDeletedId / dss
    const permanentUserData = authorsOnly as unknown as Y.PermanentUserData;
    const VersionSync = Extension.create({
      name: 'versionSync',
      addProseMirrorPlugins() {
        return [ySyncPlugin(fragment, { permanentUserData, colorMapping, colors: [{ light: '#d7f5dd', dark: '#0b5a1c' }] })];
      },
    });
    let requested = false;
    const editor = new Editor({
      element: mount,
      editable: false,
      extensions: [
        StarterKit.configure({ undoRedo: false, trailingNode: false, link: { openOnClick: false }, ...REPLACED_NODES }),
        ...SUGGESTABLE_NODES,
        Suggestions,
        Table.configure({ resizable: false }),
        TableRow,
        TableHeader,
        TableCell,
        YChange,
        YChangeNodes,
        VersionSync,
      ],
    });
    this.editor = editor;
    this.nameText();
    editor.on('transaction', ({ transaction }) => {
      const meta = transaction.getMeta(ySyncPluginKey);
      if (!requested || !meta || !meta.isChangeOrigin) return;
      requested = false;
      // the authors whose insertions or deletions are shown, in the server's order (by name), and
      // "not recorded" if some changes have no recorded author
      const entry = (id: string, color: string, name: string) => {
        const item = document.createElement('span');
        item.className = 'tcw-version-author';
        item.setAttribute('data-author', id);
        const swatch = document.createElement('span');
        swatch.className = 'tcw-version-author-swatch';
        swatch.style.background = color;
        item.append(swatch, document.createTextNode(name));
        return item;
      };
      const items = this._authors.filter((a) => seen.has(a.id)).map((a) => entry(a.id, a.color, a.name));
      if (unrecorded) items.push(entry('unrecorded', 'var(--lumo-contrast-30pct)', this._unrecordedLabel));
      legend.replaceChildren(...items);
      // painted: after the browser's next frame
      requestAnimationFrame(() => setTimeout(() => {
        const ms = Math.round(performance.now() - started);
        this.setAttribute('data-rendered-ms', String(ms));
        this.dispatchEvent(new CustomEvent('tcw-diff-rendered', { detail: { ms }, bubbles: true, composed: true }));
      }, 0));
    });
    const binding = ySyncPluginKey.getState(editor.state).binding;
    requested = true;
    binding.renderSnapshot(after, before);
  }
}

customElements.define('tcw-version-diff', TcwVersionDiff);
