package org.issa.tcw.documents;

/** What the editor page shows around the editor, and whether the signed-in person may change the text. */
public record DocumentHeader(long id, String title, DocumentKind kind, WorkingLanguage language, long commissionId,
        String commissionCode, String commissionName, boolean editable, boolean deletable, long version) {
}
