package org.issa.tcw.base;

import java.util.List;

/** Names an outside tester typed into every title and name field: controls, NUL, bidi overrides, invisible-only text. */
public final class HostileText {

    public static final String RLO = "invoice\u202Efdp.exe";
    public static final String BELL = "Milestone \u0007 with a bell";
    public static final String NUL = "Title\u0000with NUL";
    public static final String C1 = "Next\u0085line\u009Bcontrol";
    public static final String ISOLATE = "name\u2066hidden\u2069";
    public static final String EMBEDDING = "\u202Bembedded\u202C";
    public static final String ESCAPE = "\u001B[31mred";
    public static final String INVISIBLE = "\u200B\u200C\u200D\u2060\uFEFF";
    public static final String FILLER = "\u3164\u3164";
    public static final String BLANK = " \u00A0\u2003 ";

    public static final List<String> SAMPLES = List.of(RLO, BELL, NUL, C1, ISOLATE, EMBEDDING, ESCAPE, INVISIBLE,
            FILLER, BLANK);

    private HostileText() {
    }
}
