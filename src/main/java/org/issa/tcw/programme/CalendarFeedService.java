package org.issa.tcw.programme;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableTransp;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.issa.tcw.base.NotFoundException;
import org.issa.tcw.base.Texts;
import org.issa.tcw.base.UserText;
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
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A commission's calendar (milestones and fixed events of the running triennium) as an iCalendar
 * feed (RFC 5545, written by ical4j), reached
 * through a private link whose random token is the only credential. The chair or the secretariat
 * creates, replaces or revokes the link; the commission's members see it.
 */
@Service
@Transactional(readOnly = true)
public class CalendarFeedService {

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
     * language). Titles are as entered, cleaned of characters that would make them lie or break
     * a calendar app ({@link UserText#sanitize}); the few words the feed adds are in the owner's
     * language. ical4j writes the RFC 5545 text: escaping, folding, CRLF.
     */
    private String render(long commissionId, String code, Locale lang) {
        Optional<Triennium> triennium = trienniums.findByStatus(TrienniumStatus.ACTIVE)
                .or(() -> trienniums.findAllByOrderByStartYearDesc().stream().findFirst());
        Calendar calendar = new Calendar()
                .add(new ProdId("-//TC Workspace//Work programme//EN"))
                .add(ImmutableVersion.VERSION_2_0)
                .add(ImmutableCalScale.GREGORIAN)
                .add(ImmutableMethod.PUBLISH)
                .add(new XProperty("X-WR-CALNAME", clean(texts.getTranslation("calendar.feed.name", lang, code))));
        Instant stamp = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS);
        DateTimeFormatter localDate = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(lang);
        if (triennium.isPresent()) {
            long t = triennium.get().getId();
            List<ProjectFacts> ps = projects.factsOfProgramme(commissionId, t);
            Map<Long, String> titles = new HashMap<>();
            ps.forEach(p -> titles.put(p.id(), clean(p.title())));
            List<MilestoneFacts> ms = ps.isEmpty() ? List.of()
                    : milestones.factsOfProjects(ps.stream().map(ProjectFacts::id).toList());
            for (MilestoneFacts m : ms) {
                String project = titles.getOrDefault(m.projectId(), "");
                String state = m.doneDate() != null
                        ? texts.getTranslation("calendar.feed.done", lang, localDate.format(m.doneDate()))
                        : texts.getTranslation(m.cancelled() ? "milestone.state.cancelled" : "milestone.state.open", lang);
                String description = texts.getTranslation("calendar.feed.project", lang, project) + "\n" + state
                        + (m.eventTitle() == null ? ""
                                : "\n" + texts.getTranslation("calendar.feed.event", lang, clean(m.eventTitle())));
                VEvent event = day(m.dueDate(), clean(m.title()) + " (" + project + ")", "milestone-" + m.id(), stamp)
                        .add(new Description(UserText.sanitize(description, false)))
                        .add(new Categories("MILESTONE"))
                        .add(ImmutableTransp.TRANSPARENT);
                if (m.cancelled()) {
                    event.add(ImmutableStatus.VEVENT_CANCELLED);
                }
                calendar.add(event);
            }
            for (ProgrammeEvent e : events.findByTrienniumIdOrderByEventDateAsc(t)) {
                VEvent event = day(e.getEventDate(), clean(e.getTitle()), "event-" + e.getId(), stamp)
                        .add(new Categories(e.getKind().name().replace('_', '-')));
                calendar.add(event);
            }
        }
        var out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** A whole-day event (DTSTART and DTEND as VALUE=DATE, the end exclusive). */
    private static VEvent day(LocalDate date, String summary, String uid, Instant stamp) {
        return new VEvent(date, date.plusDays(1), summary)
                .add(new Uid(uid + "@tc-workspace"))
                .add(new DtStamp(stamp));
    }

    private static String clean(@Nullable String title) {
        return UserText.sanitize(title);
    }

    private long commissionId(String code) {
        CommissionDetails c = commissions.details(code.toUpperCase(Locale.ROOT)).orElseThrow(NotFoundException::new);
        return c.id();
    }
}
