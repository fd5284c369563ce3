package org.issa.tcw.programme;

import static org.issa.tcw.base.Checks.require;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import org.issa.tcw.base.Checks;
import org.issa.tcw.base.NotFoundException;
import org.issa.tcw.base.Versions;
import org.issa.tcw.commission.CommissionDetails;
import org.issa.tcw.commission.CommissionService;
import org.issa.tcw.programme.ProgrammeEvents.ProgrammeApproved;
import org.issa.tcw.programme.ProgrammeEvents.ProgrammeReturned;
import org.issa.tcw.programme.ProgrammeEvents.ProgrammeSubmitted;
import org.issa.tcw.programme.domain.Project;
import org.issa.tcw.programme.domain.ProjectRepository;
import org.issa.tcw.programme.domain.Triennium;
import org.issa.tcw.programme.domain.TrienniumRepository;
import org.issa.tcw.programme.domain.WorkProgramme;
import org.issa.tcw.programme.domain.WorkProgrammeRepository;
import org.issa.tcw.security.CurrentUser;
import org.issa.tcw.security.SignedInUser;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;


/**
 * The approval workflow of a commission's programme for a triennium: the chair submits it, the
 * secretariat approves it (today's plan becomes the baseline) or returns it with a comment. Each
 * step is announced as a {@link ProgrammeEvents} event.
 */
@Service
@Transactional(readOnly = true)
public class ProgrammeApprovalService {

    private final ProjectRepository projects;
    private final WorkProgrammeRepository programmes;
    private final TrienniumRepository trienniums;
    private final CommissionService commissions;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    ProgrammeApprovalService(ProjectRepository projects, WorkProgrammeRepository programmes, TrienniumRepository trienniums, CommissionService commissions, CurrentUser currentUser, ApplicationEventPublisher publisher, Clock clock) {
        this.projects = projects;
        this.programmes = programmes;
        this.trienniums = trienniums;
        this.commissions = commissions;
        this.currentUser = currentUser;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** The chair submits the commission's programme for the triennium to the secretariat. */
    @Transactional
    @PreAuthorize("@commissionAccess.may('SUBMIT_PROGRAMME', #code)")
    public void submit(String code, long trienniumId) {
        CommissionDetails commission = commissions.details(code.toUpperCase(Locale.ROOT))
                .orElseThrow(NotFoundException::new);
        Triennium t = trienniums.findById(trienniumId).orElseThrow(NotFoundException::new);
        ProgrammeQueries.requireOpen(t);
        require(!projects.factsOfProgramme(commission.id(), trienniumId).isEmpty(), "programme.submit.empty");
        WorkProgramme wp = programmes.findByCommissionIdAndTrienniumId(commission.id(), trienniumId)
                .orElseGet(() -> new WorkProgramme(commission.id(), trienniumId));
        SignedInUser me = currentUser.require();
        wp.submit(Instant.now(clock), me.displayName());
        wp = programmes.saveAndFlush(wp);
        publisher.publishEvent(new ProgrammeSubmitted(wp.getId(), commission.id(), trienniumId, me.displayName()));
    }
    /** The secretariat approves a submitted programme; today's plan becomes its baseline. */
    @Transactional
    @PreAuthorize("@programmeAccess.mayDecide(#programmeId)")
    public void approve(long programmeId, long seenVersion) {
        WorkProgramme wp = programmes.findById(programmeId).orElseThrow(NotFoundException::new);
        Versions.requireUnchanged(wp.getVersion(), seenVersion);
        SignedInUser me = currentUser.require();
        wp.approve(Instant.now(clock), me.displayName());
        projects.ofProgramme(wp.getCommissionId(), wp.getTrienniumId()).forEach(Project::takeBaseline);
        programmes.flush();
        publisher.publishEvent(new ProgrammeApproved(wp.getId(), wp.getCommissionId(), wp.getTrienniumId(),
                me.displayName()));
    }
    /** The secretariat returns a submitted programme to the chair with a comment. */
    @Transactional
    @PreAuthorize("@programmeAccess.mayDecide(#programmeId)")
    public void returnForRevision(long programmeId, long seenVersion, @Nullable String comment) {
        String text = Checks.requireText(comment, 2000, "programme.return-comment");
        WorkProgramme wp = programmes.findById(programmeId).orElseThrow(NotFoundException::new);
        Versions.requireUnchanged(wp.getVersion(), seenVersion);
        SignedInUser me = currentUser.require();
        wp.returnForRevision(Instant.now(clock), me.displayName(), text);
        programmes.flush();
        publisher.publishEvent(new ProgrammeReturned(wp.getId(), wp.getCommissionId(), wp.getTrienniumId(),
                me.displayName(), text));
    }
}
