package org.issa.tcw.documents.browser;

import java.util.List;

/**
 * The other people's carets in one page's {@code <tcw-editor>}, read in the page: the labels
 * drawn, the presence (y-protocols awareness) the page holds, and, once {@link #record} was
 * called, what arrived for them and whether each caret could be placed at that moment. Shared by
 * the browser tests on one node and on several.
 */
public final class Carets {

    private Carets() {
    }

    /** The names on the other people's carets that are drawn: in the page, with a size, not hidden. */
    @SuppressWarnings("unchecked")
    public static List<String> labels(EditorPage page) {
        return (List<String>) page.js("""
                return [...document.querySelectorAll('tcw-editor .ProseMirror .collaboration-carets__label')]
                    .filter((l) => {
                      const r = l.getBoundingClientRect();
                      const cs = getComputedStyle(l);
                      return r.width > 0 && r.height > 0 && cs.visibility !== 'hidden' && cs.display !== 'none'
                          && Number(cs.opacity) > 0;
                    })
                    .map((l) => l.textContent);""");
    }

    /** Whether the page holds the presence of {@code name}'s editor (another Yjs client) with a caret. */
    public static boolean holds(EditorPage page, String name) {
        return Boolean.TRUE.equals(page.js("""
                const e = document.querySelector('tcw-editor');
                return !!e && !!e.awareness && [...e.awareness.getStates()].some(([id, st]) => id !== e.ydoc.clientID
                    && st.user && st.user.name === arguments[0] && !!st.cursor);
                """, name));
    }

    /**
     * What the page holds (for failures): its client id, focus, the caret plugin's decorations, and
     * each presence with its clock, name, caret and whether the items the caret points at are in
     * the page's document yet.
     */
    public static String presence(EditorPage page) {
        return String.valueOf(page.js(PROBE + """
                const e = document.querySelector('tcw-editor');
                if (!e || !e.editor) return 'no editor';
                return JSON.stringify({me: e.ydoc.clientID, focus: e.editor.view.hasFocus(), drawn: probe.drawn(),
                    decorations: probe.decorations(), states: probe.states()});
                """));
    }

    /**
     * From now on the page records what reaches its editor for the others' carets: each presence
     * (client id, clock, name, whether its caret's items are in the document), update and departure,
     * with the labels drawn right after it (read with {@link #arrivals}).
     */
    public static void record(EditorPage page) {
        page.js(PROBE + """
                const e = document.querySelector('tcw-editor');
                if (e.__caretLog) return;
                const log = e.__caretLog = [];
                const t0 = performance.now();
                const note = (entry) => {
                  entry.t = Math.round(performance.now() - t0);
                  log.push(entry);
                  if (log.length > 300) log.shift();
                };
                const wrap = (name, describe) => {
                  const original = e[name].bind(e);
                  e[name] = (...args) => {
                    const entry = describe(...args);
                    try {
                      original(...args);
                    } catch (err) {
                      entry.error = String(err);
                      throw err;
                    } finally {
                      entry.drawn = probe.drawn();
                      entry.placeable = probe.states().filter((st) => st.id !== e.ydoc.clientID && st.caret)
                          .map((st) => st.id + ':' + st.caret.known);
                      note(entry);
                    }
                  };
                };
                window.addEventListener('error', (ev) => note({kind: 'error', message: String(ev.message)}));
                wrap('receivePresence', (b64) => ({kind: 'presence', got: probe.decode(b64).map((s) => ({id: s.id,
                    clock: s.clock, user: s.state && s.state.user ? s.state.user.name : null,
                    caret: s.state && s.state.cursor ? probe.known(s.state.cursor) : null}))}));
                wrap('receiveUpdate', (seq) => ({kind: 'update', seq}));
                wrap('peersLeft', (csv) => ({kind: 'left', ids: csv}));
                """);
    }

    /** What {@link #record} noted, oldest first, as JSON (the last 300 entries). */
    public static String arrivals(EditorPage page) {
        return String.valueOf(page.js("""
                const e = document.querySelector('tcw-editor');
                return JSON.stringify(e && e.__caretLog ? e.__caretLog : 'not recording');
                """));
    }

    /** Helpers for the scripts above, in the page: {@code probe}. */
    private static final String PROBE = """
            const probe = (() => {
              const el = () => document.querySelector('tcw-editor');
              const stateOf = (client) => {
                const structs = el().ydoc.store.clients.get(client);
                if (!structs || structs.length === 0) return 0;
                const last = structs[structs.length - 1];
                return last.id.clock + last.length;
              };
              const idKnown = (id) => !id || stateOf(id.client) > id.clock;
              return {
                drawn: () => [...document.querySelectorAll('tcw-editor .collaboration-carets__label')].map((l) => l.textContent),
                decorations: () => {
                  const set = el().editor.view.state['yjs-cursor$'];
                  return set && set.find ? set.find().length : -1;
                },
                known: (cursor) => ({anchor: cursor.anchor, known: idKnown(cursor.anchor && cursor.anchor.item)
                    && idKnown(cursor.anchor && cursor.anchor.type) && idKnown(cursor.head && cursor.head.item)
                    && idKnown(cursor.head && cursor.head.type)}),
                states: () => [...el().awareness.getStates()].map(([id, st]) => ({id,
                    clock: (el().awareness.meta.get(id) || {}).clock, user: st.user ? st.user.name : null,
                    color: st.user ? st.user.color : null, caret: st.cursor ? probe.known(st.cursor) : null})),
                decode: (b64) => {
                  const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
                  let i = 0;
                  const uint = () => {
                    let n = 0, mult = 1;
                    for (;;) {
                      const b = bytes[i++];
                      n += (b & 127) * mult;
                      mult *= 128;
                      if (b < 128) return n;
                    }
                  };
                  const str = () => {
                    const len = uint();
                    const s = new TextDecoder().decode(bytes.subarray(i, i + len));
                    i += len;
                    return s;
                  };
                  const out = [];
                  for (let k = uint(); k > 0; k--) {
                    const id = uint();
                    const clock = uint();
                    out.push({id, clock, state: JSON.parse(str())});
                  }
                  return out;
                },
              };
            })();
            """;
}
