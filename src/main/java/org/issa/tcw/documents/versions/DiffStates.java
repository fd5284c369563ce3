package org.issa.tcw.documents.versions;

import java.util.List;

/**
 * The states the read-only diff editor renders: {@code before} is a version's Yjs state (V2);
 * {@code after} is either one version's state (V2, {@code afterIsV2}) or the document's current
 * log (V1 updates, compacted state first), which the browser merges and converts. {@code authors}:
 * the people whose Yjs clients wrote in the document, each with a colour, so inserted text is
 * coloured per author (docs/adr/090).
 */
public record DiffStates(byte[] before, List<byte[]> after, boolean afterIsV2, List<Author> authors) {

    /** A person who wrote in the document: name, colour (from the caret palette) and Yjs client ids. */
    public record Author(long personId, String name, String color, List<Long> clients) {
    }
}
