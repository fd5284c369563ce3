/*
 * <tcw-editor>: the co-authoring editor of TC Workspace — TipTap 3 bound to a Yjs document whose
 * updates travel through an EditorTransport (tcw-editor-vaadin.ts: Vaadin's, or the editor's own
 * WebSocket of tcw-editor-socket.ts). The
 * component knows nothing about Vaadin: give it a transport, feed it what the server relays
 * (receiveUpdate / receivePresence / peersLeft), and it keeps these promises:
 *
 *  - it joins before it creates the editor, applying the stored state first (never seeds content);
 *  - one push in flight; whatever is typed meanwhile is merged (Y.mergeUpdates) into the next one,
 *    with the caret (awareness) update of the same keystroke in the same call;
 *  - every update carries an id; a failed push is retried with the same id (the server de-duplicates);
 *  - remote updates are applied in sequence order; a gap is repaired with since(lastSeq);
 *  - unacknowledged updates are also kept in localStorage, so a reload (e.g. after a server restart
 *    ended the session) sends them again; after a rejoin it sends exactly what the server lacks;
 *  - the status tells the truth: saved / saving / offline (changes kept, will be sent);
 *  - it heals a server that lost history (docs/adr/023): sequence numbers only order updates and
 *    repair gaps, never drop one (Yjs updates are idempotent); a (re)join takes the server's
 *    numbering and content and pushes Y.encodeStateAsUpdate(local, serverStateVector); every push
 *    tells the server our lastSeq, and the server answers (or asks) "reconcile" when it has less;
 *    the whole document is kept in IndexedDB (LocalDocs), merged after a successful join, so a
 *    reload after a server crash still holds what the server lost; pending structures (updates
 *    waiting for ones never received) are a fault: repaired by rejoining, else reported;
 *  - a re-created element (Vaadin resynchronising its UI) adopts the previous one's document,
 *    selection and focus, and the keys typed while no editor existed are replayed (Handover).
 */
import { LitElement, html, nothing } from 'lit';
import { ToolbarRoving, editorToolbar, nameTextbox } from './tcw-editor-toolbar';
import type * as YT from 'yjs';
import type { Awareness as AwarenessType } from 'y-protocols/awareness';
import type { Editor as EditorType } from '@tiptap/core';
import type * as CommentsTypes from './tcw-comments';
import { localCopiesAllowed, localDocKey } from './tcw-local-copies';
import { fromB64, toB64 } from './tcw-base64';
import { Handover, LocalDocs, type Parked, type Pending, PendingUpdates } from './tcw-editor-local';
import { type ReceivedStages, type SentStages, afterPaint, now, sleep, timelineOn } from './tcw-editor-timing';
import {
  CALL_TIMEOUT_MS,
  type EditorTransport,
  type JoinResult,
  JOIN_TIMEOUT_MS,
  Unanswered,
  answered,
} from './tcw-editor-transport';

export type { CatchUp, EditorTransport, JoinResult, PushResult } from './tcw-editor-transport';

/*
 * TipTap, ProseMirror, Yjs and the editor's extensions (tcw-editor-code.ts, most of the page's
 * script) are not imported here: this module is in the route's chunk, which Vaadin loads and
 * evaluates before it applies the page's first response, and only the element (the stored HTML's
 * preview, the status) must be there for the first frame (docs/adr/028, second amendment). The
 * editor's code is imported once that frame is painted, into these bindings; nothing below uses
 * them before loadEditorCode() resolved (every use is behind the join, or behind `this.editor`).
 */
type Code = typeof import('./tcw-editor-code');
let Y!: Code['Y'];
let Awareness!: Code['Awareness'];
let applyAwarenessUpdate!: Code['applyAwarenessUpdate'];
let encodeAwarenessUpdate!: Code['encodeAwarenessUpdate'];
let removeAwarenessStates!: Code['removeAwarenessStates'];
let Editor!: Code['Editor'];
let TextSelection!: Code['TextSelection'];
let absolutePositionToRelativePosition!: Code['absolutePositionToRelativePosition'];
let relativePositionToAbsolutePosition!: Code['relativePositionToAbsolutePosition'];
let ySyncPluginKey!: Code['ySyncPluginKey'];
let StarterKit!: Code['StarterKit'];
let Collaboration!: Code['Collaboration'];
let CollaborationCaret!: Code['CollaborationCaret'];
let CommentsPlugin!: Code['CommentsPlugin'];
let Find!: Code['Find'];
let setFindTerms!: Code['setFindTerms'];
let Suggestions!: Code['Suggestions'];
let setSuggesting!: Code['setSuggesting'];
let isSuggesting!: Code['isSuggesting'];
let refreshTitles!: Code['refreshTitles'];
let SUGGESTABLE_NODES!: Code['SUGGESTABLE_NODES'];
let REPLACED_NODES!: Code['REPLACED_NODES'];
let SuggestableTableCell!: Code['SuggestableTableCell'];
let SuggestableTableHeader!: Code['SuggestableTableHeader'];
let SuggestableTable!: Code['SuggestableTable'];
let SuggestableTableRow!: Code['SuggestableTableRow'];
let KeepStoredMarks!: Code['KeepStoredMarks'];
let RedrawCarets!: Code['RedrawCarets'];
let redrawCarets!: Code['redrawCarets'];
let hasPending!: Code['hasPending'];

let loading: Promise<void> | null = null;

/** Loads the editor's code (once per page; every <tcw-editor> shares it). */
export function loadEditorCode(): Promise<void> {
  loading ??= import('./tcw-editor-code').then((m) => {
    ({
      Y, Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates, Editor, TextSelection,
      absolutePositionToRelativePosition, relativePositionToAbsolutePosition, ySyncPluginKey, StarterKit, Collaboration,
      CollaborationCaret, CommentsPlugin, Find, setFindTerms, Suggestions, setSuggesting, isSuggesting, refreshTitles,
      SUGGESTABLE_NODES, REPLACED_NODES, SuggestableTableCell, SuggestableTableHeader, SuggestableTable, SuggestableTableRow,
      KeepStoredMarks, RedrawCarets, redrawCarets, hasPending,
    } = m);
  }, (e) => {
    loading = null; // a failed fetch (connection) is tried again by the next caller
    throw e;
  });
  return loading;
}

export type EditorTexts = Record<string, string>;

const REMOTE = 'remote';
const FIELD = 'default';
const OFFLINE_AFTER_MS = 2500;

export class TcwEditor extends LitElement {
  static properties = {
    docId: { type: String, attribute: 'doc-id' },
    userName: { type: String, attribute: 'user-name' },
    personId: { type: Number, attribute: 'person-id' },
    findTerms: { type: Array },
    texts: { type: Object },
    preview: { attribute: false },
    status: { state: true },
    people: { state: true },
    message: { state: true },
    notice: { state: true },
  };

  declare docId: string;
  declare userName: string;
  /** The signed-in person's id: the author part of their suggestions' ids. */
  declare personId: number | null;
  /** Words to mark and scroll to (a search hit's passage, tcw-find.ts). */
  declare findTerms: string[] | undefined;
  /** Suggest-only: the editor stays in Suggesting mode (the server refuses anything else). */
  suggestOnly = false;
  /** Names of suggestion authors, by person id (from the server). */
  authorNames = new Map<number, string>();
  declare texts: EditorTexts;
  /**
   * The document's last stored HTML (derived and sanitised on the server: the current text,
   * suggestions left out), painted at once while the editor joins and binds; the editor replaces it.
   */
  declare preview: string;
  declare status: 'connecting' | 'saved' | 'saving' | 'offline' | 'readonly' | 'refused';
  declare people: Array<{ id: number; name: string; color: string; me: boolean }>;
  declare message: string;
  /** A fault the person should know about (changes that have not arrived), or ''. */
  declare notice: string;

  transport?: EditorTransport;
  /** Created with the editor's code (loadEditorCode), before the join; undefined until then. */
  ydoc!: YT.Doc;
  awareness!: AwarenessType;
  editor?: EditorType;
  editable = false;
  color = '#888';

  /** Every update with seq <= lastSeq has been applied (or was our own). */
  lastSeq = 0;
  private received = new Map<number, Uint8Array | null>();
  private outbox: Uint8Array[] = [];
  /** The update in flight (or refused for now), resent with the same id until acknowledged. */
  private inFlight: Pending | null = null;
  private pushing = false;
  private awarenessDirty = false;
  private flushQueued = false;
  private gapTimer?: number;
  private offlineTimer?: number;
  private connected = true;
  private joined = false;
  private rejoining = false;
  private stopped = false;
  private pushStartedAt = 0;
  /** A push failed and none succeeded since: we are offline until the next acknowledgement. */
  private failing = false;

  /** Measurements and test hooks. */
  stats = { joinMs: 0, joinUpdates: 0, joinBytes: 0, pushes: 0, retries: 0, remoteUpdates: 0, catchUps: 0, rejoins: 0, caretFixes: 0, resentAfterReload: 0,
    reconciles: 0, healedFromLocal: 0, pendingFaults: 0, adopted: 0, adoptedWithFocus: 0, replayedKeys: 0, unanswered: 0, reconnects: 0 };
  /** The editor had focus (kept true when it lost focus only because the element was removed). */
  private focused = false;
  /** When the person last changed the document here (typing, formatting). */
  private lastLocalEditAt = 0;
  private localSaveTimer?: number;
  private lastPendingRepair = 0;
  updateTimes: Array<[number, number]> = [];
  /** Filled while the timeline is on (ADR 114); a benchmark reads and empties it. */
  timeline: { sent: SentStages[]; received: ReceivedStages[] } = { sent: [], received: [] };
  /** Timeline: the first keydown and the first local update not yet in a push (0: none). */
  private keydownAt = 0;
  private localUpdateAt = 0;
  private timelineKeys = () => {
    if (this.keydownAt === 0 && timelineOn()) this.keydownAt = now();
  };
  statusLog: Array<[number, string]> = [];

  constructor() {
    super();
    this.status = 'connecting';
    this.people = [];
    this.message = '';
    this.notice = '';
    this.texts = {};
  }

  createRenderRoot() {
    return this; // light DOM: ProseMirror selection handling and the caret CSS work there
  }

  private t(key: string, fallback: string) {
    return this.texts?.[key] ?? fallback;
  }

  /** The toolbar is one Tab stop with arrow keys (tcw-editor-toolbar.ts). */
  private toolbarRoving = new ToolbarRoving();

  render() {
    const statusText = {
      connecting: this.t('connecting', 'Connecting…'),
      saved: this.t('saved', 'Saved'),
      saving: this.t('saving', 'Saving…'),
      offline: this.t('offline', 'Offline — your changes are kept and will be sent'),
      readonly: this.t('readOnly', 'Read only'),
      refused: this.message,
    }[this.status];
    const roving = this.toolbarRoving;
    roving.begin();
    const ed = this.editor;
    return html`
      <div class="tcw-editor-top">
        <div class="tcw-presence" id="presence" aria-label=${this.t('presence', 'Who is here')}>
          ${this.people.map((p) => html`<span class="tcw-avatar ${p.me ? 'me' : ''}" data-name=${p.name}
            title=${p.name} style="background:${p.color}">${initials(p.name)}</span>`)}
        </div>
        <div class="tcw-status tcw-status-${this.status}" id="status" role="status" aria-live="polite">${statusText}</div>
      </div>
      ${this.editable ? editorToolbar({
        host: this, editor: ed, roving, t: (key, fallback) => this.t(key, fallback), suggestOnly: this.suggestOnly,
        suggesting: () => isSuggesting(ed), setSuggesting: (on) => this.setSuggesting(on), editLink: () => this.editLink(),
        comment: () => this.dispatchEvent(new CustomEvent('comment-requested', { bubbles: true })),
      }) : nothing}
      ${this.notice ? html`<div class="tcw-notice" id="notice" role="alert">${this.notice}</div>` : nothing}
      <div id="mount" class="tcw-mount"></div>
      ${(roving.end(this), nothing)}
    `;
  }

  /** Editing / Suggesting (a suggest-only person has no switch). */
  setSuggesting(on: boolean) {
    if (!this.editor || (this.suggestOnly && !on)) return;
    setSuggesting(this.editor, on);
    this.editor.commands.focus();
    this.requestUpdate();
  }

  /** The suggestions changed: the host refreshes its list; names of new authors come back for the titles. */
  private async suggestionsChanged(authors: number[]) {
    try {
      const names = await this.transport?.suggestionsChanged?.(authors.filter((a) => !this.authorNames.has(a)));
      let learned = false;
      for (const [id, name] of Object.entries(names ?? {})) {
        if (!this.authorNames.has(Number(id))) learned = true;
        this.authorNames.set(Number(id), name);
      }
      if (learned && this.editor && !this.editor.isDestroyed) refreshTitles(this.editor);
    } catch (e) {
      console.warn('suggestions: could not tell the server', e);
    }
  }

  private editLink() {
    const ed = this.editor!;
    const previous = ed.getAttributes('link').href ?? 'https://';
    const url = window.prompt(this.t('linkPrompt', 'Link address'), previous);
    if (url === null) return;
    if (url === '') ed.chain().focus().extendMarkRange('link').unsetLink().run();
    else ed.chain().focus().extendMarkRange('link').setLink({ href: url }).run();
  }

  connectedCallback() {
    super.connectedCallback();
    this.stopped = false;
  }

  updated() {
    // paint the stored HTML until the editor exists (the server sent it with the page)
    const mount = this.querySelector('#mount') as HTMLElement | null;
    if (mount && !this.editor && this.preview && !mount.firstChild) {
      const p = document.createElement('div');
      p.className = 'tcw-preview';
      p.setAttribute('aria-busy', 'true');
      p.innerHTML = this.preview;
      mount.append(p);
    }
  }

  async firstUpdated() {
    while (!this.transport) await sleep(10);
    this.transport.onConnectionChange?.((online) => {
      this.connected = online;
      this.updateStatus();
      if (online) this.scheduleFlush();
    });
    window.addEventListener('online', this.onlineListener);
    window.addEventListener('offline', this.onlineListener);
    window.addEventListener('pagehide', this.pageHideListener);
    document.addEventListener('keydown', this.readOnlyKeys, true);
    document.addEventListener('keydown', this.timelineKeys, true);
    // The stored HTML (updated()) is on screen before the editor's code is fetched and evaluated:
    // the text shows while TipTap and Yjs load. The element stays read-only until it is live.
    await afterPaint();
    for (let attempt = 0; ; attempt++) {
      try {
        await loadEditorCode();
        break;
      } catch (e) {
        if (this.stopped) return;
        console.warn('the editor\'s code could not be loaded, retrying', e);
        await sleep(Math.min(5000, 250 * 2 ** attempt));
      }
    }
    if (this.stopped) return;
    this.ydoc = new Y.Doc();
    this.awareness = new Awareness(this.ydoc);
    const t0 = now();
    let init: JoinResult;
    for (let attempt = 0; ; attempt++) {
      try {
        init = await answered(this.transport.join(), JOIN_TIMEOUT_MS, 'join');
        break;
      } catch (e) {
        if (this.stopped) return;
        this.countUnanswered(e);
        console.warn('join failed, retrying', e);
        await sleep(Math.min(5000, 250 * 2 ** attempt));
      }
    }
    // Removed from the page while joining (Vaadin resynchronised again): this element must not take
    // the parked document of the one it replaced — the element that replaces it takes it.
    if (this.stopped) return;
    // 1. The stored content BEFORE the editor binds: the editor then starts from the real document
    //    and never writes an initial paragraph of its own into it.
    const updates = init.updates.map(fromB64);
    this.ydoc.transact(() => {
      for (const u of updates) Y.applyUpdate(this.ydoc, u, REMOTE);
    }, REMOTE);
    this.lastSeq = init.seq;
    for (const a of init.presence) applyAwarenessUpdate(this.awareness, fromB64(a), REMOTE);
    this.editable = init.editable;
    this.suggestOnly = !!init.suggestOnly;
    this.color = init.color;
    this.stats.joinMs = now() - t0;
    this.stats.joinUpdates = updates.length;
    this.stats.joinBytes = updates.reduce((n, u) => n + u.length, 0);
    const serverVector = Y.encodeStateVector(this.ydoc);

    // 2. Local changes go to the outbox; our own presence changes are sent too.
    this.ydoc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === REMOTE) return;
      this.lastLocalEditAt = now();
      if (this.localUpdateAt === 0 && timelineOn()) this.localUpdateAt = this.lastLocalEditAt;
      this.outbox.push(update);
      if (this.outbox.length > 64) this.outbox = [Y.mergeUpdates(this.outbox)];
      this.schedulePendingSave();
      this.scheduleFlush();
    });
    this.awareness.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
      this.refreshPeople();
      if (origin === REMOTE) return;
      const me = this.ydoc.clientID;
      if (added.includes(me) || updated.includes(me) || removed.includes(me)) {
        this.awarenessDirty = true;
        this.scheduleFlush();
      }
    });
    this.awareness.on('change', () => this.refreshPeople());

    // 3. What this browser holds that the server may lack: changes a previous page could not send
    //    (localStorage), the whole document as this browser last had it (IndexedDB: the server may
    //    have lost acknowledged updates), and the document of an element this one replaces (Vaadin
    //    resynchronised). Merged, then exactly what the server's state vector lacks is pushed.
    //    Observers never push, so they take the server's content only.
    const adopted = Handover.adopt(this.docId);
    if (this.editable) {
      const kept = this.loadPending();
      const local = await LocalDocs.get(this.localKey());
      if (this.stopped) return;
      this.ydoc.transact(() => {
        for (const p of kept) Y.applyUpdate(this.ydoc, fromB64(p.update), REMOTE);
        if (local) Y.applyUpdate(this.ydoc, local, REMOTE);
        if (adopted) Y.applyUpdate(this.ydoc, Y.encodeStateAsUpdate(adopted.ydoc), REMOTE);
      }, REMOTE);
      const missing = Y.encodeStateAsUpdate(this.ydoc, serverVector);
      if (missing.length > 2) {
        this.outbox.push(missing);
        if (kept.length) this.stats.resentAfterReload++;
        if (local) this.stats.healedFromLocal++;
      }
    }
    this.savePending();

    // 4. The editor.
    const mount = this.querySelector('#mount') as HTMLElement;
    mount.querySelector(':scope > .tcw-preview')?.remove();
    this.editor = new Editor({
      element: mount,
      editable: this.editable,
      extensions: [
        // A suggest-only person's editor must not add a trailing paragraph of its own (not a suggestion).
        StarterKit.configure({ undoRedo: false, link: { openOnClick: false, autolink: true }, ...REPLACED_NODES,
          ...(this.suggestOnly ? { trailingNode: false as const } : {}) }),
        ...SUGGESTABLE_NODES,
        Suggestions.configure({
          personId: () => (this.personId ? Number(this.personId) : null),
          names: () => this.authorNames,
          suggestedBy: () => this.t('suggestedBy', 'Suggested by'),
          onChange: (authors) => this.suggestionsChanged(authors),
        }),
        Collaboration.configure({ document: this.ydoc, field: FIELD }),
        // No column resizing: widths would be per-user noise in a shared document.
        SuggestableTable.configure({ resizable: false }),
        SuggestableTableRow,
        SuggestableTableHeader,
        SuggestableTableCell,
        KeepStoredMarks,
        CommentsPlugin.Comments.configure({
          host: this, initial: () => ({ comments: this.comments, active: this.activeComment }),
          detached: (ids) => void this.reanchor(ids),
        }),
        Find.configure({ host: this, initial: () => this.findTerms ?? [] }),
        CollaborationCaret.configure({
          provider: { awareness: this.awareness },
          user: { name: this.userName ?? '?', color: this.color },
        }),
        RedrawCarets,
      ],
    });
    if (this.suggestOnly) setSuggesting(this.editor, true);
    // read only: the text can still take the focus (keyboard selection, Ctrl+Alt+M to comment)
    if (!this.editable) this.editor.view.dom.setAttribute('tabindex', '0');
    nameTextbox(this.editor.view.dom, this.t('text', 'Document text'));
    this.editor.on('update', () => this.updateTimes.push([now(), this.editor!.state.doc.textContent.length]));
    this.editor.on('transaction', () => this.requestUpdate());
    this.editor.on('focus', () => { this.focused = true; });
    // removing the element takes focus away too; that is not the person leaving the editor
    this.editor.on('blur', () => { if (this.isConnected) this.focused = false; });
    this.ydoc.on('update', () => this.scheduleLocalSave());
    this.joined = true;
    this.refreshPeople();
    this.updateStatus();
    if (this.outbox.length) this.scheduleFlush();
    this.scheduleLocalSave();
    if (adopted) this.takeOver(adopted);
    this.checkPending();
    this.dispatchEvent(new CustomEvent('tcw-ready', { bubbles: true, composed: true }));
  }

  /** Puts the person back where they were in the element this one replaces, and replays their keys. */
  private takeOver(p: Parked) {
    this.stats.adopted++;
    const view = this.editor!.view;
    const binding = (ySyncPluginKey.getState(view.state) as { binding?: { mapping: unknown; type: YT.XmlFragment } } | undefined)?.binding;
    if (binding && p.anchor && p.head) {
      try {
        const a = relativePositionToAbsolutePosition(this.ydoc, binding.type, Y.createRelativePositionFromJSON(p.anchor), binding.mapping as never);
        const h = relativePositionToAbsolutePosition(this.ydoc, binding.type, Y.createRelativePositionFromJSON(p.head), binding.mapping as never);
        if (a !== null && h !== null) {
          view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, a, h)).setMeta('addToHistory', false));
        }
      } catch {
        // the place is gone (deleted meanwhile): keep the start
      }
    }
    if (p.hadFocus) {
      this.stats.adoptedWithFocus++;
      view.focus();
      for (const k of p.keys) {
        if (k.key === 'Enter') this.editor!.commands.keyboardShortcut(k.shift ? 'Shift-Enter' : 'Enter');
        else if (k.key === 'Backspace') this.editor!.commands.keyboardShortcut('Backspace');
        else view.dispatch(view.state.tr.insertText(k.key));
        this.stats.replayedKeys++;
      }
    }
    p.stop();
    p.ydoc.destroy();
  }

  private localKey() {
    return localDocKey(this.userName ?? '', this.docId);
  }

  /** Keeps the whole document in IndexedDB (debounced). */
  private scheduleLocalSave() {
    if (this.localSaveTimer !== undefined || this.stopped) return;
    this.localSaveTimer = window.setTimeout(() => {
      this.localSaveTimer = undefined;
      if (!this.stopped) LocalDocs.put(this.localKey(), Y.encodeStateAsUpdate(this.ydoc));
    }, 300);
  }

  /**
   * Pending structures are updates that wait for others this editor never received: their text is
   * invisible. Repair: join again (the server's full content, and ours pushed); if the server lacks
   * them too, ask the other editors and tell the person.
   */
  private checkPending() {
    if (!hasPending(this.ydoc)) {
      this.notice = '';
      return;
    }
    this.stats.pendingFaults++;
    console.warn('tcw-editor: updates wait for others never received (pending structures); repairing');
    this.notice = this.t('incomplete', 'Some changes by others have not arrived here yet; the other editors are asked to send them again.');
    if (now() - this.lastPendingRepair < 5000) return;
    this.lastPendingRepair = now();
    this.transport?.missing?.().catch(() => undefined);
    this.rejoin();
  }

  /** Test hook: whether this replica holds pending (invisible) structures. */
  pending(): boolean {
    return !!this.ydoc && hasPending(this.ydoc);
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    // Vaadin's router detaches and re-attaches the element once while it places the view:
    // only tear down if we are still detached after the current task.
    let place: { anchor: unknown; head: unknown } = { anchor: null, head: null };
    const view = this.editor?.view;
    if (view && this.joined) {
      const binding = (ySyncPluginKey.getState(view.state) as { binding?: { mapping: unknown; type: YT.XmlFragment } } | undefined)?.binding;
      if (binding) {
        const sel = view.state.selection;
        place = {
          anchor: Y.relativePositionToJSON(absolutePositionToRelativePosition(sel.anchor, binding.type, binding.mapping as never)),
          head: Y.relativePositionToJSON(absolutePositionToRelativePosition(sel.head, binding.type, binding.mapping as never)),
        };
      }
    }
    setTimeout(() => {
      if (this.isConnected) return;
      if (this.joined && this.editable) {
        this.savePending();
        if (this.localSaveTimer !== undefined) LocalDocs.put(this.localKey(), Y.encodeStateAsUpdate(this.ydoc));
        // Removing a focused element may or may not report a blur first: if the focus is now
        // nowhere (the page body) and the person typed here moments ago, they were in the editor.
        const active = document.activeElement;
        const nowhere = !active || active === document.body || active === document.documentElement;
        const hadFocus = this.focused || (nowhere && now() - this.lastLocalEditAt < 10_000);
        Handover.park(this.docId, { ydoc: this.ydoc, anchor: place.anchor, head: place.head, hadFocus });
      }
      window.clearTimeout(this.localSaveTimer);
      this.stopped = true;
      window.removeEventListener('online', this.onlineListener);
      document.removeEventListener('keydown', this.readOnlyKeys, true);
      document.removeEventListener('keydown', this.timelineKeys, true);
      window.removeEventListener('offline', this.onlineListener);
      window.removeEventListener('pagehide', this.pageHideListener);
      if (this.awareness) { // created with the editor's code
        removeAwarenessStates(this.awareness, [this.ydoc.clientID], 'local');
        this.awareness.destroy();
      }
      this.editor?.destroy();
    }, 0);
  }

  /**
   * Ctrl+Alt+M in a read-only editor (observers may comment): ProseMirror runs no key bindings when
   * the view is not editable and the text never has the focus, so the shortcut is taken here when
   * the selected text (or the focus) is inside this editor.
   */
  private readOnlyKeys = (e: KeyboardEvent) => {
    if (this.editable || !this.editor || !(e.ctrlKey || e.metaKey) || !e.altKey || e.code !== 'KeyM') return;
    const dom = this.editor.view.dom;
    const sel = window.getSelection();
    const inside = (n: Node | null | undefined) => !!n && dom.contains(n);
    if (!inside(sel?.anchorNode) && !inside(document.activeElement) && !this.contains(document.activeElement)) return;
    e.preventDefault();
    this.dispatchEvent(new CustomEvent('comment-requested', { bubbles: true, composed: true }));
  };

  /** Leaving the page (or a reload): keep what is not acknowledged yet, now. */
  private pageHideListener = () => {
    if (this.joined && this.editable) this.savePending();
  };

  private onlineListener = () => {
    this.updateStatus();
    if (navigator.onLine) this.scheduleFlush();
  };

  private refreshPeople() {
    const me = this.ydoc.clientID;
    const seen = new Set<string>();
    const list: Array<{ id: number; name: string; color: string; me: boolean }> = [];
    list.push({ id: me, name: this.userName ?? '?', color: this.color, me: true });
    seen.add(this.userName);
    for (const [id, st] of this.awareness.getStates()) {
      const user = (st as { user?: { name: string; color: string } }).user;
      if (id === me || !user || seen.has(user.name)) continue;
      seen.add(user.name);
      list.push({ id, name: user.name, color: user.color, me: false });
    }
    this.people = list;
  }

  private updateStatus() {
    if (!this.joined) return;
    if (this.status === 'refused') return;
    const busy = this.inFlight !== null || this.outbox.length > 0;
    let next: TcwEditor['status'];
    const stuck = this.pushStartedAt > 0 && now() - this.pushStartedAt > OFFLINE_AFTER_MS;
    if (!this.connected || !navigator.onLine || (busy && (this.failing || stuck))) {
      next = 'offline';
    } else if (!this.editable) {
      next = 'readonly';
    } else {
      next = busy ? 'saving' : 'saved';
    }
    if (next !== this.status) this.statusLog.push([Math.round(now()), next]);
    this.status = next;
    window.clearTimeout(this.offlineTimer);
    if (busy) this.offlineTimer = window.setTimeout(() => this.updateStatus(), OFFLINE_AFTER_MS + 50);
  }

  // ---------------- client -> server ----------------

  /** Defer to a microtask so that a keystroke's update and its caret move share one call. */
  private scheduleFlush() {
    if (this.flushQueued) return;
    this.flushQueued = true;
    queueMicrotask(() => {
      this.flushQueued = false;
      this.flush();
    });
  }

  private async flush() {
    if (this.pushing || this.stopped || !this.joined || this.rejoining || this.status === 'refused') return;
    if (!this.inFlight && this.outbox.length) {
      const batch = this.outbox;
      this.outbox = [];
      const merged = batch.length === 1 ? batch[0] : Y.mergeUpdates(batch);
      this.inFlight = { id: crypto.randomUUID(), update: toB64(merged) };
      if (timelineOn()) {
        const update = this.localUpdateAt || now();
        this.inFlight.stages = { seq: 0, keydown: this.keydownAt || update, update, send: 0, ack: 0 };
      }
      this.keydownAt = 0;
      this.localUpdateAt = 0;
      this.savePending();
    }
    if (!this.inFlight && !this.awarenessDirty) {
      this.updateStatus();
      return;
    }
    this.pushing = true;
    this.pushStartedAt = now();
    this.updateStatus();
    const aw = this.awarenessDirty ? toB64(encodeAwarenessUpdate(this.awareness, [this.ydoc.clientID])) : null;
    this.awarenessDirty = false;
    const sending = this.inFlight;
    if (sending?.stages && !sending.stages.send) sending.stages.send = now();
    let retryAfter = 0;
    try {
      const ack = await answered(this.transport!.push(sending?.id ?? null, sending?.update ?? null, aw, this.ydoc.clientID, this.lastSeq),
        CALL_TIMEOUT_MS, 'push');
      this.stats.pushes++;
      this.failing = false;
      this.connected = true; // an answer is the best proof that the connection is back
      if (ack.refusal) {
        if (aw) this.awarenessDirty = true;
        if (ack.fatal) {
          this.message = ack.refusal;
          this.status = 'refused';
        } else {
          retryAfter = Math.max(200, ack.retryAfterMillis);
        }
      } else {
        if (sending && ack.seq > 0) {
          if (sending.stages) this.timeline.sent.push({ ...sending.stages, seq: ack.seq, ack: now() });
          this.inFlight = null;
          this.accept(ack.seq, null);
          this.savePending();
        }
        if (ack.rejoin || ack.reconcile) this.rejoin();
      }
    } catch (e) {
      // Connection trouble: keep everything, retry with the same id (the server de-duplicates).
      this.countUnanswered(e);
      if (aw) this.awarenessDirty = true;
      this.failing = true;
      this.stats.retries++;
      retryAfter = 1000;
      console.warn('push failed, will retry', e);
    } finally {
      this.pushing = false;
      this.pushStartedAt = 0;
    }
    this.updateStatus();
    if (retryAfter > 0) {
      await sleep(retryAfter);
    }
    if (this.inFlight || this.outbox.length || this.awarenessDirty) this.flush();
  }

  private countUnanswered(e: unknown) {
    if (e instanceof Unanswered) {
      this.stats.unanswered++;
      console.warn('tcw-editor: a server call was never answered; made again', e.message);
    }
  }

  /** The server asks: it lacks history this editor may hold. */
  reconcile() {
    this.stats.reconciles++;
    this.rejoin();
  }

  /**
   * The transport's connection was made anew and the server forgot this editor meanwhile (the
   * editor's own socket, tcw-editor-socket.ts, or the switch from it to Vaadin): join again.
   */
  rejoinAfterReconnect() {
    this.stats.reconnects++;
    this.rejoin();
  }

  /**
   * This node does not know us (it restarted), or the server lost history: join again, take the
   * server's content and numbering (it is the numbering's truth; our updates it lacks are pushed
   * again and get new numbers), and send exactly what its state vector lacks.
   */
  private async rejoin() {
    if (this.rejoining || this.stopped || !this.joined) return;
    this.rejoining = true;
    this.stats.rejoins++;
    try {
      for (let attempt = 0; ; attempt++) {
        try {
          const init = await answered(this.transport!.join(), JOIN_TIMEOUT_MS, 'join');
          const server = new Y.Doc();
          const updates = init.updates.map(fromB64);
          server.transact(() => updates.forEach((u) => Y.applyUpdate(server, u)));
          this.received.clear();
          this.lastSeq = init.seq;
          this.applyRemote(updates);
          const missing = Y.encodeStateAsUpdate(this.ydoc, Y.encodeStateVector(server));
          server.destroy();
          // observers never push: what they hold beyond the server stays with them
          this.outbox = missing.length > 2 && this.editable ? [missing] : [];
          this.inFlight = null;
          this.awarenessDirty = true;
          for (const a of init.presence) applyAwarenessUpdate(this.awareness, fromB64(a), REMOTE);
          break;
        } catch (e) {
          this.countUnanswered(e);
          await sleep(Math.min(5000, 250 * 2 ** attempt));
        }
      }
    } finally {
      this.rejoining = false;
    }
    this.scheduleFlush();
  }

  private loadPending(): Pending[] {
    return PendingUpdates.load(this.userName ?? '', this.docId);
  }

  private pendingSaveTimer?: number;

  private schedulePendingSave() {
    if (this.pendingSaveTimer !== undefined) return;
    this.pendingSaveTimer = window.setTimeout(() => {
      this.pendingSaveTimer = undefined;
      this.savePending();
    }, 200);
  }

  /** Keep what the server has not acknowledged, so that a reload does not lose it. */
  private savePending() {
    if (!localCopiesAllowed()) return;
    const list: Pending[] = [];
    if (this.inFlight) list.push({ id: this.inFlight.id, update: this.inFlight.update });
    if (this.outbox.length) list.push({ id: '', update: toB64(Y.mergeUpdates(this.outbox)) });
    PendingUpdates.store(this.userName ?? '', this.docId, list);
  }

  // ---------------- server -> client ----------------

  /** Another editor's update, stored under seq. */
  receiveUpdate(seq: number, b64: string) {
    if (!timelineOn()) {
      this.accept(seq, fromB64(b64));
      return;
    }
    const stages = { seq, receive: now(), applied: 0, painted: 0 };
    this.accept(seq, fromB64(b64));
    stages.applied = now();
    // the frame that shows it: the callback after the next animation frame runs once it is painted
    requestAnimationFrame(() => setTimeout(() => {
      stages.painted = now();
      this.timeline.received.push(stages);
    }));
  }

  receivePresence(b64: string) {
    applyAwarenessUpdate(this.awareness, fromB64(b64), REMOTE);
  }

  /** Comma-separated Yjs client ids of editors that left. */
  peersLeft(csv: string) {
    const ids = csv.split(',').filter((s) => s).map(Number);
    removeAwarenessStates(this.awareness, ids, REMOTE);
  }

  private accept(seq: number, update: Uint8Array | null) {
    if (seq <= this.lastSeq) {
      // a number we have passed: after the server lost history it may come again for another
      // update. Never drop one — applying a known update again changes nothing.
      if (update) this.applyRemote([update]);
      return;
    }
    this.received.set(seq, update);
    const ready: Uint8Array[] = [];
    while (this.received.has(this.lastSeq + 1)) {
      const u = this.received.get(this.lastSeq + 1)!;
      this.received.delete(this.lastSeq + 1);
      this.lastSeq++;
      if (u) ready.push(u);
    }
    if (ready.length) this.applyRemote(ready);
    if (this.received.size > 0 && this.gapTimer === undefined) {
      // A hole: usually our own ack is just late. If it stays, ask the server.
      this.gapTimer = window.setTimeout(() => this.repairGap(), 1000);
    }
  }

  /**
   * Applies relayed updates in one Yjs transaction. y-tiptap restores the local caret from Yjs
   * relative positions; we capture our own just before and put the caret back if it was moved
   * elsewhere (the "text lands at the start of the line" risk seen in the spike).
   */
  private applyRemote(updates: Uint8Array[]) {
    const view = this.editor?.view;
    const binding = view ? (ySyncPluginKey.getState(view.state) as { binding?: { mapping: unknown; type: YT.XmlFragment } } | undefined)?.binding : undefined;
    let rel: { anchor: unknown; head: unknown } | null = null;
    if (view && binding && view.hasFocus()) {
      const sel = view.state.selection;
      rel = {
        anchor: absolutePositionToRelativePosition(sel.anchor, binding.type, binding.mapping as never),
        head: absolutePositionToRelativePosition(sel.head, binding.type, binding.mapping as never),
      };
    }
    this.ydoc.transact(() => {
      for (const u of updates) Y.applyUpdate(this.ydoc, u, REMOTE);
    }, REMOTE);
    this.stats.remoteUpdates += updates.length;
    this.scheduleCaretRedraw();
    if (this.joined) this.checkPending();
    if (rel && view && binding) {
      const a = relativePositionToAbsolutePosition(this.ydoc, binding.type, rel.anchor as never, binding.mapping as never);
      const h = relativePositionToAbsolutePosition(this.ydoc, binding.type, rel.head as never, binding.mapping as never);
      const sel = view.state.selection;
      if (a !== null && h !== null && (sel.anchor !== a || sel.head !== h)
          && a <= view.state.doc.content.size && h <= view.state.doc.content.size) {
        try {
          view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, a, h)).setMeta('addToHistory', false));
          this.stats.caretFixes++;
        } catch {
          // not a text position (e.g. the paragraph was deleted): keep y-tiptap's choice
        }
      }
    }
  }

  private caretRedrawQueued = false;

  /**
   * The others' carets are placed again once what we just applied is in the editor. Across nodes a
   * person's presence (their caret) can arrive before the update it points into: it cannot be
   * placed then, and y-tiptap's own placing during the remote change left it undrawn (seen in the
   * page, ClusterIT); without this their caret stayed hidden until their presence changed again.
   */
  private scheduleCaretRedraw() {
    if (this.caretRedrawQueued || !this.editor) return;
    this.caretRedrawQueued = true;
    window.setTimeout(() => {
      this.caretRedrawQueued = false;
      if (this.editor && !this.stopped) redrawCarets(this.editor.view);
    }, 0);
  }

  private async repairGap() {
    this.gapTimer = undefined;
    if (this.received.size === 0) return;
    this.stats.catchUps++;
    try {
      const c = await answered(this.transport!.since(this.lastSeq), CALL_TIMEOUT_MS, 'since');
      this.applyRemote(c.updates.map(fromB64));
      this.lastSeq = Math.max(this.lastSeq, c.seq);
      for (const k of [...this.received.keys()]) if (k <= this.lastSeq) this.received.delete(k);
      if (this.received.size > 0) this.accept(this.lastSeq, null);
    } catch (e) {
      this.countUnanswered(e);
      this.gapTimer = window.setTimeout(() => this.repairGap(), 2000);
    }
  }

  // ---------------- comments (tcw-comments.ts) ----------------

  private comments: CommentsTypes.CommentAnchor[] = [];
  private activeComment: number | null = null;

  /** The anchor of the selected text for a new comment, once what was typed has reached the server. */
  async selectionAnchor(): Promise<CommentsTypes.SelectionAnchor | null> {
    await Promise.race([this.idle(), sleep(3000)]);
    return this.editor ? CommentsPlugin.selectionAnchor(this.editor.view) : null;
  }

  /**
   * Comments that came apart from their text (e.g. a paragraph joined to the one before): once our
   * own change reached the server, look for each one's quote where it was and ask the server
   * (through the panel) to move its anchor there.
   */
  private async reanchor(ids: number[]) {
    await Promise.race([this.idle(), sleep(3000)]);
    for (const id of ids) {
      const a = this.editor ? CommentsPlugin.relocate(this.editor.view, id) : null;
      if (a) this.dispatchEvent(new CustomEvent('comment-reanchor', { detail: { id, from: a.from, to: a.to }, bubbles: true, composed: true }));
    }
  }

  /** The comments to highlight, as JSON [{id, from, to, resolved, quote}]. */
  setComments(json: string) {
    this.comments = JSON.parse(json);
    if (this.editor) CommentsPlugin.setComments(this.editor.view, this.comments);
  }

  /** Highlights a comment's range and scrolls to it (a negative id: none). */
  focusComment(id: number) {
    this.activeComment = id >= 0 ? id : null;
    if (this.editor) CommentsPlugin.focusComment(this.editor.view, this.activeComment);
  }

  /** Comments the batched resolver places differently from y-tiptap's resolution (tests: none). */
  commentResolverMismatches(): number[] {
    return this.editor ? CommentsPlugin.resolverMismatches(this.editor.view) : [];
  }

  /** Where each comment resolves now (tests). */
  commentRanges() {
    return this.editor ? CommentsPlugin.commentRanges(this.editor.view) : {};
  }

  /** Marks these words and scrolls to the first (an empty list clears the marks). */
  find(terms: string[]) {
    this.findTerms = terms;
    if (this.editor) setFindTerms(this.editor.view, terms);
  }

  // ---------------- for tests and measurements ----------------

  getText(): string {
    return this.editor?.state.doc.textContent ?? '';
  }

  getHTML(): string {
    return this.editor?.getHTML() ?? '';
  }

  /** What the editor waits for (tests and diagnostics: why it is not idle). */
  debugState() {
    return {
      joined: this.joined, pushing: this.pushing, inFlight: this.inFlight?.id ?? null, outbox: this.outbox.length,
      awarenessDirty: this.awarenessDirty, rejoining: this.rejoining, stopped: this.stopped, status: this.status,
      connected: this.connected, isConnected: this.isConnected, hasEditor: !!this.editor, lastSeq: this.lastSeq,
      stats: { ...this.stats }, statusLog: this.statusLog.slice(-20),
    };
  }

  /** Resolves when nothing is queued or in flight. */
  async idle(): Promise<void> {
    while (!this.joined || this.pushing || this.inFlight || this.outbox.length || this.awarenessDirty || this.rejoining) {
      await sleep(5);
    }
  }
}

function initials(name: string): string {
  return name.trim().split(/\s+/).filter((p) => p).slice(0, 2).map((p) => p[0]).join('').toUpperCase();
}

declare global {
  interface HTMLElementTagNameMap {
    'tcw-editor': TcwEditor;
  }
}
