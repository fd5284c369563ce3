/*
 * The Vaadin side of <tcw-editor>: the server half (CollaborativeEditor.java) offers join / push /
 * since as @ClientCallable methods and relays the other editors' messages with callJsFunction over
 * server push; Vaadin's connection state tells the editor when it is offline. When the server gives
 * the element a socket token (tcw.documents.transport=socket, the default), the co-editing messages
 * travel on the editor's own WebSocket instead (tcw-editor-socket.ts, docs/adr/117), and through
 * Vaadin again if that socket cannot be used. suggestionsChanged always goes through Vaadin: it
 * refreshes the page's suggestion list, which lives in Vaadin's UI.
 */
import { TcwEditor, type EditorTransport } from './tcw-editor';
import { SocketTransport } from './tcw-editor-socket';

type ServerApi = {
  join(): Promise<never>;
  push(updateId: string | null, update: string | null, awareness: string | null, clientId: number, lastSeq: number): Promise<never>;
  since(afterSeq: number): Promise<never>;
  missing(): Promise<never>;
  suggestionsChanged(authorsCsv: string): Promise<Record<string, string>>;
};

type ConnectionState = { state: string; addStateChangeListener(l: (prev: string, next: string) => void): void };

function vaadinConnection(): ConnectionState | undefined {
  return (window as unknown as { Vaadin?: { connectionState?: ConnectionState } }).Vaadin?.connectionState;
}

/** 'loading' is an ordinary request in flight; only these two mean the connection is gone. */
function online(state: string | undefined) {
  return state !== 'reconnecting' && state !== 'connection-lost';
}

class VaadinTcwEditor extends TcwEditor {
  declare $server: ServerApi;
  /** Set by the server with the socket transport (ADR 117). */
  declare socketPath: string | undefined;
  declare socketToken: string | undefined;
  private socket: SocketTransport | null | undefined;

  connectedCallback() {
    super.connectedCallback();
    if (!this.transport) {
      const element = this;
      const vaadin: EditorTransport = {
        join: () => element.$server.join(),
        push: (id, update, awareness, clientId, lastSeq) => element.$server.push(id, update, awareness, clientId, lastSeq),
        since: (after) => element.$server.since(after),
        missing: () => element.$server.missing(),
      };
      const listeners: Array<(online: boolean) => void> = [];
      // decided at the first call (the server's properties have arrived by then), kept for the element's life
      const current = (): EditorTransport => {
        if (element.socket === undefined) {
          element.socket = element.socketToken && typeof WebSocket !== 'undefined'
            ? new SocketTransport(element, () => online(vaadinConnection()?.state), () => {
              const state = vaadinConnection()?.state;
              for (const l of listeners) l(online(state));
            })
            : null;
          element.socket?.onConnectionChange((up) => {
            if (!element.socket?.gaveUp) for (const l of listeners) l(up);
          });
        }
        return element.socket?.usable ? element.socket : vaadin;
      };
      const transport: EditorTransport = {
        join: () => current().join(),
        push: (id, update, awareness, clientId, lastSeq) => current().push(id, update, awareness, clientId, lastSeq),
        since: (after) => current().since(after),
        missing: () => current().missing!(),
        suggestionsChanged: (authors) => element.$server.suggestionsChanged(authors.join(',')),
        onConnectionChange(listener) {
          listeners.push(listener);
          vaadinConnection()?.addStateChangeListener((_prev, next) => {
            // with a working socket of its own, the editor does not depend on Vaadin's connection
            if (!element.socket || element.socket.gaveUp) listener(online(next));
          });
        },
      };
      this.transport = transport;
    }
  }

  /** Test hook: which transport the editor's calls take now. */
  transportInUse(): 'socket' | 'vaadin' | 'undecided' {
    if (this.socket === undefined) return 'undecided';
    return this.socket?.usable ? 'socket' : 'vaadin';
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    // Vaadin's router detaches and re-attaches the element once while it places the view
    setTimeout(() => {
      if (!this.isConnected) this.socket?.close();
    }, 0);
  }
}

customElements.define('tcw-editor', VaadinTcwEditor);
