package org.issa.tcw.documents.versions;

import java.util.List;
import org.issa.tcw.documents.DocumentDeletions;

/**
 * The states the read-only diff editor renders: {@code before} is a version's Yjs state (V2);
 * {@code after} is either one version's state (V2, {@code afterIsV2}) or the document's current
 * log (V1 updates, compacted state first), which the browser merges and converts. {@code authors}:
 * the people whose Yjs clients wrote in the document, each with a colour, so inserted text is
 * coloured per author (docs/adr/090). {@code deletions}: who deleted which runs of items (by the
 * items' ids), so deleted text is coloured per deleter (docs/adr/091); a run without a person was
 * deleted before the recording began.
 */
public record DiffStates(byte[] before, List<byte[]> after, boolean afterIsV2, List<Author> authors,
        List<DocumentDeletions.Run> deletions) {

    /**
     * A person who wrote or deleted in the document: name, colour (from the caret palette) and Yjs
     * client ids (none for someone who only deleted).
     */
    public record Author(long personId, String name, String color, List<Long> clients) {
    }
}
