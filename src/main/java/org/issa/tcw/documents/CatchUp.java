package org.issa.tcw.documents;

import java.util.List;

/** The updates an editor missed (base64, in order) and the sequence number they reach. */
public record CatchUp(long seq, List<String> updates) {
}
