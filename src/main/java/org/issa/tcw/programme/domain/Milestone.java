package org.issa.tcw.programme.domain;

import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.GenericField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.IndexingDependency;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.ObjectPath;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.PropertyValue;
import org.issa.tcw.base.search.SearchFields;
import org.issa.tcw.base.search.SearchKind;
import org.issa.tcw.base.search.SearchText;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;
import org.issa.tcw.base.UserFacingException;
import org.issa.tcw.documents.workflow.DocumentStage;
import org.jspecify.annotations.Nullable;

/**
 * A milestone or deliverable of a project: due inside the project's span, completed on a day
 * (never when cancelled), optionally tied to an event and to the document that delivers it.
 */
@Entity
@Indexed
@SearchKind(value = "MILESTONE", commissionScoped = true)
@Table(name = "milestone")
@Audited
public class Milestone {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "project_id", updatable = false)
    private Project project;

    @SearchText(SearchFields.TITLE)
    @Column(nullable = false)
    private String title;

    @Column(name = "due_date", nullable = false)
    private LocalDate dueDate;

    @Column(name = "owner_person_id")
    private @Nullable Long ownerPersonId;

    @Column(name = "done_date")
    private @Nullable LocalDate doneDate;

    private boolean cancelled;

    @Column(name = "event_id")
    private @Nullable Long eventId;

    @Column(name = "document_id")
    private @Nullable Long documentId;

    /** The stage of the linked document that completes the milestone: APPROVED or PUBLISHED. */
    @Column(name = "completes_on", nullable = false, length = 20)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private DocumentStage completesOn = DocumentStage.APPROVED;

    /** Whether the linked document's step completed it (not a person). */
    @Column(name = "done_by_document", nullable = false)
    private boolean doneByDocument;

    @Column(name = "baseline_due")
    private @Nullable LocalDate baselineDue;

    @Column(name = "overdue_notified")
    @NotAudited
    private boolean overdueNotified;

    @Column(name = "due_soon_notified")
    @NotAudited
    private boolean dueSoonNotified;

    /** The document's consultation is past its deadline (ADR 065); set by bulk updates only. */
    @Column(name = "consultation_late", nullable = false)
    @NotAudited
    private boolean consultationLate;

    @Version
    @NotAudited
    private long version;

    protected Milestone() {
    }

    Milestone(Project project, String title, LocalDate dueDate, @Nullable Long ownerPersonId, @Nullable Long eventId,
            @Nullable Long documentId) {
        this.project = project;
        this.title = title.trim();
        this.dueDate = dueDate;
        this.ownerPersonId = ownerPersonId;
        this.eventId = eventId;
        this.documentId = documentId;
    }

    /** Changes title, due date (inside the project's span), owner, event and document. */
    public void update(String title, LocalDate due, @Nullable Long ownerPersonId, @Nullable Long eventId,
            @Nullable Long documentId) {
        project.requireInSpan(due);
        if (!due.equals(dueDate)) {
            overdueNotified = false;
            dueSoonNotified = false;
        }
        this.title = title.trim();
        this.dueDate = due;
        this.ownerPersonId = ownerPersonId;
        this.eventId = eventId;
        this.documentId = documentId;
    }

    /** Marks the milestone done on the given day; a cancelled milestone cannot be completed. */
    public void complete(LocalDate day) {
        if (cancelled) {
            throw new UserFacingException("milestone.complete.cancelled");
        }
        if (doneDate != null) {
            throw new UserFacingException("milestone.complete.already", doneDate);
        }
        this.doneDate = day;
        this.doneByDocument = false;
    }

    /**
     * Completed because its document reached {@link #getCompletesOn()} on {@code day}; false if it
     * is done or cancelled already (a person's completion or cancellation stands).
     */
    public boolean completeByDocument(LocalDate day) {
        if (cancelled || doneDate != null) {
            return false;
        }
        this.doneDate = day;
        this.doneByDocument = true;
        return true;
    }

    /** Which stage of the linked document completes it: approved or published. */
    public void completeOn(DocumentStage stage) {
        if (stage != DocumentStage.APPROVED && stage != DocumentStage.PUBLISHED) {
            throw new UserFacingException("milestone.completes-on.invalid");
        }
        this.completesOn = stage;
    }

    /** Takes back a completion (e.g. ticked by mistake). */
    public void reopen() {
        if (doneDate == null) {
            throw new UserFacingException("milestone.reopen.not-done");
        }
        this.doneDate = null;
        this.doneByDocument = false;
    }

    /** Cancels an open milestone; a done one stays done. */
    public void cancel() {
        if (doneDate != null) {
            throw new UserFacingException("milestone.cancel.done");
        }
        this.cancelled = true;
    }

    void takeBaseline() {
        this.baselineDue = dueDate;
    }

    public boolean isOverdue(LocalDate today) {
        return !cancelled && doneDate == null && dueDate.isBefore(today);
    }

    public Long getId() {
        return id;
    }

    public Project getProject() {
        return project;
    }

    public String getTitle() {
        return title;
    }

    public LocalDate getDueDate() {
        return dueDate;
    }

    public @Nullable Long getOwnerPersonId() {
        return ownerPersonId;
    }

    public @Nullable LocalDate getDoneDate() {
        return doneDate;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    public @Nullable Long getEventId() {
        return eventId;
    }

    public @Nullable Long getDocumentId() {
        return documentId;
    }

    public DocumentStage getCompletesOn() {
        return completesOn;
    }

    public boolean isDoneByDocument() {
        return doneByDocument;
    }

    public @Nullable LocalDate getBaselineDue() {
        return baselineDue;
    }

    public boolean isOverdueNotified() {
        return overdueNotified;
    }

    public boolean isDueSoonNotified() {
        return dueSoonNotified;
    }

    public long getVersion() {
        return version;
    }

    /** The project's commission: the search's permission key. */
    @GenericField(name = SearchFields.COMMISSION, aggregable = Aggregable.YES, projectable = Projectable.YES)
    @IndexingDependency(derivedFrom = @ObjectPath({@PropertyValue(propertyName = "project"),
        @PropertyValue(propertyName = "commissionId")}))
    public long getCommissionId() {
        return project.getCommissionId();
    }

    @GenericField(name = SearchFields.TRIENNIUM, aggregable = Aggregable.YES, projectable = Projectable.YES)
    @IndexingDependency(derivedFrom = @ObjectPath({@PropertyValue(propertyName = "project"),
        @PropertyValue(propertyName = "trienniumId")}))
    public long getTrienniumId() {
        return project.getTrienniumId();
    }

    /** The project a search hit links to. */
    @GenericField(name = SearchFields.PARENT, projectable = Projectable.YES)
    @IndexingDependency(derivedFrom = @ObjectPath({@PropertyValue(propertyName = "project"),
        @PropertyValue(propertyName = "id")}))
    public long getProjectId() {
        return project.getId();
    }

    @GenericField(name = SearchFields.DATE, sortable = Sortable.YES, aggregable = Aggregable.YES, projectable = Projectable.YES)
    @IndexingDependency(derivedFrom = @ObjectPath(@PropertyValue(propertyName = "dueDate")))
    public java.time.Instant getSearchDate() {
        return dueDate.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    }

    public boolean isConsultationLate() {
        return consultationLate;
    }
}
