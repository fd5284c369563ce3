/*
 * The Vaadin transport of <tcw-editor>: the server half (CollaborativeEditor.java) offers join /
 * push / since as @ClientCallable methods and relays the other editors' messages with
 * callJsFunction over server push. Vaadin's connection state tells the editor when it is offline.
 */
import { TcwEditor, type EditorTransport } from './tcw-editor';

type ServerApi = {
  join(): Promise<never>;
  push(updateId: string | null, update: string | null, awareness: string | null, clientId: number, lastSeq: number): Promise<never>;
  since(afterSeq: number): Promise<never>;
  missing(): Promise<never>;
  suggestionsChanged(authorsCsv: string): Promise<Record<string, string>>;
};

type ConnectionState = { state: string; addStateChangeListener(l: (prev: string, next: string) => void): void };

class VaadinTcwEditor extends TcwEditor {
  declare $server: ServerApi;

  connectedCallback() {
    super.connectedCallback();
    if (!this.transport) {
      const element = this;
      const transport: EditorTransport = {
        join: () => element.$server.join(),
        push: (id, update, awareness, clientId, lastSeq) => element.$server.push(id, update, awareness, clientId, lastSeq),
        since: (after) => element.$server.since(after),
        missing: () => element.$server.missing(),
        suggestionsChanged: (authors) => element.$server.suggestionsChanged(authors.join(',')),
        onConnectionChange(listener) {
          const store = (window as unknown as { Vaadin?: { connectionState?: ConnectionState } }).Vaadin?.connectionState;
          // 'loading' is an ordinary request in flight; only these two mean the connection is gone
          store?.addStateChangeListener((_prev, next) => listener(next !== 'reconnecting' && next !== 'connection-lost'));
        },
      };
      this.transport = transport;
    }
  }
}

customElements.define('tcw-editor', VaadinTcwEditor);
