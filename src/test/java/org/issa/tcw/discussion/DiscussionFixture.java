package org.issa.tcw.discussion;

import org.issa.tcw.commission.CommissionService;
import org.issa.tcw.documents.domain.Document;
import org.issa.tcw.documents.domain.DocumentRepository;
import org.issa.tcw.programme.domain.ProgrammeEvent;
import org.issa.tcw.programme.domain.ProgrammeEventRepository;
import org.issa.tcw.programme.domain.Project;
import org.issa.tcw.programme.domain.ProjectRepository;
import org.issa.tcw.testsupport.SignIn;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Test helper: commission ids of the demo data, and threads started as a given demo user. */
@Component
public class DiscussionFixture {

    private final CommissionService commissions;
    private final DiscussionService discussions;
    private final SignIn signIn;
    private final DocumentRepository documents;
    private final ProjectRepository projects;
    private final ProgrammeEventRepository events;
    private final Map<String, Authentication> signedIn = new ConcurrentHashMap<>();

    DiscussionFixture(CommissionService commissions, DiscussionService discussions, SignIn signIn,
            DocumentRepository documents, ProjectRepository projects, ProgrammeEventRepository events) {
        this.commissions = commissions;
        this.discussions = discussions;
        this.signIn = signIn;
        this.documents = documents;
        this.projects = projects;
        this.events = events;
    }

    /** A demo document of the commission (anchors must be real records of the thread's commission). */
    public Document document(String code) {
        long commission = commissionId(code);
        return documents.findAll().stream().filter(d -> Long.valueOf(commission).equals(d.getCommissionId()))
                .min(java.util.Comparator.comparing(Document::getId)).orElseThrow();
    }

    /** A demo project owned by the commission. */
    public Project project(String code) {
        long commission = commissionId(code);
        return projects.findAll().stream().filter(p -> p.getCommissionId() == commission)
                .min(java.util.Comparator.comparing(Project::getId)).orElseThrow();
    }

    /** A fixed event of the demo trienniums (shared by every commission). */
    public ProgrammeEvent event() {
        return events.findAll().stream().min(java.util.Comparator.comparing(ProgrammeEvent::getId)).orElseThrow();
    }

    /**
     * Signs in like {@link SignIn#as} but checks each demo password only once per test run (the
     * password hash check dominates otherwise).
     */
    public void as(String username) {
        Authentication auth = signedIn.computeIfAbsent(username, signIn::as);
        // a cached sign-in skips SignIn.as: point the static holder at this context's strategy here too
        signIn.useThisContextsStrategy();
        SecurityContextHolder.getContext().setAuthentication(auth);
    }

    public long commissionId(String code) {
        as("secretariat");
        try {
            return commissions.details(code).orElseThrow().id();
        } finally {
            signIn.out();
        }
    }

    /** Starts a thread as {@code username}, then signs out. */
    public long thread(String username, String code, String title, String body, @Nullable Anchor anchor) {
        long commission = commissionId(code);
        as(username);
        try {
            return discussions.startThread(new NewThread(commission, title, body, anchor));
        } finally {
            signIn.out();
        }
    }

    public long thread(String username, String code, String title) {
        return thread(username, code, title, "First post of " + title, null);
    }

    /** Replies as {@code username}, then signs out. */
    public PostView reply(String username, long threadId, String body) {
        as(username);
        try {
            return discussions.reply(threadId, body, null);
        } finally {
            signIn.out();
        }
    }
}
