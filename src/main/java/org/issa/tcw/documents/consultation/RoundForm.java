package org.issa.tcw.documents.consultation;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the chair fills in to open a round. The deadline is a day: the round closes at the end of
 * it (24:00 UTC). The commissions are read for {@link Audience#COMMISSIONS}, the institutions for
 * {@link Audience#INSTITUTIONS}.
 */
public class RoundForm {

    private @Nullable Audience audience = Audience.COMMISSION;
    private Set<Long> commissionIds = new LinkedHashSet<>();
    private Set<Long> institutionIds = new LinkedHashSet<>();
    private @Nullable LocalDate deadline;
    private String introduction = "";
    private String questions = "";
    private boolean othersVisible;

    public @Nullable Audience getAudience() {
        return audience;
    }

    public void setAudience(@Nullable Audience audience) {
        this.audience = audience;
    }

    public Set<Long> getCommissionIds() {
        return commissionIds;
    }

    public void setCommissionIds(@Nullable Set<Long> commissionIds) {
        this.commissionIds = commissionIds == null ? new LinkedHashSet<>() : new LinkedHashSet<>(commissionIds);
    }

    public Set<Long> getInstitutionIds() {
        return institutionIds;
    }

    public void setInstitutionIds(@Nullable Set<Long> institutionIds) {
        this.institutionIds = institutionIds == null ? new LinkedHashSet<>() : new LinkedHashSet<>(institutionIds);
    }

    public @Nullable LocalDate getDeadline() {
        return deadline;
    }

    public void setDeadline(@Nullable LocalDate deadline) {
        this.deadline = deadline;
    }

    public String getIntroduction() {
        return introduction;
    }

    public void setIntroduction(@Nullable String introduction) {
        this.introduction = introduction == null ? "" : introduction;
    }

    public String getQuestions() {
        return questions;
    }

    public void setQuestions(@Nullable String questions) {
        this.questions = questions == null ? "" : questions;
    }

    public boolean isOthersVisible() {
        return othersVisible;
    }

    public void setOthersVisible(boolean othersVisible) {
        this.othersVisible = othersVisible;
    }
}
