/*
 * What the browser keeps of a person's documents, and how an explicit sign-out removes it.
 *
 * <tcw-editor> keeps, per person and document, the whole document in IndexedDB (database
 * 'tcw-editor', store 'docs', key `person|docId`) and the updates the server has not acknowledged
 * yet in localStorage (`tcw-editor-pending:person|docId`), so that a reload after a server restart
 * or an ended session loses nothing. On a shared computer these copies must not outlive an explicit
 * sign-out: the user menu's "Sign out" (MainLayout) first lets the open editors send what they have
 * (flush), then clears the person's copies (clear), then signs out. An ended session or a server
 * restart clears nothing: that is when the copies are needed.
 */

/** IndexedDB database and store of the documents' copies. */
export const LOCAL_DB = 'tcw-editor';
export const LOCAL_STORE = 'docs';
const PENDING_PREFIX = 'tcw-editor-pending:';

/** Key of a person's copy of a document in IndexedDB. */
export function localDocKey(person: string, docId: string): string {
  return `${person}|${docId}`;
}

/** Key of a person's unacknowledged updates of a document in localStorage. */
export function pendingKey(person: string, docId: string): string {
  return PENDING_PREFIX + localDocKey(person, docId);
}

/** The key unacknowledged updates had before they were kept per person (read once, then moved). */
export function legacyPendingKey(docId: string): string {
  return PENDING_PREFIX + docId;
}

let cleared = false;

/**
 * Whether the page may still write copies: false once a sign-out cleared them, so that an editor
 * saving on its way out (pagehide, detach, a debounced save) does not put them back.
 */
export function localCopiesAllowed(): boolean {
  return !cleared;
}

type EditorLike = HTMLElement & { status?: string; docId?: string; userName?: string };

/** Statuses of an editor with nothing left to send. */
const SENT = new Set(['saved', 'readonly']);

function editors(): EditorLike[] {
  return [...document.querySelectorAll('tcw-editor')] as EditorLike[];
}

/** Keys of the person's unacknowledged updates kept in localStorage (legacy ones included). */
function pendingKeys(person: string): string[] {
  const mine = PENDING_PREFIX + person + '|';
  const keys: string[] = [];
  for (let i = 0; i < localStorage.length; i++) {
    const key = localStorage.key(i);
    if (key && (key.startsWith(mine) || (key.startsWith(PENDING_PREFIX) && !key.includes('|')))) keys.push(key);
  }
  return keys;
}

/**
 * Waits (up to timeoutMs) until every open editor has sent its changes. True when nothing of the
 * person's is left unsent: the open editors say "saved" (or are read-only), and no unacknowledged
 * updates of another document are kept. An editor whose changes the server refused answers at once.
 */
async function flush(person: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = editors();
    if (open.some((e) => e.status === 'refused')) return false;
    const allSent = open.every((e) => SENT.has(e.status ?? ''));
    if (allSent) {
      // an open, saved editor's kept updates are stale (its next save removes them); any other
      // document's were typed into a server that never acknowledged them
      const openKeys = new Set(open.flatMap((e) => [pendingKey(person, e.docId ?? ''), legacyPendingKey(e.docId ?? '')]));
      return pendingKeys(person).every((k) => openKeys.has(k));
    }
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Removes the person's copies: their documents in IndexedDB, their unacknowledged updates. */
async function clear(person: string): Promise<void> {
  cleared = true;
  for (const key of pendingKeys(person)) localStorage.removeItem(key);
  await new Promise<void>((resolve) => {
    try {
      const req = indexedDB.open(LOCAL_DB, 1);
      req.onupgradeneeded = () => req.result.createObjectStore(LOCAL_STORE);
      req.onerror = () => resolve();
      req.onsuccess = () => {
        const db = req.result;
        try {
          const tx = db.transaction(LOCAL_STORE, 'readwrite');
          const prefix = localDocKey(person, '');
          tx.objectStore(LOCAL_STORE).delete(IDBKeyRange.bound(prefix, prefix + '\uffff'));
          tx.oncomplete = tx.onerror = tx.onabort = () => {
            db.close();
            resolve();
          };
        } catch {
          db.close();
          resolve();
        }
      };
    } catch {
      resolve();
    }
  });
}

/** Called by the user menu (MainLayout) through executeJs. */
(window as unknown as { tcwLocalCopies: unknown }).tcwLocalCopies = { flush, clear };
