package org.issa.tcw.discussion;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.issa.tcw.discussion.domain.Post;
import org.issa.tcw.discussion.domain.PostRepository;
import org.issa.tcw.discussion.domain.ReactedRepository;
import org.issa.tcw.discussion.domain.ReactionSummary;
import org.issa.tcw.discussion.domain.ReplyTarget;
import org.issa.tcw.people.PersonService;
import org.issa.tcw.people.PersonSummary;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Builds {@link PostView}s for a page of posts in a fixed number of queries (names, replied-to
 * posts, reaction counts), whatever the page size: no query per post.
 */
@Component
class PostViews {

    private final PersonService people;
    private final PostRepository posts;
    private final ReactedRepository reactions;

    PostViews(PersonService people, PostRepository posts, ReactedRepository reactions) {
        this.people = people;
        this.posts = posts;
        this.reactions = reactions;
    }

    List<PostView> of(List<Post> page, long reader, boolean moderator) {
        if (page.isEmpty()) {
            return List.of();
        }
        Set<Long> replyIds = new HashSet<>();
        page.forEach(p -> {
            if (p.getReplyToId() != null) {
                replyIds.add(p.getReplyToId());
            }
        });
        Map<Long, long[]> replyTargets = new HashMap<>();
        if (!replyIds.isEmpty()) {
            for (ReplyTarget target : posts.replyTargets(replyIds)) {
                replyTargets.put(target.id(), new long[] {target.seq(), target.authorId()});
            }
        }
        Set<Long> personIds = new HashSet<>();
        page.forEach(p -> personIds.add(p.getAuthorId()));
        replyTargets.values().forEach(t -> personIds.add(t[1]));
        Map<Long, PersonSummary> names = people.summaries(personIds);
        Map<Long, List<PostView.ReactionCount>> counts = new HashMap<>();
        for (ReactionSummary row : reactions.summary(page.stream().map(Post::getId).toList(), reader)) {
            counts.computeIfAbsent(row.postId(), k -> new ArrayList<>()).add(new PostView.ReactionCount(
                    row.reaction(), row.count(), row.byReader() > 0));
        }
        counts.values().forEach(list -> list.sort(java.util.Comparator.comparing(PostView.ReactionCount::reaction)));
        List<PostView> result = new ArrayList<>(page.size());
        for (Post p : page) {
            long[] target = p.getReplyToId() == null ? null : replyTargets.get(p.getReplyToId());
            result.add(view(p, name(names, p.getAuthorId()), target == null ? null : target[0],
                    target == null ? null : name(names, target[1]), counts.getOrDefault(p.getId(), List.of()),
                    moderator));
        }
        return result;
    }

    PostView of(Post post, long reader, boolean moderator) {
        return of(List.of(post), reader, moderator).get(0);
    }

    static PostView view(Post p, String authorName, @Nullable Long replyToSeq, @Nullable String replyToAuthor,
            List<PostView.ReactionCount> reactions, boolean moderator) {
        boolean visible = !p.isDeleted() && !p.isHidden();
        // Moderators still see a hidden post's text (to review or show it again); nobody sees a removed one.
        boolean showText = visible || moderator && !p.isDeleted();
        return new PostView(p.getId(), p.getThreadId(), p.getSeq(), p.getAuthorId(), authorName,
                showText ? p.getHtml() : "", showText ? p.getBody() : "", p.getCreatedAt(), p.getEditedAt() != null,
                p.isDeleted(), p.getHiddenReason(), replyToSeq, replyToAuthor, reactions, p.getVersion());
    }

    static String name(Map<Long, PersonSummary> names, long personId) {
        PersonSummary s = names.get(personId);
        return s == null ? "?" : Objects.requireNonNull(s.displayName());
    }

    Map<Long, PersonSummary> names(Collection<Long> ids) {
        return people.summaries(ids);
    }
}
