package org.issa.tcw.documents.consultation;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.issa.tcw.base.UserFacingException;
import org.issa.tcw.cluster.CacheHints;
import org.issa.tcw.cluster.NodeCache;
import org.issa.tcw.commission.CommissionAccess;
import org.issa.tcw.commission.CommissionAction;
import org.issa.tcw.documents.DocumentGrants;
import org.issa.tcw.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What taking part in a consultation round allows on its document: reading it (while the round is
 * open and after it closed), commenting and suggesting — suggest-only — until the deadline. After
 * it, input is refused with the date the round closed. The rounds of a document are read at most
 * every {@link #CACHE_NANOS} (the relay asks at every keystroke); this node forgets them when it
 * opens or closes one.
 */
@Component
class ConsultationGrants implements DocumentGrants {

    static final long CACHE_NANOS = 5_000_000_000L;

    private final RoundStore store;
    private final CurrentUser currentUser;
    private final CommissionAccess access;
    private final Clock clock;
    /** The rounds read on this node per document; opening or closing one makes every node forget them (ADR 101). */
    private final NodeCache<List<Grant>> cache;

    ConsultationGrants(RoundStore store, CurrentUser currentUser, CommissionAccess access, Clock clock,
            CacheHints cacheHints) {
        this.cache = new NodeCache<>("consultation.grants", CACHE_NANOS, cacheHints);
        this.store = store;
        this.currentUser = currentUser;
        this.access = access;
        this.clock = clock;
    }

    /** A round as the grants need it, with its participants and their institutions. */
    record Grant(long roundId, RoundState state, Instant closesAt, boolean othersVisible,
            Map<Long, @Nullable Long> participants) {

        boolean openAt(Instant now) {
            return state == RoundState.OPEN && now.isBefore(closesAt);
        }
    }

    @Override
    public boolean grants(long documentId, CommissionAction action) {
        Long me = currentUser.personId().orElse(null);
        if (me == null || action != CommissionAction.READ && action != CommissionAction.COMMENT_DRAFT) {
            return false;
        }
        List<Grant> mine = mine(documentId, me);
        if (mine.isEmpty()) {
            return false;
        }
        if (action == CommissionAction.READ) {
            return true;
        }
        Instant now = clock.instant();
        if (mine.stream().anyMatch(g -> g.openAt(now))) {
            return true;
        }
        Instant closed = mine.stream().map(Grant::closesAt).max(Instant::compareTo).orElseThrow();
        throw new UserFacingException("consultation.closed", closed.atZone(ZoneOffset.UTC).toLocalDate()
                .minusDays(1).toString());
    }

    @Override
    public boolean suggestOnly(long documentId, long commissionId) {
        Long me = currentUser.personId().orElse(null);
        if (me == null) {
            return false;
        }
        boolean participant = mine(documentId, me).stream().anyMatch(g -> g.state() == RoundState.OPEN);
        return participant && !access.may(CommissionAction.REVIEW_DRAFT, commissionId);
    }

    @Override
    public @Nullable Set<Long> visibleAuthors(long documentId, long commissionId) {
        Long me = currentUser.personId().orElse(null);
        if (me == null) {
            return Set.of();
        }
        List<Grant> mine = mine(documentId, me);
        if (mine.isEmpty() || mine.stream().anyMatch(Grant::othersVisible)) {
            return null;
        }
        Set<Long> visible = new HashSet<>();
        visible.add(me);
        for (Grant g : mine) {
            Long institution = g.participants().get(me);
            if (institution != null) {
                g.participants().forEach((person, inst) -> {
                    if (institution.equals(inst)) {
                        visible.add(person);
                    }
                });
            }
        }
        return visible;
    }

    /** The rounds of the document in which this person takes part. */
    List<Grant> mine(long documentId, long personId) {
        return rounds(documentId).stream().filter(g -> g.participants().containsKey(personId)).toList();
    }

    /** Every round of the document (read at most every few seconds). */
    List<Grant> rounds(long documentId) {
        return cache.get(documentId, this::read);
    }

    private List<Grant> read(long documentId) {
        List<RoundStore.Round> rounds = store.ofDocument(documentId);
        if (rounds.isEmpty()) {
            return List.of();
        }
        Map<Long, Map<Long, @Nullable Long>> participants = store.participants(
                rounds.stream().map(RoundStore.Round::id).toList());
        return rounds.stream().map(r -> new Grant(r.id(), r.state(), r.closesAt(), r.othersVisible(),
                Objects.requireNonNullElse(participants.get(r.id()), Map.<Long, @Nullable Long>of()))).toList();
    }

    /**
     * Forgets what every node read about the document (a round was opened or closed): this one now
     * and when the transaction ends, the others after the commit.
     */
    void forget(long documentId) {
        cache.forget(documentId);
    }
}
