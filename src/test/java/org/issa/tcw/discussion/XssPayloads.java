package org.issa.tcw.discussion;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A corpus of cross-site scripting payloads (script tags, event handlers, javascript: and data:
 * links, SVG/MathML, encoded variants, Markdown link and image tricks) and a check that finds
 * anything executable in an HTML fragment.
 */
final class XssPayloads {

    private static final Set<String> EXECUTABLE_TAGS = Set.of("script", "iframe", "frame", "frameset", "object",
            "embed", "applet", "svg", "math", "style", "link", "meta", "base", "form", "input", "button", "textarea",
            "select", "img", "image", "video", "audio", "source", "track", "template", "portal", "noscript", "xmp",
            "marquee", "isindex", "details", "dialog");
    private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "action", "formaction", "xlink:href",
            "data", "background", "poster", "srcset", "lowsrc", "dynsrc", "code", "codebase", "cite", "ping");

    private XssPayloads() {
    }

    static List<String> all() {
        Set<String> list = new LinkedHashSet<>(List.of(
                "<script>alert(1)</script>",
                "<SCRIPT SRC=https://evil.example/xss.js></SCRIPT>",
                "<script>alert(String.fromCharCode(88,83,83))</script>",
                "<scr<script>ipt>alert(1)</scr</script>ipt>",
                "<script/src=data:,alert(1)>",
                "<script >alert(1)</script >",
                "<<script>alert(1);//<</script>",
                "<img src=x onerror=alert(1)>",
                "<IMG SRC=\"javascript:alert('XSS');\">",
                "<img src=javascript:alert(1)>",
                "<IMG SRC=JaVaScRiPt:alert('XSS')>",
                "<img src=`javascript:alert(1)`>",
                "<IMG \"\"\"><SCRIPT>alert(\"XSS\")</SCRIPT>\">",
                "<img src=\"x\" onerror=\"&#97;&#108;&#101;&#114;&#116;(1)\">",
                "<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>",
                "<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x27&#x58&#x53&#x53&#x27&#x29>",
                "<IMG SRC=\"jav\tascript:alert('XSS');\">",
                "<IMG SRC=\"jav&#x09;ascript:alert('XSS');\">",
                "<IMG SRC=\" &#14;  javascript:alert('XSS');\">",
                "<svg onload=alert(1)>",
                "<svg><script>alert(1)</script></svg>",
                "<svg><a xlink:href=\"javascript:alert(1)\"><text x=\"20\" y=\"20\">XSS</text></a></svg>",
                "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
                "<svg/onload=alert(1)//",
                "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
                "<body onload=alert(1)>",
                "<iframe src=\"javascript:alert(1)\"></iframe>",
                "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
                "<object data=\"javascript:alert(1)\"></object>",
                "<embed src=\"javascript:alert(1)\">",
                "<a href=\"javascript:alert(1)\">click</a>",
                "<a href=\"JaVaScRiPt:alert(1)\">click</a>",
                "<a href=\"&#106;avascript:alert(1)\">click</a>",
                "<a href=\"java&#0000010;script:alert(1)\">x</a>",
                "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
                "<a href=\"vbscript:msgbox(1)\">x</a>",
                "<a onmouseover=alert(1)>hover</a>",
                "<div style=\"background:url(javascript:alert(1))\">x</div>",
                "<div style=\"width: expression(alert(1));\">x</div>",
                "<style>@import 'https://evil.example/x.css';</style>",
                "<link rel=stylesheet href=javascript:alert(1)>",
                "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
                "<base href=\"javascript:alert(1)//\">",
                "<form action=\"javascript:alert(1)\"><input type=submit></form>",
                "<button formaction=javascript:alert(1)>x</button>",
                "<input onfocus=alert(1) autofocus>",
                "<select onfocus=alert(1) autofocus>",
                "<textarea onfocus=alert(1) autofocus>",
                "<video><source onerror=\"alert(1)\"></video>",
                "<audio src=x onerror=alert(1)>",
                "<details open ontoggle=alert(1)>",
                "<marquee onstart=alert(1)>",
                "<isindex type=image src=1 onerror=alert(1)>",
                "<table background=\"javascript:alert(1)\">",
                "<td background=\"javascript:alert(1)\">",
                "<div onclick=\"alert(1)\">click</div>",
                "<p onmouseover=alert(1)>text</p>",
                "<template><script>alert(1)</script></template>",
                "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
                "<xmp><img src=x onerror=alert(1)></xmp>",
                "\"><script>alert(1)</script>",
                "'><script>alert(1)</script>",
                "\" onmouseover=\"alert(1)",
                "' onmouseover='alert(1)",
                "</title><script>alert(1)</script>",
                "</textarea><script>alert(1)</script>",
                "<!--<img src=\"--><img src=x onerror=alert(1)//\">",
                "<![CDATA[<script>alert(1)</script>]]>",
                "%3Cscript%3Ealert(1)%3C/script%3E",
                "&lt;script&gt;alert(1)&lt;/script&gt;",
                "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e",
                "<scr\u0000ipt>alert(1)</scr\u0000ipt>",
                "＜script＞alert(1)＜/script＞",
                "[click](javascript:alert(1))",
                "[click](JAVASCRIPT:alert(1))",
                "[click](javascript&#58;alert(1))",
                "[click](  javascript:alert(1)  )",
                "[click](java\nscript:alert(1))",
                "[click](vbscript:msgbox(1))",
                "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
                "[click](<javascript:alert(1)>)",
                "[click](\"javascript:alert(1)\")",
                "[a](https://ok.example \"title\" onmouseover=alert(1))",
                "[a](https://ok.example\"onmouseover=\"alert(1))",
                "![img](javascript:alert(1))",
                "![img](https://x.example/x.png\" onerror=\"alert(1))",
                "![x](x \"\"onerror=\"alert(1)\")",
                "<javascript:alert(1)>",
                "<https://ok.example/\" onmouseover=\"alert(1)>",
                "[x]: javascript:alert(1)\n\n[link][x]",
                "[x]: data:text/html,<script>alert(1)</script>\n\n[link][x]",
                "javascript:alert(1)",
                "www.example.org/\"onmouseover=\"alert(1)",
                "https://example.org/<script>alert(1)</script>",
                "`<script>alert(1)</script>`",
                "```html\n<script>alert(1)</script>\n```",
                "    <script>alert(1)</script>",
                "> <script>alert(1)</script>",
                "| <img src=x onerror=alert(1)> | b |\n|---|---|\n| <script>alert(1)</script> | [x](javascript:alert(1)) |",
                "* <svg onload=alert(1)>",
                "**<img src=x onerror=alert(1)>**",
                "_<a href=javascript:alert(1)>x</a>_",
                "# <script>alert(1)</script>",
                "@<script>alert(1)</script>",
                "@member-ict<img src=x onerror=alert(1)>",
                "<a href=\"https://ok.example\" target=\"_blank\" onclick=\"alert(1)\">ok</a>",
                "<a href=\"//evil.example\">protocol-relative</a>",
                "<div id=\"x\" data-x=\"javascript:alert(1)\">x</div>",
                "<span style=\"position:fixed;top:0;left:0;width:100%;height:100%\" onmouseover=alert(1)>x</span>",
                "<a href=\"javas&#99;ript:alert(1)\">x</a>",
                "<a href=\"javascript&colon;alert(1)\">x</a>",
                "<a href=\"&#x6A;avascript:alert(1)\">x</a>",
                "<a href=\"\u0001javascript:alert(1)\">x</a>",
                "<svg><style>{}</style><img src=x onerror=alert(1)></svg>",
                "<portal src=javascript:alert(1)>",
                "<frameset onload=alert(1)>",
                "<applet code=\"javascript:alert(1)\"></applet>",
                "<dialog open onclose=alert(1)>"));
        // Encoded and case-shuffled variants of the classic ones.
        List<String> more = new ArrayList<>();
        for (String base : List.of("<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
                "[x](javascript:alert(1))")) {
            more.add(base.toUpperCase(Locale.ROOT));
            more.add(base.replace("<", "\u003C").replace(">", "\u003E"));
            more.add(base.replace("a", "&#97;"));
            more.add("  \n" + base + "\n  ");
        }
        list.addAll(more);
        return List.copyOf(list);
    }

    /** What is executable in an HTML fragment: dangerous tags, event handlers, script URLs, styles. */
    static List<String> executable(String html) {
        List<String> findings = new ArrayList<>();
        Document doc = Jsoup.parseBodyFragment(html);
        for (Element e : doc.body().getAllElements()) {
            if (EXECUTABLE_TAGS.contains(e.normalName())) {
                findings.add("tag <" + e.normalName() + ">");
            }
            for (Attribute a : e.attributes()) {
                String name = a.getKey().toLowerCase(Locale.ROOT);
                String value = a.getValue().replaceAll("[\\s\\u0000-\\u001f]", "").toLowerCase(Locale.ROOT);
                if (name.startsWith("on")) {
                    findings.add("handler " + name);
                }
                if (name.equals("style") || name.equals("srcdoc") || name.equals("formaction")) {
                    findings.add("attribute " + name);
                }
                if (URL_ATTRIBUTES.contains(name) && (value.startsWith("javascript:") || value.startsWith("vbscript:")
                        || value.startsWith("data:") || value.startsWith("//"))) {
                    findings.add("url " + name + "=" + value);
                }
                if (e.normalName().equals("a") && name.equals("href") && !(value.startsWith("http:")
                        || value.startsWith("https:") || value.startsWith("mailto:"))) {
                    findings.add("non-http link " + value);
                }
            }
            if (e.normalName().equals("a") && !e.attr("rel").contains("nofollow")) {
                findings.add("link without rel=nofollow");
            }
        }
        return findings;
    }
}
