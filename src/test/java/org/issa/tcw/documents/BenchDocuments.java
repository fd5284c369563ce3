package org.issa.tcw.documents;

import org.issa.tcw.documents.browser.RunningApp;

/** Content for the browser benchmarks in other test packages (the log is package-private). */
public final class BenchDocuments {

    private BenchDocuments() {
    }

    /** Appends {@code text} as one paragraph to the document's log, as one pasted update. */
    public static void paste(long documentId, String text) {
        YjsEngine engine = RunningApp.bean(YjsEngine.class);
        DocumentLog log = RunningApp.bean(DocumentLog.class);
        log.append(documentId, "paste", engine.typeText(log.content(documentId).updates(), text, false).join(), null);
    }
}
