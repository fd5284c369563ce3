package org.issa.tcw.commission;

import org.jspecify.annotations.Nullable;

/** What the commission form edits; {@code version} detects concurrent changes. */
public class CommissionForm {

    private @Nullable Long id;
    private long version;
    private String code = "";
    private String name = "";
    private String mandate = "";
    private boolean active = true;

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

    public String getCode() {
        return code;
    }

    public void setCode(@Nullable String code) {
        this.code = code == null ? "" : code;
    }

    public String getName() {
        return name;
    }

    public void setName(@Nullable String name) {
        this.name = name == null ? "" : name;
    }

    public String getMandate() {
        return mandate;
    }

    public void setMandate(@Nullable String mandate) {
        this.mandate = mandate == null ? "" : mandate;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }
}
