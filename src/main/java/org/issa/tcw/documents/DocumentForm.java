package org.issa.tcw.documents;

import jakarta.validation.constraints.NotNull;
import org.issa.tcw.base.TextRule;
import org.issa.tcw.base.UserText;
import org.jspecify.annotations.Nullable;

/** What the document form edits (title, kind, working language); {@code version} detects concurrent changes. */
public class DocumentForm {

    /** The longest title a document may have. */
    public static final int TITLE_MAX = 200;

    private @Nullable Long id;
    private long version;
    @TextRule(field = "document.title", max = TITLE_MAX)
    private String title = "";
    @NotNull(message = "validation.required|document.kind")
    private @Nullable DocumentKind kind = DocumentKind.GUIDELINE;
    @NotNull(message = "validation.required|document.language")
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
        this.title = UserText.normalize(title, true);
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
