package org.issa.tcw.demo;

import java.util.List;
import org.issa.tcw.commission.domain.Commission;
import org.issa.tcw.commission.domain.CommissionRepository;
import org.issa.tcw.discussion.Anchor;
import org.issa.tcw.discussion.AnchorType;
import org.issa.tcw.discussion.DiscussionService;
import org.issa.tcw.discussion.ModerationService;
import org.issa.tcw.discussion.NewThread;
import org.issa.tcw.discussion.PostView;
import org.issa.tcw.discussion.Reaction;
import org.issa.tcw.discussion.domain.DiscussionThreadRepository;
import org.issa.tcw.documents.domain.Document;
import org.issa.tcw.documents.domain.DocumentRepository;
import org.issa.tcw.programme.domain.ProgrammeEvent;
import org.issa.tcw.programme.domain.ProgrammeEventRepository;
import org.issa.tcw.programme.domain.Project;
import org.issa.tcw.programme.domain.ProjectRepository;
import org.jspecify.annotations.Nullable;
import org.issa.tcw.security.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Demo discussions in ICT and FAM, written through the real services as the demo people (so
 * rendering, mentions, watch levels and notifications are exactly what a user would get): a
 * pinned welcome thread, a thread on a draft guideline with a table and a mention of
 * {@code member-ict}, an event thread, and a FAM thread answered by the secretariat. Runs only on
 * an empty discussion schema.
 */
@Component
@Profile("demo")
@Order(40)
class DiscussionDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DiscussionDemoData.class);

    private final DiscussionThreadRepository threads;
    private final CommissionRepository commissions;
    private final DiscussionService discussions;
    private final ModerationService moderation;
    private final DocumentRepository documents;
    private final ProjectRepository projects;
    private final ProgrammeEventRepository events;

    DiscussionDemoData(DiscussionThreadRepository threads, CommissionRepository commissions,
            DiscussionService discussions, ModerationService moderation, DocumentRepository documents,
            ProjectRepository projects, ProgrammeEventRepository events) {
        this.threads = threads;
        this.commissions = commissions;
        this.discussions = discussions;
        this.moderation = moderation;
        this.documents = documents;
        this.projects = projects;
        this.events = events;
    }

    // Anchors must be records of the thread's own commission (the services check it and take the
    // label from the record): look them up instead of assuming ids.

    private @Nullable Anchor firstDocumentOf(long commissionId) {
        return documents.findAll().stream().filter(d -> Long.valueOf(commissionId).equals(d.getCommissionId()))
                .map(Document::getId).min(Long::compare).map(id -> Anchor.to(AnchorType.DOCUMENT, id)).orElse(null);
    }

    private @Nullable Anchor projectOf(long commissionId, String title) {
        return projects.findAll().stream().filter(p -> p.getCommissionId() == commissionId && p.getTitle().equals(title))
                .map(Project::getId).findFirst().map(id -> Anchor.to(AnchorType.PROJECT, id)).orElse(null);
    }

    private @Nullable Anchor forum() {
        return events.findAll().stream().filter(e -> e.getTitle().equals("Technical Commissions Forum 2026"))
                .map(ProgrammeEvent::getId).findFirst().map(id -> Anchor.to(AnchorType.EVENT, id)).orElse(null);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (threads.count() > 0) {
            return;
        }
        long ict = commissions.findByCode("ICT").map(Commission::getId).orElse(-1L);
        long fam = commissions.findByCode("FAM").map(Commission::getId).orElse(-1L);
        if (ict < 0 || fam < 0) {
            return;
        }
        try {
            create(ict, fam);
        } finally {
            SecurityContextHolder.clearContext();
        }
        log.info("Demo discussions created: {} threads", threads.count());
    }

    private void create(long ict, long fam) {
        as("chair-ict");
        long welcome = discussions.startThread(new NewThread(ict, "Welcome to the ICT Commission's discussions",
                """
                Dear colleagues,

                this is where we discuss our work between meetings. A few conventions:

                - one thread per topic; attach it to the **project** or **document** it is about
                - mention a colleague with `@` and their username to ask them directly
                - the secretariat and I moderate; please keep it *constructive*

                The work programme for the 2026–2028 triennium is on the commission page.
                """, null));
        moderation.pin(welcome, true);
        as("member-ict");
        PostView thanks = discussions.reply(welcome, "Thank you, Mariana. Happy to help with the cloud guideline.", null);
        as("observer-ict");
        discussions.react(thanks.id(), Reaction.THUMBS_UP);

        as("member-ict");
        long cloud = discussions.startThread(new NewThread(ict, "Guideline on cloud adoption: comments on section 3",
                """
                Section 3 (*data residency*) needs our input before the consultation. My summary of the options:

                | Option | Data stays in country | Cost |
                |---|---|---|
                | Sovereign cloud | yes | high |
                | Public cloud, local region | mostly | medium |
                | Hybrid | partly | medium |

                Draft text: https://www.issa.int/guidelines
                """, firstDocumentOf(ict)));
        as("chair-ict");
        PostView ask = discussions.reply(cloud, """
                Thanks for the table. @member-ict could you add the examples from Kenya and Brazil
                before the Forum? Keep each example to one paragraph.
                """, null);
        as("member-ict");
        discussions.reply(cloud, "Will do — I will have both examples ready by the end of the month.", ask.id());
        as("observer-ict");
        discussions.reply(cloud, """
                > Hybrid | partly | medium

                From Canada's experience, hybrid costs *more* in the first years because of the integration work.
                """, ask.id());

        as("chair-ict");
        discussions.startThread(new NewThread(ict, "Agenda for our session at the Technical Commissions Forum",
                """
                Proposed agenda (90 minutes):

                1. Progress on the cloud guideline
                2. Digital identity survey: first results
                3. Any other business

                @observer-ict, would you present the survey results?
                """, forum()));

        as("member-fam");
        long survey = discussions.startThread(new NewThread(fam, "Survey on digital family benefits: questionnaire review",
                """
                The draft questionnaire has **24 questions**. I propose we drop questions 17–19 (they repeat 12–14)
                and add one on automatic enrolment at birth.
                """, projectOf(fam, "Automatic enrolment in child benefits: good practices")));
        as("secretariat");
        discussions.reply(survey, "Agreed on 17–19. The secretariat will send the revised version to the chair.", null);
    }

    private static void as(String username) {
        var authorities = "secretariat".equals(username)
                ? List.of(new SimpleGrantedAuthority("ROLE_" + Roles.SECRETARIAT))
                : List.of(new SimpleGrantedAuthority("ROLE_USER"));
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(username, null, authorities));
    }
}
