package org.issa.tcw.discussion;

import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Renders a new or edited post's Markdown ({@link PostMarkdown}: commonmark, then the sanitizer,
 * then the mentions). A bean of its own, used by {@link PostWriter}, so that the moment rendering
 * happens is observable: a reply renders before it takes its thread's row lock (ADR 113), and
 * {@code ReplyLockTest} holds a rendering on purpose to prove that another reply is stored meanwhile.
 */
@Component
class PostRendering {

    /**
     * @param members lower-case username → display name of the people that may be mentioned
     */
    PostMarkdown.Rendered render(String markdown, Map<String, String> members) {
        return PostMarkdown.render(markdown, members);
    }
}
