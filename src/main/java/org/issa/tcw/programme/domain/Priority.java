package org.issa.tcw.programme.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/** A programme priority of one triennium, set by the secretariat (projects are grouped under it). */
@Entity
@Table(name = "programme_priority")
public class Priority {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "triennium_id", nullable = false, updatable = false)
    private long trienniumId;

    @Column(name = "sort_order", nullable = false)
    private int sortOrder;

    @Column(nullable = false)
    private String title;

    private @Nullable String description;

    @Version
    private long version;

    protected Priority() {
    }

    public Priority(long trienniumId, int sortOrder, String title, @Nullable String description) {
        this.trienniumId = trienniumId;
        update(sortOrder, title, description);
    }

    public void update(int sortOrder, String title, @Nullable String description) {
        this.sortOrder = sortOrder;
        this.title = title.trim();
        this.description = description == null || description.isBlank() ? null : description.trim();
    }

    public Long getId() {
        return id;
    }

    public long getTrienniumId() {
        return trienniumId;
    }

    public int getSortOrder() {
        return sortOrder;
    }

    public String getTitle() {
        return title;
    }

    public @Nullable String getDescription() {
        return description;
    }

    public long getVersion() {
        return version;
    }
}
