package org.issa.tcw.commission.domain;

import java.time.Instant;
import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.mapper.pojo.automaticindexing.ReindexOnUpdate;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.GenericField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.IndexingDependency;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.ObjectPath;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.PropertyValue;
import org.issa.tcw.base.search.SearchFields;
import org.issa.tcw.base.search.SearchKind;
import org.issa.tcw.base.search.SearchText;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** A Technical Commission. Its code is stable (routes and tests use it); its name may change. */
@Entity
@Indexed
@SearchKind(value = "COMMISSION", commissionScoped = false)
@Table(name = "commission")
public class Commission {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @KeywordField(name = SearchFields.CODE, projectable = Projectable.YES)
    @Column(nullable = false, unique = true, updatable = false)
    private String code;

    @SearchText(SearchFields.TITLE)
    @Column(nullable = false)
    private String name;

    @SearchText(SearchFields.BODY)
    private @Nullable String mandate;

    private boolean active = true;

    @Version
    private long version;

    protected Commission() {
    }

    public Commission(String code, String name, @Nullable String mandate) {
        this.code = code.trim().toUpperCase(Locale.ROOT);
        update(name, mandate, true);
    }

    public void update(String name, @Nullable String mandate, boolean active) {
        this.name = name.trim();
        this.mandate = mandate == null || mandate.isBlank() ? null : mandate.trim();
        this.active = active;
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public @Nullable String getMandate() {
        return mandate;
    }

    public boolean isActive() {
        return active;
    }

    public long getVersion() {
        return version;
    }

    @GenericField(name = SearchFields.VISIBLE)
    @IndexingDependency(derivedFrom = @ObjectPath(@PropertyValue(propertyName = "active")))
    public boolean isListed() {
        return active;
    }

    /**
     * No date, but the field declared: the search's date facet, filter and sort span every kind, and
     * Elasticsearch/OpenSearch refuses a date range on an index that does not map the field (ADR 074).
     */
    @GenericField(name = SearchFields.DATE, sortable = Sortable.YES, aggregable = Aggregable.YES,
        projectable = Projectable.YES)
    @IndexingDependency(reindexOnUpdate = ReindexOnUpdate.NO)
    public @Nullable Instant getSearchDate() {
        return null;
    }
}
