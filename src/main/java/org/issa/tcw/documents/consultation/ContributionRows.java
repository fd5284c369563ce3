package org.issa.tcw.documents.consultation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.issa.tcw.documents.DocumentService;
import org.issa.tcw.documents.WorkingLanguage;
import org.issa.tcw.documents.comments.CommentView;
import org.issa.tcw.documents.comments.DocumentCommentList;
import org.issa.tcw.documents.comments.DocumentComments;
import org.issa.tcw.documents.comments.SuggestionThreadList;
import org.issa.tcw.people.PersonService;
import org.issa.tcw.people.PersonSummary;
import org.issa.tcw.people.Region;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * A consultation round's contributions as its disposition log lists them ({@link ConsultationService}
 * checks who may read them first): every comment the round's participants made on the document while
 * it was open, or tagged for the round, with institution, region, tag, language and disposition.
 */
@Component
class ContributionRows {

    private final RoundStore store;
    private final DocumentComments comments;
    private final PersonService people;
    private final DocumentService documents;

    ContributionRows(RoundStore store, DocumentComments comments, PersonService people, DocumentService documents) {
        this.store = store;
        this.comments = comments;
        this.people = people;
        this.documents = documents;
    }

    /** The comments the round received, as the reader may see them (the comments feature filters). */
    List<ContributionRow> of(RoundStore.Round round) {
        Map<Long, @Nullable Long> participants = new HashMap<>();
        store.participants(round.id()).forEach(p -> participants.put(p.personId(), p.institutionId()));
        Map<Long, RoundStore.Contribution> contributions = store.contributions(round.id());
        Instant until = round.closedAt() != null && round.closedAt().isBefore(round.closesAt()) ? round.closedAt()
                : round.closesAt();
        DocumentCommentList list = comments.list(round.documentId());
        SuggestionThreadList onSuggestions = comments.suggestionThreads(round.documentId());
        List<Map.Entry<CommentView, @Nullable String>> all = new ArrayList<>();
        list.comments().forEach(c -> all.add(new java.util.AbstractMap.SimpleEntry<>(c, null)));
        onSuggestions.threads().forEach((id, c) -> all.add(new java.util.AbstractMap.SimpleEntry<>(c, id)));
        Map<Long, RoundStore.InstitutionInfo> institutions = new HashMap<>();
        store.institutions().forEach(i -> institutions.put(i.id(), i));
        Set<Long> disposers = new LinkedHashSet<>();
        contributions.values().forEach(c -> {
            if (c.disposedBy() != null) {
                disposers.add(c.disposedBy());
            }
        });
        Map<Long, PersonSummary> names = disposers.isEmpty() ? Map.of() : people.summaries(disposers);
        WorkingLanguage fallback = documents.open(round.documentId()).language();
        List<ContributionRow> rows = new ArrayList<>();
        for (Map.Entry<CommentView, @Nullable String> e : all) {
            CommentView c = e.getKey();
            RoundStore.Contribution k = contributions.get(c.id());
            boolean inWindow = participants.containsKey(c.authorId()) && !c.createdAt().isBefore(round.openedAt())
                    && c.createdAt().isBefore(until);
            if (k == null && !inWindow) {
                continue;
            }
            Long institutionId = participants.get(c.authorId());
            RoundStore.InstitutionInfo inst = institutionId == null ? null : institutions.get(institutionId);
            PersonSummary disposer = k == null || k.disposedBy() == null ? null : names.get(k.disposedBy());
            rows.add(new ContributionRow(c.id(), c.authorId(), c.authorName(), inst == null ? null : inst.label(),
                    inst == null ? null : inst.region(), c.createdAt(), k == null ? CommentTag.GENERAL : k.tag(),
                    k == null ? fallback : k.language(), c.quote(), org.jsoup.Jsoup.parse(c.html()).text(),
                    e.getValue(), k == null ? null : k.disposition(), k == null ? null : k.reason(),
                    disposer == null ? null : disposer.displayName(), k == null ? null : k.disposedAt()));
        }
        rows.sort(Comparator.comparing(ContributionRow::createdAt).thenComparing(ContributionRow::commentId));
        return rows;
    }

    static RoundSummary summarize(List<ContributionRow> rows) {
        Map<String, Integer> perInstitution = new TreeMap<>();
        Map<Region, Integer> perRegion = new EnumMap<>(Region.class);
        Map<CommentTag, Integer> perTag = new EnumMap<>(CommentTag.class);
        int disposed = 0;
        for (ContributionRow r : rows) {
            perInstitution.merge(r.institution() == null ? "—" : r.institution(), 1, Integer::sum);
            if (r.region() != null) {
                perRegion.merge(r.region(), 1, Integer::sum);
            }
            perTag.merge(r.tag(), 1, Integer::sum);
            if (r.disposition() != null) {
                disposed++;
            }
        }
        return new RoundSummary(rows.size(), disposed, perInstitution, perRegion, perTag);
    }
}
