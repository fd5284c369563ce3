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
import org.issa.tcw.base.UserFacingException;
import org.issa.tcw.programme.TrienniumStatus;

/** The association's three-year cycle, closed by the World Social Security Forum. */
@Entity
@Table(name = "triennium")
public class Triennium {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "start_year", nullable = false, unique = true)
    private int startYear;

    @Column(name = "end_year", nullable = false)
    private int endYear;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TrienniumStatus status;

    @Version
    private long version;

    protected Triennium() {
    }

    public Triennium(int startYear) {
        this.startYear = startYear;
        this.endYear = startYear + 2;
        this.status = TrienniumStatus.PLANNED;
    }

    public void activate() {
        if (status != TrienniumStatus.PLANNED) {
            throw new UserFacingException("triennium.activate.not-planned");
        }
        status = TrienniumStatus.ACTIVE;
    }

    public void close() {
        if (status != TrienniumStatus.ACTIVE) {
            throw new UserFacingException("triennium.close.not-active");
        }
        status = TrienniumStatus.CLOSED;
    }

    public Long getId() {
        return id;
    }

    public int getStartYear() {
        return startYear;
    }

    public int getEndYear() {
        return endYear;
    }

    public TrienniumStatus getStatus() {
        return status;
    }

    public long getVersion() {
        return version;
    }
}
