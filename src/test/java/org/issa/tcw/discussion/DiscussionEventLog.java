package org.issa.tcw.discussion;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Records the events the discussion feature publishes for others (tests read them). */
@Component
public class DiscussionEventLog {

    final List<PersonMentioned> mentions = new CopyOnWriteArrayList<>();
    final List<PostCreated> created = new CopyOnWriteArrayList<>();
    final List<ThreadModerated> moderated = new CopyOnWriteArrayList<>();

    @EventListener
    void on(PersonMentioned e) {
        mentions.add(e);
    }

    @EventListener
    void on(PostCreated e) {
        created.add(e);
    }

    @EventListener
    void on(ThreadModerated e) {
        moderated.add(e);
    }
}
