package org.issa.tcw.discussion;

import java.util.List;

/** Opens the XSS corpus and its checker to tests of the discussion views. */
public final class XssPayloadsAccess {

    private XssPayloadsAccess() {
    }

    public static List<String> all() {
        return XssPayloads.all();
    }

    public static List<String> executable(String html) {
        return XssPayloads.executable(html);
    }
}
