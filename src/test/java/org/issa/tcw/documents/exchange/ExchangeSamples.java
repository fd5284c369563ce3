package org.issa.tcw.documents.exchange;

/** Document content (ProseMirror JSON) used by the exchange tests and benchmarks. */
final class ExchangeSamples {

    private ExchangeSamples() {
    }

    static String text(String s, String... marks) {
        StringBuilder m = new StringBuilder();
        for (String mark : marks) {
            m.append(m.isEmpty() ? "" : ",").append(mark);
        }
        return "{\"type\":\"text\",\"text\":\"" + s + "\"" + (marks.length == 0 ? "" : ",\"marks\":[" + m + "]") + "}";
    }

    static String block(String type, String attrs, String... content) {
        return "{\"type\":\"" + type + "\"" + (attrs.isEmpty() ? "" : ",\"attrs\":" + attrs)
                + ",\"content\":[" + String.join(",", content) + "]}";
    }

    static String p(String... content) {
        return block("paragraph", "", content);
    }

    static String cell(String type, int colspan, int rowspan, String text) {
        return block(type, "{\"colspan\":" + colspan + ",\"rowspan\":" + rowspan + "}", p(text(text)));
    }

    /**
     * Headings, marks, a link, nested lists, a table with merged cells, Cyrillic and Greek names and
     * (with a person id) a suggested insertion and deletion by that person.
     */
    static String rich(long suggester, long timeMillis) {
        String ins = "{\"type\":\"insertion\",\"attrs\":{\"id\":\"" + suggester + ":" + Long.toString(timeMillis, 36) + ":abc\"}}";
        String del = "{\"type\":\"deletion\",\"attrs\":{\"id\":\"" + suggester + ":" + Long.toString(timeMillis, 36) + ":def\"}}";
        return "{\"type\":\"doc\",\"content\":["
                + block("heading", "{\"level\":1}", text("Introduction")) + ","
                + p(text("Plain "), text("bold", "{\"type\":\"bold\"}"), text(" "), text("italic", "{\"type\":\"italic\"}"),
                        text(" "), text("underlined", "{\"type\":\"underline\"}"), text(" "),
                        text("struck", "{\"type\":\"strike\"}"), text(" and a "),
                        text("link", "{\"type\":\"link\",\"attrs\":{\"href\":\"https://www.issa.int\"}}"),
                        text(" by Дмитрий Иванов and Γιώργος Παπαδόπουλος.")) + ","
                + block("heading", "{\"level\":2}", text("Findings")) + ","
                + block("bulletList", "", block("listItem", "", p(text("Level one")),
                        block("bulletList", "", block("listItem", "", p(text("Level two")))))) + ","
                + block("orderedList", "{\"start\":1}", block("listItem", "", p(text("First step"))),
                        block("listItem", "", p(text("Second step")))) + ","
                + block("table", "",
                        block("tableRow", "", cell("tableHeader", 2, 1, "Merged header")),
                        block("tableRow", "", cell("tableCell", 1, 2, "Tall"), cell("tableCell", 1, 1, "B2")),
                        block("tableRow", "", cell("tableCell", 1, 1, "B3"))) + ","
                + p(text("We propose "), text("new words", ins), text(" and "), text("old words", del), text("."))
                + "]}";
    }
}
