/*
 * The editor's own WebSocket transport (docs/adr/117): join / push / since / missing travel as
 * small JSON messages with request ids on a socket of the editor's own, beside Vaadin; the server
 * sends the other editors' updates, presence, departures, reconcile requests and heartbeats on
 * the same socket. The first message presents a token the server half (CollaborativeEditor.java)
 * gave this editor; the server checks it against the signed-in person and the HTTP session.
 *
 * Connection: opened by the first call, re-opened with backoff after it is lost (the editor shows
 * "offline" meanwhile, keeps what is typed and resends it with the same id); a re-opened socket is
 * a new editor to the server, so the editor joins again. The socket is given up for good — the
 * caller then speaks through Vaadin — when it never opened, when the server does not accept the
 * token, or when it keeps failing while Vaadin's own connection works.
 */
import type { CatchUp, EditorTransport, JoinResult, PushResult } from './tcw-editor';

/** What the socket transport needs of the element. */
export interface SocketHost {
  /** The socket's path (with the application's context path) and this editor's token, from the server. */
  socketPath?: string;
  socketToken?: string;
  receiveUpdate(seq: number, b64: string): void;
  receivePresence(b64: string): void;
  peersLeft(csv: string): void;
  reconcile(): void;
  /** The socket was re-opened: the server forgot this editor meanwhile. */
  rejoinAfterReconnect(): void;
}

type Call = { resolve: (v: unknown) => void; reject: (e: Error) => void };
type ServerMessage = {
  i?: number; r?: unknown; err?: string;
  t?: 'u' | 'p' | 'l' | 'r' | 'b' | 'ok'; s?: number; u?: string; a?: string; ids?: string;
};

/** Close codes of the server (SocketEditor.java). */
const GONE = 4001;
const REPLACED = 4002;
const REFUSED = 4003;
const TOO_BIG = 1009;
/** The server beats every 15 s; nothing heard for this long means the connection is dead. */
const SILENT_MS = 45_000;
/** Failed (re)connections in a row, while Vaadin's connection works, before the socket is given up. */
const GIVE_UP_AFTER = 4;

export class SocketTransport implements EditorTransport {
  private ws: WebSocket | null = null;
  /** Resolves once the server accepted the token on the current socket. */
  private ready: Promise<void> | null = null;
  private calls = new Map<number, Call>();
  private nextId = 1;
  private listeners: Array<(online: boolean) => void> = [];
  private everOpened = false;
  private failures = 0;
  private heardAt = 0;
  private watchdog?: number;
  private reconnectTimer?: number;
  private closed = false;
  /** Set when the socket is given up: the caller speaks through Vaadin from then on. */
  gaveUp = false;

  /** Whether calls may go through this transport (not given up, not closed). */
  get usable() {
    return !this.gaveUp && !this.closed;
  }

  constructor(private host: SocketHost, private vaadinConnected: () => boolean,
    private onGiveUp: () => void) {}

  join(): Promise<JoinResult> {
    return this.call({ op: 'join' }) as Promise<JoinResult>;
  }

  push(updateId: string | null, update: string | null, awareness: string | null, clientId: number, lastSeq: number): Promise<PushResult> {
    return this.call({ op: 'push', id: updateId, u: update, a: awareness, c: clientId, s: lastSeq }) as Promise<PushResult>;
  }

  since(afterSeq: number): Promise<CatchUp> {
    return this.call({ op: 'since', after: afterSeq }) as Promise<CatchUp>;
  }

  missing(): Promise<unknown> {
    return this.call({ op: 'missing' });
  }

  onConnectionChange(listener: (online: boolean) => void) {
    this.listeners.push(listener);
  }

  /** Closes the socket for good (the element is gone). */
  close() {
    this.closed = true;
    window.clearTimeout(this.reconnectTimer);
    window.clearInterval(this.watchdog);
    this.ws?.close(1000);
    this.ws = null;
    this.ready = null;
    const error = new Error('editor socket closed');
    for (const c of this.calls.values()) c.reject(error);
    this.calls.clear();
  }

  private async call(message: Record<string, unknown>): Promise<unknown> {
    await this.open();
    const ws = this.ws;
    if (!ws || ws.readyState !== WebSocket.OPEN) throw new Error('editor socket: not connected');
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.calls.set(id, { resolve, reject });
      ws.send(JSON.stringify({ i: id, ...message }));
    });
  }

  /** The current socket once the server accepted it; opens one if there is none. */
  private open(): Promise<void> {
    if (this.gaveUp || this.closed) return Promise.reject(new Error('editor socket: given up'));
    this.ready ??= this.connect();
    return this.ready;
  }

  private connect(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const url = new URL(this.host.socketPath ?? '/documents/socket', window.location.href);
      url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
      let ws: WebSocket;
      try {
        ws = new WebSocket(url.href);
      } catch (e) {
        this.ready = null;
        this.failed(false);
        reject(e instanceof Error ? e : new Error(String(e)));
        return;
      }
      this.ws = ws;
      let accepted = false;
      ws.onopen = () => ws.send(JSON.stringify({ op: 'hello', token: this.host.socketToken ?? '' }));
      ws.onmessage = (event) => {
        this.heardAt = performance.now();
        const m = JSON.parse(event.data as string) as ServerMessage;
        if (m.t === 'ok') {
          accepted = true;
          const again = this.everOpened;
          this.everOpened = true;
          this.failures = 0;
          this.startWatchdog(ws);
          resolve();
          this.report(true);
          if (again) this.host.rejoinAfterReconnect();
          return;
        }
        this.dispatch(m, ws);
      };
      ws.onclose = (event) => {
        if (this.ws !== ws) return;
        this.ws = null;
        this.ready = null;
        window.clearInterval(this.watchdog);
        const error = new Error(`editor socket closed (${event.code})`);
        for (const c of this.calls.values()) c.reject(error);
        this.calls.clear();
        if (!accepted) reject(error);
        if (this.closed || event.code === GONE || event.code === REPLACED) return;
        if (event.code === REFUSED || event.code === TOO_BIG) {
          this.giveUp();
          return;
        }
        this.report(false);
        this.failed(accepted);
      };
    });
  }

  private dispatch(m: ServerMessage, ws: WebSocket) {
    if (m.i !== undefined) {
      const call = this.calls.get(m.i);
      if (!call) return;
      this.calls.delete(m.i);
      if (m.err !== undefined) call.reject(new Error(m.err));
      else call.resolve(m.r);
      return;
    }
    switch (m.t) {
      case 'u': this.host.receiveUpdate(m.s!, m.u!); break;
      case 'p': this.host.receivePresence(m.a!); break;
      case 'l': this.host.peersLeft(m.ids ?? ''); break;
      case 'r': this.host.reconcile(); break;
      case 'b': ws.send('{"op":"b"}'); break;
      default: break;
    }
  }

  /** Closes a socket the server has not been heard from for too long (a connection dropped silently). */
  private startWatchdog(ws: WebSocket) {
    window.clearInterval(this.watchdog);
    this.watchdog = window.setInterval(() => {
      if (performance.now() - this.heardAt > SILENT_MS && this.ws === ws) ws.close(4000, 'nothing heard');
    }, 5000);
  }

  /** A connection failed (or was lost): try again with backoff, or give the socket up. */
  private failed(wasOpen: boolean) {
    if (!wasOpen) this.failures++;
    if (!this.everOpened || (this.failures >= GIVE_UP_AFTER && this.vaadinConnected())) {
      this.giveUp();
      return;
    }
    const delay = Math.min(5000, 250 * 2 ** Math.max(0, this.failures - 1));
    window.clearTimeout(this.reconnectTimer);
    this.reconnectTimer = window.setTimeout(() => {
      if (!this.closed && !this.gaveUp && !this.ws) this.open().catch(() => undefined);
    }, delay);
  }

  private giveUp() {
    if (this.gaveUp) return;
    this.gaveUp = true;
    const wasOpen = this.everOpened;
    console.warn('tcw-editor: the editor socket is not available, speaking through Vaadin');
    this.close();
    this.onGiveUp();
    if (wasOpen) this.host.rejoinAfterReconnect();
  }

  private report(online: boolean) {
    for (const l of this.listeners) l(online);
  }
}
