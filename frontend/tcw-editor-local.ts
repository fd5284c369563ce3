/**
 * What <tcw-editor> (tcw-editor.ts) keeps in the browser beyond its element: each edited document's
 * whole Yjs state in IndexedDB (LocalDocs), and the session an element removed by a Vaadin
 * resynchronisation hands over to the one that replaces it (Handover), and the updates the server
 * has not acknowledged yet, in localStorage (PendingUpdates).
 */
import type * as YT from 'yjs';
import { LOCAL_DB, LOCAL_STORE, legacyPendingKey, localCopiesAllowed, pendingKey } from './tcw-local-copies';
import type { SentStages } from './tcw-editor-timing';

/**
 * The whole Yjs state of each document this browser edited, in IndexedDB: after a server crash
 * (or a restore from backup) lost acknowledged updates, the reloaded page still holds them and
 * pushes what the server lacks. Read only after the server accepted a join (it checked the
 * person's permission); keyed by person and document.
 */
export const LocalDocs = {
  db: null as Promise<IDBDatabase | null> | null,
  open(): Promise<IDBDatabase | null> {
    if (!this.db) {
      this.db = new Promise((resolve) => {
        try {
          const req = indexedDB.open(LOCAL_DB, 1);
          req.onupgradeneeded = () => req.result.createObjectStore(LOCAL_STORE);
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => resolve(null);
        } catch {
          resolve(null);
        }
      });
    }
    return this.db;
  },
  async get(key: string): Promise<Uint8Array | null> {
    const db = await this.open();
    if (!db) return null;
    return new Promise((resolve) => {
      try {
        const req = db.transaction(LOCAL_STORE, 'readonly').objectStore(LOCAL_STORE).get(key);
        req.onsuccess = () => resolve(req.result instanceof Uint8Array ? req.result : null);
        req.onerror = () => resolve(null);
      } catch {
        resolve(null);
      }
    });
  },
  async put(key: string, state: Uint8Array): Promise<void> {
    const db = await this.open();
    if (!db || !localCopiesAllowed()) return;
    await new Promise<void>((resolve) => {
      try {
        const tx = db.transaction(LOCAL_STORE, 'readwrite');
        tx.objectStore(LOCAL_STORE).put(state, key);
        tx.oncomplete = () => resolve();
        tx.onerror = () => resolve();
      } catch {
        resolve();
      }
    });
  },
};

export type Key = { key: string; shift: boolean };
export type Parked = {
  ydoc: YT.Doc;
  anchor: unknown;
  head: unknown;
  hadFocus: boolean;
  keys: Key[];
  stop: () => void;
};

/**
 * When Vaadin resynchronises its UI it removes the editor element and creates a new one. The old
 * element parks its document, selection and focus here (per document); the new one adopts them.
 * Keys typed while no editor exists (focus fell to the page body) are recorded and replayed into
 * the new editor. A parked session nobody adopts within 30 s is dropped (the person navigated away).
 */
export const Handover = {
  parked: new Map<string, Parked>(),
  park(docId: string, p: Omit<Parked, 'keys' | 'stop'>) {
    this.parked.get(docId)?.stop();
    const keys: Key[] = [];
    // A resynchronisation keeps the page where it is; a new path means the person navigated away,
    // and their keys belong to the page they went to.
    const path = location.pathname;
    const onKey = (e: KeyboardEvent) => {
      if (location.pathname !== path) {
        entry.stop();
        return;
      }
      const target = document.activeElement;
      const nowhere = !target || target === document.body || target === document.documentElement;
      if (!nowhere || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key.length === 1 || e.key === 'Enter' || e.key === 'Backspace') {
        keys.push({ key: e.key, shift: e.shiftKey });
        e.preventDefault();
      }
    };
    if (p.hadFocus) document.addEventListener('keydown', onKey, true);
    const timer = window.setTimeout(() => entry.stop(), 30_000);
    const entry: Parked = {
      ...p,
      keys,
      stop: () => {
        document.removeEventListener('keydown', onKey, true);
        window.clearTimeout(timer);
        if (this.parked.get(docId) === entry) this.parked.delete(docId);
      },
    };
    this.parked.set(docId, entry);
  },
  adopt(docId: string): Parked | null {
    const p = this.parked.get(docId) ?? null;
    return p;
  },
};

/** An update sent and not acknowledged yet (resent with the same id), or to send (no id yet). */
export type Pending = { id: string; update: string; stages?: SentStages };

/**
 * The updates the server has not acknowledged, in localStorage per person and document, so that a
 * reload (e.g. after a server restart ended the session) sends them again.
 */
export const PendingUpdates = {
  load(userName: string, docId: string): Pending[] {
    try {
      return JSON.parse(localStorage.getItem(pendingKey(userName, docId)) ?? localStorage.getItem(legacyPendingKey(docId)) ?? '[]');
    } catch {
      return [];
    }
  },
  /** Keeps `list` (empty: removes what was kept); the caller checked local copies are allowed. */
  store(userName: string, docId: string, list: Pending[]) {
    try {
      localStorage.removeItem(legacyPendingKey(docId));
      if (list.length) localStorage.setItem(pendingKey(userName, docId), JSON.stringify(list));
      else localStorage.removeItem(pendingKey(userName, docId));
    } catch {
      // storage full or disabled: the updates are still kept in memory
    }
  },
};
