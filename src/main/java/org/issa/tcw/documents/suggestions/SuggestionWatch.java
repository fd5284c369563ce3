package org.issa.tcw.documents.suggestions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.issa.tcw.documents.SuggestionReadings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one place where a new suggestion becomes known to the server (issue 15). Suggestions are
 * marks made in the editors inside a document's Yjs content, so no service call creates them: this
 * watch reads, off the typing path, each commission document whose log advanced since it last read
 * it (at most {@link #BATCH} per run, changed in the last {@link #RECENT}), asks the engine for its
 * suggestions, and publishes {@link SuggestionAdded} for every id it has not seen before, in the
 * transaction that records the id in {@code document_suggestion_seen}: announced once, also with
 * several nodes (the second insert fails on the key and its transaction, events included, rolls
 * back). A suggestion first seen more than {@link #FRESH} after it was made (documents never read
 * before, e.g. right after this watch was installed) is recorded without being announced. Runs every
 * 30 s ({@code tcw.documents.suggestions.watch-every}); {@code tcw.documents.suggestions.watch.enabled=false}
 * stops the schedule (the tests call {@link #scan()} by hand). ADR 048.
 */
@Component
@EnableScheduling
class SuggestionWatch {

    private static final Logger log = LoggerFactory.getLogger(SuggestionWatch.class);

    static final int BATCH = 50;
    static final Duration RECENT = Duration.ofDays(2);
    static final Duration FRESH = Duration.ofDays(1);
    private static final int TEXT_MAX = 500;

    private final JdbcClient jdbc;
    private final SuggestionReadings readings;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final boolean scheduled;

    SuggestionWatch(JdbcClient jdbc, SuggestionReadings readings, TransactionTemplate tx,
            ApplicationEventPublisher events, Clock clock,
            @Value("${tcw.documents.suggestions.watch.enabled:true}") boolean scheduled) {
        this.scheduled = scheduled;
        this.jdbc = jdbc;
        this.readings = readings;
        this.tx = tx;
        this.events = events;
        this.clock = clock;
    }

    private record Changed(long id, long commissionId, String title) {
    }

    @Scheduled(fixedDelayString = "${tcw.documents.suggestions.watch-every:30s}", initialDelayString = "25s")
    @SchedulerLock(name = "documents.suggestion-watch", lockAtMostFor = "PT10M")
    void onSchedule() {
        if (scheduled) {
            scan();
        }
    }

    /** Reads the documents changed since their last reading; returns how many suggestions were announced. */
    int scan() {
        Instant now = clock.instant();
        List<Changed> changed = jdbc.sql("""
                select d.id, d.commission_id, d.title from document d
                left join document_suggestion_scan s on s.document_id = d.id
                where d.commission_id is not null and d.updated_at > :since and d.last_seq > coalesce(s.scanned_seq, -1)
                order by d.updated_at fetch first :limit rows only""")
                .param("since", now.minus(RECENT).atOffset(ZoneOffset.UTC)).param("limit", BATCH)
                .query((rs, i) -> new Changed(rs.getLong(1), rs.getLong(2), rs.getString(3))).list();
        int announced = 0;
        for (Changed d : changed) {
            try {
                announced += scan(d, now);
            } catch (DataIntegrityViolationException e) {
                log.debug("Document {}: its suggestions were recorded by another node", d.id());
            } catch (RuntimeException e) {
                log.warn("Document {}: reading its suggestions failed; tried again at its next change", d.id(), e);
            }
        }
        return announced;
    }

    private int scan(Changed d, Instant now) {
        SuggestionReadings.Reading read = readings.readForJob(d.id());
        Integer announced = tx.execute(status -> {
            Set<String> seen = new HashSet<>(jdbc.sql("select suggestion_id from document_suggestion_seen where document_id = :d")
                    .param("d", d.id()).query(String.class).list());
            int count = 0;
            for (SuggestionReadings.Suggestion s : read.suggestions()) {
                if (!seen.add(s.id())) {
                    continue;
                }
                jdbc.sql("insert into document_suggestion_seen (document_id, suggestion_id, seen_at) values (:d, :s, :now)")
                        .param("d", d.id()).param("s", s.id()).param("now", now.atOffset(ZoneOffset.UTC)).update();
                Long author = s.authorId();
                long madeAt = SuggestionService.madeAt(s.id());
                if (author != null && madeAt > now.minus(FRESH).toEpochMilli()) {
                    events.publishEvent(new SuggestionAdded(d.id(), d.commissionId(), s.id(), author, name(author),
                            d.title(), cut(s.text())));
                    count++;
                }
            }
            if (jdbc.sql("update document_suggestion_scan set scanned_seq = :seq where document_id = :d")
                    .param("seq", read.seq()).param("d", d.id()).update() == 0) {
                jdbc.sql("insert into document_suggestion_scan (document_id, scanned_seq) values (:d, :seq)")
                        .param("d", d.id()).param("seq", read.seq()).update();
            }
            return count;
        });
        return announced == null ? 0 : announced;
    }

    private String name(long personId) {
        return jdbc.sql("select first_name, last_name from person where id = :p").param("p", personId)
                .query((rs, i) -> {
                    String first = rs.getString(1);
                    return (first == null || first.isBlank() ? "" : first + " ") + rs.getString(2);
                }).optional().orElse("—");
    }

    private static String cut(String s) {
        return s.length() <= TEXT_MAX ? s : s.substring(0, TEXT_MAX - 1) + "…";
    }
}
