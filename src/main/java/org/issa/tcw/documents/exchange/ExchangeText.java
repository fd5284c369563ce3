package org.issa.tcw.documents.exchange;

import org.issa.tcw.base.UserText;

/** The one cleaning of document text that goes into or comes out of Word and PDF files. */
final class ExchangeText {

    private ExchangeText() {
    }

    /**
     * Text as the editor may hold it: NFC, without control and text-direction characters (the rule
     * of {@link UserText}; nothing XML cannot carry), but with its spaces, which separate the runs of a
     * paragraph.
     */
    static String clean(String text, boolean singleLine) {
        String s = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (cp == '\n' || cp == '\t') {
                out.append(singleLine ? ' ' : (char) cp);
            } else if (Character.getType(cp) != Character.CONTROL && Character.getType(cp) != Character.SURROGATE
                    && cp != 0xFFFE && cp != 0xFFFF && !(cp >= 0x202A && cp <= 0x202E)
                    && !(cp >= 0x2066 && cp <= 0x2069) && cp != 0x200B) {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }
}
