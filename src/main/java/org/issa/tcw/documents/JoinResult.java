package org.issa.tcw.documents;

import java.util.List;

/**
 * What an editor needs before it binds to a document: the content (compacted state first, then
 * the updates after it, base64), the sequence number they reach, the presence of the editors
 * already there, whether this person may change the document, and the caret colour given to them.
 */
public record JoinResult(long seq, List<String> updates, List<String> presence, boolean editable, String color) {
}
