package org.issa.tcw.discussion;

import org.issa.tcw.base.UsageCheck;
import org.issa.tcw.discussion.domain.PostRepository;
import org.springframework.stereotype.Component;

/**
 * A person who took part in discussions (wrote, reacted, was mentioned, moderated, read or
 * watched) cannot be deleted: the discussion keeps who said what. Deactivate the person instead.
 */
@Component
class PersonDiscussionUsage implements UsageCheck {

    private final PostRepository posts;

    PersonDiscussionUsage(PostRepository posts) {
        this.posts = posts;
    }

    @Override
    public String subject() {
        return "person";
    }

    @Override
    public long count(long id) {
        return posts.countReferencesToPerson(id);
    }

    @Override
    public String messageKey() {
        return "person.delete.in-discussions";
    }
}
