package org.issa.tcw.documents;

import java.util.List;
import org.springframework.context.ApplicationContext;

/** Test fixtures of other packages' tests that need a document's content (the log is package-private). */
public final class DocumentFixtures {

    private DocumentFixtures() {
    }

    /** Types {@code text} at the end of the document (in a new paragraph when asked), as an editor's update. */
    public static void type(ApplicationContext context, long documentId, String text, boolean newParagraph) {
        DocumentLog log = context.getBean(DocumentLog.class);
        YjsEngine engine = context.getBean(YjsEngine.class);
        byte[] update = engine.typeText(log.content(documentId).updates(), text, newParagraph).join();
        log.append(documentId, null, update, null);
    }

    /**
     * Types {@code text} at the end of the document as the relay stores an editor's update: appended
     * to the log, then handed to the background maintenance, which derives the text a moment later.
     */
    public static void typeAsEditor(ApplicationContext context, long documentId, String text) {
        DocumentLog log = context.getBean(DocumentLog.class);
        YjsEngine engine = context.getBean(YjsEngine.class);
        byte[] update = engine.typeText(log.content(documentId).updates(), text, false).join();
        DocumentLog.Appended appended = log.append(documentId, null, update, null);
        context.getBean(DocumentMaintenance.class).edited(documentId, appended.seq(), 1, update.length);
    }

    /**
     * The relay's part of one keystroke, timed (milliseconds): the update stored in the log (its own
     * transaction, committed), then, when {@code render}, handed to the background maintenance as
     * the relay does (which renders the text and so makes the search feature reindex the document).
     * The Yjs update is made before the clock starts.
     */
    public static double timedKeystroke(ApplicationContext context, long documentId, String text, boolean render) {
        DocumentLog log = context.getBean(DocumentLog.class);
        YjsEngine engine = context.getBean(YjsEngine.class);
        byte[] update = engine.typeText(log.content(documentId).updates(), text, false).join();
        long started = System.nanoTime();
        DocumentLog.Appended appended = log.append(documentId, null, update, null);
        if (render) {
            context.getBean(DocumentMaintenance.class).edited(documentId, appended.seq(), 1, update.length);
        }
        return (System.nanoTime() - started) / 1e6;
    }

    /**
     * Suggests inserting {@code text} at offset {@code at} of the text of the document's paragraph
     * {@code paragraph}, under suggestion id {@code id} ("person:time:random"), as an editor in
     * Suggesting mode would send it.
     */
    public static void suggest(ApplicationContext context, long documentId, int paragraph, int at, String text,
            String id) {
        DocumentLog log = context.getBean(DocumentLog.class);
        YjsEngine engine = context.getBean(YjsEngine.class);
        String ops = "[{\"op\":\"insert\",\"path\":[" + paragraph + "],\"at\":" + at + ",\"text\":\""
                + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\",\"attrs\":{\"insertion\":{\"id\":\"" + id + "\"}}}]";
        log.append(documentId, null, engine.edit(log.content(documentId).updates(), ops).join(), null);
    }

    /** Applies scripted edits ({@code YjsEngine.edit}'s ops) as one update by a fresh editor. */
    public static void edit(ApplicationContext context, long documentId, String opsJson) {
        DocumentLog log = context.getBean(DocumentLog.class);
        YjsEngine engine = context.getBean(YjsEngine.class);
        log.append(documentId, null, engine.edit(log.content(documentId).updates(), opsJson).join(), null);
    }

    /** Compacts the document's log into one state now (as the background maintenance does). */
    public static void compact(ApplicationContext context, long documentId) {
        context.getBean(DocumentMaintenance.class).compactNow(documentId);
    }

    /** The anchor an editor makes for the first occurrence of {@code quote}: [from, to], base64. */
    public static List<String> anchor(ApplicationContext context, long documentId, String quote) {
        DocumentLog log = context.getBean(DocumentLog.class);
        List<String> anchor = context.getBean(YjsEngine.class).anchorFor(log.content(documentId).updates(), quote)
                .join();
        if (anchor.isEmpty()) {
            throw new IllegalArgumentException("not in the document: " + quote);
        }
        return anchor;
    }
}
