package org.issa.tcw.search;

import jakarta.persistence.EntityManagerFactory;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import org.hibernate.search.engine.backend.metamodel.IndexFieldDescriptor;
import org.hibernate.search.engine.backend.metamodel.IndexValueFieldTypeDescriptor;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.entity.SearchIndexedEntity;
import org.issa.tcw.base.search.SearchAnalysis;
import org.springframework.stereotype.Component;

/**
 * What the index's content depends on, as one SHA-256: every indexed entity with its fields (name,
 * value type, searchable / sortable / projectable / aggregable, analyzer and normalizer), the
 * analysis chains ({@link SearchAnalysis#definition()}) and {@link #REVISION}. An index built under
 * another fingerprint answers with another mapping's fields and analysis: it is rebuilt at start.
 */
@Component
class MappingFingerprint {

    /**
     * Raise when what is written into a field changes without its schema changing (e.g. how the
     * "visible" flag or a stage is computed): the fields alone would not show it.
     */
    static final int REVISION = 1;

    private final EntityManagerFactory entityManagerFactory;
    private volatile String current = "";

    MappingFingerprint(EntityManagerFactory entityManagerFactory) {
        this.entityManagerFactory = entityManagerFactory;
    }

    /** The fingerprint of the running application's mapping (computed once). */
    String current() {
        String c = current;
        if (c.isEmpty()) {
            c = hash(describe());
            current = c;
        }
        return c;
    }

    /** The mapping as text, in a stable order. */
    String describe() {
        StringBuilder b = new StringBuilder("revision ").append(REVISION).append('\n');
        Search.mapping(entityManagerFactory).allIndexedEntities().stream()
                .sorted(Comparator.comparing(SearchIndexedEntity::jpaName))
                .forEach(entity -> {
                    var index = entity.indexManager().descriptor();
                    b.append("entity ").append(entity.jpaName()).append(" index ").append(index.hibernateSearchName())
                            .append('\n');
                    index.staticFields().stream().sorted(Comparator.comparing(IndexFieldDescriptor::absolutePath))
                            .forEach(field -> b.append("  ").append(field.absolutePath()).append(' ')
                                    .append(field.isValueField() ? describe(field.toValueField().type()) : "object")
                                    .append(field.multiValued() ? " multi" : "").append('\n'));
                });
        return b.append(SearchAnalysis.definition()).toString();
    }

    private static String describe(IndexValueFieldTypeDescriptor type) {
        return type.valueClass().getName()
                + (type.searchable() ? " searchable" : "")
                + (type.sortable() ? " sortable" : "")
                + (type.projectable() ? " projectable" : "")
                + (type.aggregable() ? " aggregable" : "")
                + type.analyzerName().map(a -> " analyzer=" + a).orElse("")
                + type.searchAnalyzerName().map(a -> " search-analyzer=" + a).orElse("")
                + type.normalizerName().map(n -> " normalizer=" + n).orElse("");
    }

    static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
