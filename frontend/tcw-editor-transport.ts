/**
 * How <tcw-editor> (tcw-editor.ts) talks to its server, whatever carries it (tcw-editor-vaadin.ts,
 * tcw-editor-socket.ts): the calls and their answers, and the timeout that turns a call never
 * answered into a failed one.
 */

export type JoinResult = { seq: number; updates: string[]; presence: string[]; editable: boolean; color: string; suggestOnly?: boolean };
export type PushResult = { seq: number; rejoin: boolean; reconcile?: boolean; refusal: string | null; retryAfterMillis: number; fatal: boolean };
export type CatchUp = { seq: number; updates: string[] };

/** How the editor talks to its server. Promises reject when the connection fails. */
export interface EditorTransport {
  join(): Promise<JoinResult>;
  /** lastSeq: the last sequence number this editor has seen (the server checks it lost none). */
  push(updateId: string | null, update: string | null, awareness: string | null, clientId: number, lastSeq: number): Promise<PushResult>;
  since(afterSeq: number): Promise<CatchUp>;
  /** Optional: this editor holds updates waiting for others it never got; ask the other editors. */
  missing?(): Promise<unknown>;
  /** Optional: the document's suggestions changed (tcw-suggestions.ts); answers names of the given authors. */
  suggestionsChanged?(authors: number[]): Promise<Record<string, string>>;
  /** Optional: tells the editor when the connection is lost and back. */
  onConnectionChange?(listener: (online: boolean) => void): void;
}

/** How long a server call may stay unanswered before it counts as failed and is made again. */
export const JOIN_TIMEOUT_MS = 20_000;
export const CALL_TIMEOUT_MS = 12_000;

/** A server call that got no answer in time. */
export class Unanswered extends Error {}

/**
 * A server call whose answer never comes counts as failed after {@code ms}. Vaadin can drop a
 * call's answer when it resynchronises the page; a promise left pending for good would otherwise
 * stop this editor from sending anything again. Every call is safe to repeat: a push carries its
 * update id (the server de-duplicates), join and since only read.
 */
export function answered<T>(call: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Unanswered(`${what}: no answer within ${ms} ms`)), ms);
    call.then(
      (v) => { clearTimeout(timer); resolve(v); },
      (e) => { clearTimeout(timer); reject(e); },
    );
  });
}
