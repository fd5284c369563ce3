package org.issa.tcw.programme;

import static org.issa.tcw.base.Checks.require;

import java.time.Clock;
import java.time.Year;
import java.util.List;
import java.util.Optional;
import org.issa.tcw.base.NotFoundException;
import org.issa.tcw.base.UsageCheck;
import org.issa.tcw.base.UserFacingException;
import org.issa.tcw.base.Versions;
import org.issa.tcw.programme.domain.Triennium;
import org.issa.tcw.programme.domain.TrienniumRepository;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Trienniums: the secretariat plans the next one, starts it (only one runs at a time) and closes
 * the running one. Trienniums follow each other without gaps or overlaps.
 */
@Service
@Transactional(readOnly = true)
public class TrienniumService {

    private final TrienniumRepository trienniums;
    private final List<UsageCheck> usageChecks;
    private final Clock clock;

    TrienniumService(TrienniumRepository trienniums, List<UsageCheck> usageChecks, Clock clock) {
        this.trienniums = trienniums;
        this.usageChecks = usageChecks;
        this.clock = clock;
    }

    /** Every triennium, newest first. */
    @PreAuthorize("isAuthenticated()")
    public List<TrienniumRow> all() {
        return trienniums.findAllByOrderByStartYearDesc().stream().map(TrienniumService::row).toList();
    }

    /** The running triennium, if one has been started. */
    @PreAuthorize("isAuthenticated()")
    public Optional<TrienniumRow> active() {
        return trienniums.findByStatus(TrienniumStatus.ACTIVE).map(TrienniumService::row);
    }

    /**
     * Plans a triennium starting in the given year; it must follow the last one (or precede the first).
     *
     * @return its id
     */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'SECRETARIAT')")
    public long plan(int startYear) {
        int thisYear = Year.now(clock).getValue();
        require(startYear >= 2000 && startYear <= thisYear + 12, "triennium.year.invalid", thisYear + 12);
        require(!trienniums.existsByStartYear(startYear), "triennium.exists", startYear + "–" + (startYear + 2));
        List<Triennium> all = trienniums.findAllByOrderByStartYearDesc();
        for (Triennium t : all) {
            boolean overlaps = startYear <= t.getEndYear() && startYear + 2 >= t.getStartYear();
            require(!overlaps, "triennium.overlaps", t.getStartYear() + "–" + t.getEndYear());
        }
        if (!all.isEmpty()) {
            int newest = all.get(0).getEndYear();
            int oldest = all.get(all.size() - 1).getStartYear();
            require(startYear == newest + 1 || startYear + 2 == oldest - 1, "triennium.gap");
        }
        return trienniums.saveAndFlush(new Triennium(startYear)).getId();
    }

    /** Starts a planned triennium; the running one must be closed first. */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'SECRETARIAT')")
    public void activate(long id, long seenVersion) {
        Triennium t = trienniums.findById(id).orElseThrow(NotFoundException::new);
        Versions.requireUnchanged(t.getVersion(), seenVersion);
        trienniums.findByStatus(TrienniumStatus.ACTIVE).ifPresent(running -> {
            throw new UserFacingException("triennium.activate.other-active",
                    running.getStartYear() + "–" + running.getEndYear());
        });
        t.activate();
        trienniums.flush();
    }

    /** Closes the running triennium (at the World Social Security Forum). */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'SECRETARIAT')")
    public void close(long id, long seenVersion) {
        Triennium t = trienniums.findById(id).orElseThrow(NotFoundException::new);
        Versions.requireUnchanged(t.getVersion(), seenVersion);
        t.close();
        trienniums.flush();
    }

    /** Deletes a triennium that was only planned and holds nothing. */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'SECRETARIAT')")
    public void delete(long id) {
        Triennium t = trienniums.findById(id).orElseThrow(NotFoundException::new);
        require(t.getStatus() == TrienniumStatus.PLANNED, "triennium.delete.not-planned");
        UsageCheck.requireUnused(usageChecks, "triennium", id);
        trienniums.delete(t);
    }

    private static TrienniumRow row(Triennium t) {
        return new TrienniumRow(t.getId(), t.getStartYear(), t.getEndYear(), t.getStatus(), t.getVersion());
    }
}
