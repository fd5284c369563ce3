package org.issa.tcw.documents;

import java.util.List;

/**
 * What an editor needs before it binds to a document: the content (compacted state first, then
 * the updates after it, base64), the sequence number they reach, the presence of the editors
 * already there, whether this person may change the document, the caret colour given to them, and
 * whether they may change it only by suggesting (the server checks every update of theirs).
 */
public record JoinResult(long seq, List<String> updates, List<String> presence, boolean editable, String color,
        boolean suggestOnly) {
}
