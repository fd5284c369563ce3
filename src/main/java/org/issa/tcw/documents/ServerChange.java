package org.issa.tcw.documents;

import java.util.List;

/**
 * A change the server makes to a document (e.g. accepting a suggestion): computed from the
 * document's current log, under the document's lock, as one Yjs update (empty: nothing to change).
 */
@FunctionalInterface
public interface ServerChange {

    byte[] compute(List<byte[]> log);
}
