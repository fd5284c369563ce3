package org.issa.tcw.mail;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jspecify.annotations.Nullable;

/**
 * The new text of a reply e-mail, as Markdown for a post: the plain-text part (else the HTML part
 * reduced to text — tags dropped, nothing of the HTML kept), without the quoted history ("On … wrote:"
 * in English, French, Spanish and German, Outlook's header block and separators, a trailing block of
 * {@code >} lines, quoted HTML) and without the signature ({@code -- }, "Sent from my …").
 * Attachments are left out. Interleaved {@code >} quotes above one's own text stay: they are
 * Markdown quotes.
 */
final class ReplyText {

    /** A line that starts the quoted history (one line, or the join of two for wrapped headers). */
    private static final List<Pattern> QUOTE_HEADERS = List.of(
            Pattern.compile("^on\\b.{0,300}\\bwrote:\\s*$"),
            Pattern.compile("^le\\b.{0,300}\\ba écrit\\s?:\\s*$"),
            Pattern.compile("^el\\b.{0,300}\\bescribió:\\s*$"),
            Pattern.compile("^am\\b.{0,300}\\bschrieb.{0,200}:\\s*$"),
            Pattern.compile("^-{2,}\\s*(original message|message d'origine|mensaje original|ursprüngliche nachricht"
                    + "|forwarded message|message transféré|mensaje reenviado|weitergeleitete nachricht)\\s*-{2,}\\s*$"),
            Pattern.compile("^_{10,}\\s*$"));
    private static final Pattern OUTLOOK_FROM = Pattern.compile("^\\*?(from|de|von)\\s?:\\*?\\s.+");
    private static final Pattern OUTLOOK_NEXT = Pattern.compile("^\\*?(sent|date|envoyé|enviado|fecha|gesendet|datum"
            + "|to|à|para|an)\\s?:\\*?\\s.*");
    private static final Pattern SIGNATURE = Pattern.compile("^(sent from my .*|envoyé de mon .*|enviado desde mi .*"
            + "|von meinem .* gesendet\\.?|get outlook for .*|obtenir outlook pour .*)$");

    private ReplyText() {
    }

    /** The new text of the message; empty when there is none. */
    static String of(Part message) throws MessagingException, IOException {
        String plain = part(message, "text/plain");
        if (plain != null) {
            return newText(plain);
        }
        String html = part(message, "text/html");
        return html == null ? "" : newText(htmlToText(html));
    }

    /** The first inline part of the type (attachments are skipped). */
    private static @Nullable String part(Part part, String type) throws MessagingException, IOException {
        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return null;
        }
        if (part.isMimeType(type)) {
            Object content = part.getContent();
            return content instanceof String s ? s : null;
        }
        if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String found = part(child, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** The text before the quoted history and the signature. */
    static String newText(String text) {
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        int end = lines.length;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip().toLowerCase(Locale.ROOT);
            String joined = i + 1 < lines.length ? line + " " + lines[i + 1].strip().toLowerCase(Locale.ROOT) : line;
            boolean signature = lines[i].stripTrailing().equals("--") || lines[i].equals("-- ")
                    || SIGNATURE.matcher(line).matches();
            if (signature || startsHistory(line) || !line.isEmpty() && startsHistory(joined) || outlookHeader(lines, i)) {
                end = i;
                break;
            }
        }
        // a trailing block of quoted lines (the history quoted below the reply, without a header line)
        int last = end - 1;
        while (last >= 0 && (lines[last].isBlank() || lines[last].stripLeading().startsWith(">"))) {
            last--;
        }
        var kept = new StringBuilder();
        for (int i = 0; i <= last; i++) {
            kept.append(lines[i].stripTrailing()).append('\n');
        }
        return kept.toString().replaceAll("\n{3,}", "\n\n").strip();
    }

    private static boolean startsHistory(String lowerLine) {
        for (Pattern p : QUOTE_HEADERS) {
            if (p.matcher(lowerLine).matches()) {
                return true;
            }
        }
        return false;
    }

    private static boolean outlookHeader(String[] lines, int i) {
        if (!OUTLOOK_FROM.matcher(lines[i].strip().toLowerCase(Locale.ROOT)).matches()) {
            return false;
        }
        for (int j = i + 1; j < Math.min(lines.length, i + 4); j++) {
            if (OUTLOOK_NEXT.matcher(lines[j].strip().toLowerCase(Locale.ROOT)).matches()) {
                return true;
            }
        }
        return false;
    }

    /**
     * An HTML part as plain text: the quoted parts mail programs mark (Gmail, Apple Mail, Outlook,
     * Thunderbird) removed first, then only the text of what is left, with paragraphs and line breaks.
     */
    static String htmlToText(String html) {
        Document doc = Jsoup.parse(html);
        doc.select("script, style, head, title").remove();
        doc.select("blockquote[type=cite], .gmail_quote, .gmail_signature, .moz-cite-prefix, .moz-signature,"
                + " #appendonsend, .yahoo_quoted, [data-signature]").remove();
        Element outlook = doc.selectFirst("#divRplyFwdMsg, #mail-editor-reference-message-container");
        if (outlook != null) {
            // Outlook puts the history after this marker, in the same parent
            removeFrom(outlook);
        }
        var out = new StringBuilder();
        text(doc.body(), out);
        return out.toString().replace('\u00a0', ' ').replaceAll("[ \t]+\n", "\n").replaceAll("\n{3,}", "\n\n").strip();
    }

    /** Removes the marker and everything after it in document order. */
    private static void removeFrom(Element marker) {
        for (Element e = marker; e != null && !"body".equals(e.normalName()); e = e.parent()) {
            List<Node> after = new ArrayList<>();
            for (Node sibling = e.nextSibling(); sibling != null; sibling = sibling.nextSibling()) {
                after.add(sibling);
            }
            after.forEach(Node::remove);
        }
        marker.remove();
    }

    private static void text(Node node, StringBuilder out) {
        for (Node child : node.childNodes()) {
            if (child instanceof TextNode t) {
                out.append(t.text());
            } else if (child instanceof Element e) {
                String tag = e.normalName();
                if ("br".equals(tag)) {
                    out.append('\n');
                    continue;
                }
                boolean block = e.isBlock() || "li".equals(tag);
                if (block && !out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
                    out.append('\n');
                }
                if ("li".equals(tag)) {
                    out.append("- ");
                }
                text(e, out);
                if (block) {
                    out.append(List.of("p", "div", "ul", "ol", "h1", "h2", "h3", "h4", "pre", "table").contains(tag)
                            ? "\n\n" : "\n");
                }
            }
        }
    }
}
