package org.issa.tcw.documents.versions;

import java.util.List;

/**
 * The states the read-only diff editor renders: {@code before} is a version's Yjs state (V2);
 * {@code after} is either one version's state (V2, {@code afterIsV2}) or the document's current
 * log (V1 updates, compacted state first), which the browser merges and converts.
 */
public record DiffStates(byte[] before, List<byte[]> after, boolean afterIsV2) {
}
