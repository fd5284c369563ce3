package org.issa.tcw.commission;

import jakarta.validation.constraints.Pattern;
import org.issa.tcw.base.TextRule;
import org.issa.tcw.base.UserText;
import org.jspecify.annotations.Nullable;

/** What the commission form edits; {@code version} detects concurrent changes. */
public class CommissionForm {

    private @Nullable Long id;
    private long version;
    @TextRule(field = "commission.code", max = 10)
    @Pattern(regexp = "([A-Za-z][A-Za-z0-9]{1,9})?", message = "commission.code.invalid")
    private String code = "";
    @TextRule(field = "commission.name", max = 200)
    private String name = "";
    @TextRule(field = "commission.mandate", max = 4000, required = false, singleLine = false)
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
        this.code = UserText.normalize(code, true);
    }

    public String getName() {
        return name;
    }

    public void setName(@Nullable String name) {
        this.name = UserText.normalize(name, true);
    }

    public String getMandate() {
        return mandate;
    }

    public void setMandate(@Nullable String mandate) {
        this.mandate = UserText.normalize(mandate, false);
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }
}
