package org.issa.tcw.documents;

import org.jspecify.annotations.Nullable;

/** What the document form edits (title, kind, working language); {@code version} detects concurrent changes. */
public class DocumentForm {

    private @Nullable Long id;
    private long version;
    private String title = "";
    private @Nullable DocumentKind kind = DocumentKind.GUIDELINE;
    private @Nullable WorkingLanguage language = WorkingLanguage.EN;

    public @Nullable Long getId() {
        return id;
    }

    public void setId(@Nullable Long id) {
        this.id = id;
    }

    public long getVersion() {
        return version;
    }

    public void setVersion(long version) {
        this.version = version;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(@Nullable String title) {
        this.title = title == null ? "" : title;
    }

    public @Nullable DocumentKind getKind() {
        return kind;
    }

    public void setKind(@Nullable DocumentKind kind) {
        this.kind = kind;
    }

    public @Nullable WorkingLanguage getLanguage() {
        return language;
    }

    public void setLanguage(@Nullable WorkingLanguage language) {
        this.language = language;
    }
}
