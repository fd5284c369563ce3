package org.issa.tcw.documents.workflow;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.issa.tcw.documents.DocumentKind;
import org.issa.tcw.documents.WorkingLanguage;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The library of published outputs: every published document, readable by every signed-in person
 * (titles and exports; the editor stays for the commission), newest first, a translation shown
 * under its published source with the other available languages. Two statements per query.
 */
@Service
@Transactional(readOnly = true)
public class PublishedLibrary {

    /** At most this many entries are listed (newest first). */
    public static final int LIMIT = 500;

    private final JdbcClient jdbc;

    PublishedLibrary(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    private record Row(long id, String title, long commissionId, String code, String name, DocumentKind kind,
            WorkingLanguage language, java.time.Instant at, @Nullable Long sourceId) {
    }

    /** The published documents that match, each with its published language versions. */
    @PreAuthorize("isAuthenticated()")
    public List<LibraryEntry> published(LibraryQuery query) {
        StringBuilder sql = new StringBuilder("""
                select d.id, d.title, d.commission_id, c.code, c.name, d.kind, d.language, w.changed_at, t.source_id
                from document d join document_workflow w on w.document_id = d.id
                join commission c on c.id = d.commission_id
                left join document_translation t on t.document_id = d.id
                where w.stage = 'PUBLISHED'""");
        Map<String, Object> params = new HashMap<>();
        if (query.commissionCode() != null) {
            sql.append(" and c.code = :code");
            params.put("code", query.commissionCode());
        }
        if (query.kind() != null) {
            sql.append(" and d.kind = :kind");
            params.put("kind", query.kind().name());
        }
        if (query.documentIds() != null) {
            if (query.documentIds().isEmpty()) {
                return List.of();
            }
            sql.append(" and (d.id in (:ids) or t.source_id in (:ids))");
            params.put("ids", query.documentIds());
        }
        sql.append(" order by w.changed_at desc, d.id desc");
        JdbcClient.StatementSpec statement = jdbc.sql(sql.toString());
        for (Map.Entry<String, Object> p : params.entrySet()) {
            statement = statement.param(p.getKey(), p.getValue());
        }
        List<Row> rows = statement.query((rs, i) -> {
            long source = rs.getLong(9);
            return new Row(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                    DocumentKind.valueOf(rs.getString(6)), WorkingLanguage.valueOf(rs.getString(7)),
                    rs.getTimestamp(8).toInstant(), rs.wasNull() ? null : source);
        }).list();
        // a family is listed once: under its source when that is published, else under each translation
        Map<Long, Row> published = new LinkedHashMap<>();
        rows.forEach(r -> published.put(r.id(), r));
        Map<Long, List<LibraryEntry.Language>> languages = new HashMap<>();
        List<Row> heads = new ArrayList<>();
        for (Row r : rows) {
            Row head = r.sourceId() != null && published.containsKey(r.sourceId())
                    ? java.util.Objects.requireNonNull(published.get(r.sourceId())) : r;
            if (head == r) {
                heads.add(r);
            }
            languages.computeIfAbsent(head.id(), k -> new ArrayList<>())
                    .add(new LibraryEntry.Language(r.id(), r.language(), r.title()));
        }
        List<LibraryEntry> entries = new ArrayList<>();
        for (Row r : heads) {
            List<LibraryEntry.Language> langs = languages.getOrDefault(r.id(), List.of()).stream()
                    .sorted(java.util.Comparator.comparing((LibraryEntry.Language l) -> l.documentId() != r.id())
                            .thenComparing(LibraryEntry.Language::language))
                    .toList();
            if (query.language() != null && langs.stream().noneMatch(l -> l.language() == query.language())) {
                continue;
            }
            int year = r.at().atZone(ZoneOffset.UTC).getYear();
            if (query.fromYear() != null && year < query.fromYear() || query.toYear() != null && year > query.toYear()) {
                continue;
            }
            entries.add(new LibraryEntry(r.id(), r.title(), r.commissionId(), r.code(), r.name(), r.kind(),
                    r.language(), r.at(), langs));
            if (entries.size() == LIMIT) {
                break;
            }
        }
        return entries;
    }
}
