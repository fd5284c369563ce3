package org.issa.tcw.programme;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.issa.tcw.base.NotFoundException;
import org.issa.tcw.base.Texts;
import org.issa.tcw.commission.CommissionDetails;
import org.issa.tcw.commission.CommissionService;
import org.issa.tcw.programme.domain.CalendarFeed;
import org.issa.tcw.programme.domain.CalendarFeedRepository;
import org.issa.tcw.programme.domain.MilestoneFacts;
import org.issa.tcw.programme.domain.MilestoneRepository;
import org.issa.tcw.programme.domain.ProgrammeEvent;
import org.issa.tcw.programme.domain.ProgrammeEventRepository;
import org.issa.tcw.programme.domain.ProjectFacts;
import org.issa.tcw.programme.domain.ProjectRepository;
import org.issa.tcw.programme.domain.Triennium;
import org.issa.tcw.programme.domain.TrienniumRepository;
import org.issa.tcw.security.CurrentUser;
import org.issa.tcw.security.PersonDirectory;
import org.issa.tcw.security.PersonIdentity;
import org.issa.tcw.security.SignedInUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A commission's calendar (milestones and fixed events of the running triennium) as an iCalendar
 * feed (RFC 5545, written here: escaping of TEXT values and line folding at 75 octets), reached
 * through a private link whose random token is the only credential. The chair or the secretariat
 * creates, replaces or revokes the link; the commission's members see it.
 */
@Service
@Transactional(readOnly = true)
public class CalendarFeedService {

    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CalendarFeedRepository feeds;
    private final ProjectRepository projects;
    private final MilestoneRepository milestones;
    private final ProgrammeEventRepository events;
    private final TrienniumRepository trienniums;
    private final CommissionService commissions;
    private final CurrentUser currentUser;
    private final PersonDirectory directory;
    private final Texts texts;
    private final Clock clock;

    CalendarFeedService(CalendarFeedRepository feeds, ProjectRepository projects, MilestoneRepository milestones,
            ProgrammeEventRepository events, TrienniumRepository trienniums, CommissionService commissions,
            CurrentUser currentUser, PersonDirectory directory, Texts texts, Clock clock) {
        this.feeds = feeds;
        this.projects = projects;
        this.milestones = milestones;
        this.events = events;
        this.trienniums = trienniums;
        this.commissions = commissions;
        this.currentUser = currentUser;
        this.directory = directory;
        this.texts = texts;
        this.clock = clock;
    }

    /** The commission's current private token, if a link was created. */
    @PreAuthorize("@commissionAccess.may('READ', #code)")
    public Optional<String> token(String code) {
        return feeds.findById(commissionId(code)).map(CalendarFeed::getToken);
    }

    /**
     * Creates the private link, or replaces it (the old link stops working).
     *
     * @return the new token
     */
    @Transactional
    @PreAuthorize("@commissionAccess.may('EDIT_PROGRAMME', #code)")
    public String renew(String code) {
        CommissionDetails commission = commissions.details(code.toUpperCase(Locale.ROOT))
                .orElseThrow(NotFoundException::new);
        long id = commission.id();
        feeds.findById(id).ifPresent(f -> {
            feeds.delete(f);
            feeds.flush();
        });
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        SignedInUser me = currentUser.require();
        feeds.saveAndFlush(new CalendarFeed(id, commission.code(), token, Instant.now(clock), me.username()));
        return token;
    }

    /** Revokes the private link: calendar apps subscribed to it get nothing any more. */
    @Transactional
    @PreAuthorize("@commissionAccess.may('EDIT_PROGRAMME', #code)")
    public void revoke(String code) {
        feeds.findById(commissionId(code)).ifPresent(feeds::delete);
    }

    /**
     * The feed for a token, without signing in: the token is the credential. Empty for an unknown
     * or revoked token.
     */
    @PreAuthorize("permitAll()")
    public Optional<String> feed(String token) {
        if (token.length() < 40 || token.length() > 64) {
            return Optional.empty();
        }
        return feeds.findByToken(token).map(f -> render(f.getCommissionId(), f.getCommissionCode(),
                ownerLocale(f.getCreatedBy())));
    }

    /** The language the person who made the link chose in the application (English if none). */
    private Locale ownerLocale(String username) {
        return directory.findByUsername(username).map(PersonIdentity::preferredLocale)
                .filter(tag -> !tag.isBlank()).map(Texts::supported).orElse(Texts.ENGLISH);
    }

    /**
     * Runs without a signed-in user: reads only this feature's tables (and the link owner's
     * language). Titles are as entered; the few words the feed adds are in the owner's language.
     */
    private String render(long commissionId, String code, Locale lang) {
        Optional<Triennium> triennium = trienniums.findByStatus(TrienniumStatus.ACTIVE)
                .or(() -> trienniums.findAllByOrderByStartYearDesc().stream().findFirst());
        Ical ical = new Ical();
        ical.line("BEGIN:VCALENDAR");
        ical.line("VERSION:2.0");
        ical.line("PRODID:-//TC Workspace//Work programme//EN");
        ical.line("CALSCALE:GREGORIAN");
        ical.line("METHOD:PUBLISH");
        ical.property("X-WR-CALNAME", texts.getTranslation("calendar.feed.name", lang, code));
        String stamp = STAMP.format(Instant.now(clock));
        DateTimeFormatter localDate = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(lang);
        if (triennium.isPresent()) {
            long t = triennium.get().getId();
            List<ProjectFacts> ps = projects.factsOfProgramme(commissionId, t);
            java.util.Map<Long, String> titles = new java.util.HashMap<>();
            ps.forEach(p -> titles.put(p.id(), p.title()));
            List<MilestoneFacts> ms = ps.isEmpty() ? List.of()
                    : milestones.factsOfProjects(ps.stream().map(ProjectFacts::id).toList());
            for (MilestoneFacts m : ms) {
                ical.line("BEGIN:VEVENT");
                ical.line("UID:milestone-" + m.id() + "@tc-workspace");
                ical.line("DTSTAMP:" + stamp);
                ical.line("DTSTART;VALUE=DATE:" + DATE.format(m.dueDate()));
                ical.line("DTEND;VALUE=DATE:" + DATE.format(m.dueDate().plusDays(1)));
                ical.property("SUMMARY", m.title() + " (" + titles.get(m.projectId()) + ")");
                ical.property("DESCRIPTION", texts.getTranslation("calendar.feed.project", lang,
                        titles.get(m.projectId())) + "\n"
                        + (m.doneDate() != null ? texts.getTranslation("calendar.feed.done", lang, localDate.format(m.doneDate()))
                        : texts.getTranslation(m.cancelled() ? "milestone.state.cancelled" : "milestone.state.open", lang))
                        + (m.eventTitle() == null ? "" : "\n" + texts.getTranslation("calendar.feed.event", lang,
                        m.eventTitle())));
                ical.line("CATEGORIES:MILESTONE");
                ical.line("TRANSP:TRANSPARENT");
                if (m.cancelled()) {
                    ical.line("STATUS:CANCELLED");
                }
                ical.line("END:VEVENT");
            }
            for (ProgrammeEvent e : events.findByTrienniumIdOrderByEventDateAsc(t)) {
                LocalDate day = e.getEventDate();
                ical.line("BEGIN:VEVENT");
                ical.line("UID:event-" + e.getId() + "@tc-workspace");
                ical.line("DTSTAMP:" + stamp);
                ical.line("DTSTART;VALUE=DATE:" + DATE.format(day));
                ical.line("DTEND;VALUE=DATE:" + DATE.format(day.plusDays(1)));
                ical.property("SUMMARY", e.getTitle());
                ical.line("CATEGORIES:" + e.getKind().name().replace('_', '-'));
                ical.line("END:VEVENT");
            }
        }
        ical.line("END:VCALENDAR");
        return ical.toString();
    }

    private long commissionId(String code) {
        CommissionDetails c = commissions.details(code.toUpperCase(Locale.ROOT)).orElseThrow(NotFoundException::new);
        return c.id();
    }

    /** RFC 5545 content lines: CRLF endings, TEXT escaping (section 3.3.11), folding at 75 octets (3.1). */
    static final class Ical {
        private final StringBuilder out = new StringBuilder();

        void property(String name, String text) {
            line(name + ":" + escape(text));
        }

        void line(String line) {
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            int start = 0;
            int limit = 75;
            while (bytes.length - start > limit) {
                int end = start + limit;
                // never split a UTF-8 sequence: back up to a lead byte
                while ((bytes[end] & 0xC0) == 0x80) {
                    end--;
                }
                out.append(new String(bytes, start, end - start, StandardCharsets.UTF_8)).append("\r\n ");
                start = end;
                limit = 74; // the leading space of a continuation line counts
            }
            out.append(new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8)).append("\r\n");
        }

        static String escape(String text) {
            return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n")
                    .replace("\n", "\\n");
        }

        @Override
        public String toString() {
            return out.toString();
        }
    }
}
