package org.issa.tcw.programme.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import org.issa.tcw.programme.EventKind;

/** A fixed event of a triennium: the TC Forum each June, a Regional Social Security Forum, the WSSF. */
@Entity
@Table(name = "programme_event")
public class ProgrammeEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "triennium_id", nullable = false)
    private long trienniumId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private EventKind kind;

    @Column(nullable = false)
    private String title;

    @Column(name = "event_date", nullable = false)
    private LocalDate eventDate;

    @Version
    private long version;

    protected ProgrammeEvent() {
    }

    public ProgrammeEvent(long trienniumId, EventKind kind, String title, LocalDate eventDate) {
        this.trienniumId = trienniumId;
        this.kind = kind;
        this.title = title;
        this.eventDate = eventDate;
    }

    public Long getId() {
        return id;
    }

    public long getTrienniumId() {
        return trienniumId;
    }

    public EventKind getKind() {
        return kind;
    }

    public String getTitle() {
        return title;
    }

    public LocalDate getEventDate() {
        return eventDate;
    }
}
