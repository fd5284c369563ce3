/*
 * <tcw-version-diff>: a read-only editor that shows what changed between two versions of a
 * document, in the document's own layout (docs/adr/026). It is fed two stored Yjs states (V2
 * updates, base64: properties `beforeState` and `afterState`; or, for the current text,
 * `afterUpdates`: the document's log as V1 updates, merged and converted to V2 here) and never
 * touches the live document: its own Y.Doc stays empty, and y-tiptap's renderSnapshot(after, before) builds a history document (gc off) from the
 * two Uint8Arrays only. Insertions and deletions carry a `ychange` mark (text) or attribute
 * (blocks), coloured by tcw-version-diff.css. When the diff is painted, the element gets
 * `data-rendered-ms` (time from receiving both states) and fires `tcw-diff-rendered`.
 */
import * as Y from 'yjs';
import { Editor, Extension, Mark, mergeAttributes } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { Table, TableRow, TableHeader, TableCell } from '@tiptap/extension-table';
import { ySyncPlugin, ySyncPluginKey } from '@tiptap/y-tiptap';
import { Suggestions, SUGGESTABLE_NODES, REPLACED_NODES } from './tcw-suggestions';

const FIELD = 'default';

function fromB64(s: string): Uint8Array {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** The mark y-tiptap puts on inserted and deleted text. */
const YChange = Mark.create({
  name: 'ychange',
  inclusive: false,
  excludes: '',
  addAttributes() {
    return {
      user: { default: null, renderHTML: () => ({}) },
      color: { default: null, renderHTML: () => ({}) },
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
          renderHTML: (a: Record<string, any>) => (a.ychange && a.ychange.type ? { 'data-ychange': a.ychange.type } : {}),
        },
      },
    }];
  },
});

export class TcwVersionDiff extends HTMLElement {
  private _before: string | null = null;
  private _after: string | null = null;
  private _afterUpdates: string | null = null;
  private editor: Editor | null = null;
  private scheduled = false;

  set beforeState(v: string | null) { this._before = v; this.schedule(); }
  get beforeState() { return this._before; }
  set afterState(v: string | null) { this._after = v; this.schedule(); }
  get afterState() { return this._after; }
  /** The newer side as the document's current log: V1 updates, base64, comma-separated (merged here). */
  set afterUpdates(v: string | null) { this._afterUpdates = v; this.schedule(); }
  get afterUpdates() { return this._afterUpdates; }

  connectedCallback() { this.schedule(); }

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
    this.replaceChildren(mount);
    // the editor's own document stays empty: the snapshots are rendered from the stored states
    const ydoc = new Y.Doc({ gc: false });
    const fragment = ydoc.getXmlFragment(FIELD);
    const permanentUserData = new Y.PermanentUserData(ydoc);
    const VersionSync = Extension.create({
      name: 'versionSync',
      addProseMirrorPlugins() { return [ySyncPlugin(fragment, { permanentUserData })]; },
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
    editor.on('transaction', ({ transaction }) => {
      const meta = transaction.getMeta(ySyncPluginKey);
      if (!requested || !meta || !meta.isChangeOrigin) return;
      requested = false;
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
