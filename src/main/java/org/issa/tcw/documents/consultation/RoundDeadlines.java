package org.issa.tcw.documents.consultation;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import javax.sql.DataSource;
import org.issa.tcw.documents.workflow.ConsultationDeadlines;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The consultation's answer to {@link ConsultationDeadlines}: a document is past its consultation
 * deadline while it is still in consultation and its latest round's deadline has passed (one
 * statement). Extending the deadline, or the chair's next step (approve, send back, withdraw),
 * ends it.
 */
@Component
class RoundDeadlines implements ConsultationDeadlines {

    private final JdbcClient jdbc;

    RoundDeadlines(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    @Override
    public Set<Long> pastDeadline(Instant now, @Nullable Collection<Long> documentIds) {
        if (documentIds != null && documentIds.isEmpty()) {
            return Set.of();
        }
        String sql = """
                select r.document_id from consultation_round r
                join document_workflow w on w.document_id = r.document_id and w.stage = 'CONSULTATION'
                where r.deadline <= :now
                  and r.id = (select max(l.id) from consultation_round l where l.document_id = r.document_id)"""
                + (documentIds == null ? "" : " and r.document_id in (:docs)");
        var spec = jdbc.sql(sql).param("now", RoundStore.time(now));
        if (documentIds != null) {
            spec = spec.param("docs", Set.copyOf(documentIds));
        }
        return new HashSet<>(spec.query(Long.class).list());
    }
}
