package org.issa.tcw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.component.VEvent;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.issa.tcw.base.HostileText;
import org.issa.tcw.base.UserFacingException;
import org.issa.tcw.commission.CommissionForm;
import org.issa.tcw.commission.CommissionService;
import org.issa.tcw.discussion.DiscussionService;
import org.issa.tcw.discussion.NewThread;
import org.issa.tcw.documents.DocumentForm;
import org.issa.tcw.documents.DocumentService;
import org.issa.tcw.people.InstitutionForm;
import org.issa.tcw.people.InstitutionService;
import org.issa.tcw.people.PersonForm;
import org.issa.tcw.people.PersonService;
import org.issa.tcw.people.Region;
import org.issa.tcw.programme.CalendarFeedService;
import org.issa.tcw.programme.EventKind;
import org.issa.tcw.programme.MilestoneDraft;
import org.issa.tcw.programme.PriorityService;
import org.issa.tcw.programme.ProgrammeExports;
import org.issa.tcw.programme.MilestoneService;
import org.issa.tcw.programme.ProjectService;
import org.issa.tcw.programme.ProgrammeService;
import org.issa.tcw.programme.ProgrammeTree;
import org.issa.tcw.programme.ProjectDraft;
import org.issa.tcw.programme.ProjectType;
import org.issa.tcw.testsupport.SignIn;
import org.issa.tcw.testsupport.SpringTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 11, finding 7: hostile names (controls, NUL, bidi overrides, invisible-only) through every
 * title and name field a service takes — each refused with a reason and nothing stored — and,
 * for what an older version stored unchecked, through every export (PDF, XLSX, iCal).
 */
@SpringTest
class HostileNamesTest {

    /** Every table a refused save could have written to. */
    private static final List<String> TABLES = List.of("commission", "institution", "person", "document",
            "discussion_thread", "discussion_post", "programme_priority", "programme_event", "project", "milestone");

    @Autowired
    SignIn signIn;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CommissionService commissions;
    @Autowired
    InstitutionService institutions;
    @Autowired
    PersonService people;
    @Autowired
    DocumentService documents;
    @Autowired
    DiscussionService discussions;
    @Autowired
    PriorityService priorities;
    @Autowired
    ProgrammeService programme;
    @Autowired
    ProjectService projectService;
    @Autowired
    MilestoneService milestoneService;
    @Autowired
    ProgrammeExports exports;
    @Autowired
    CalendarFeedService feeds;

    @AfterEach
    void signOut() {
        signIn.out();
    }

    @Test
    void every_name_and_title_field_refuses_hostile_text_and_stores_nothing() {
        signIn.as("admin");
        long ict = commissions.details("ICT").orElseThrow().id();
        signIn.as("chair-ict");
        ProgrammeTree tree = programme.tree("ICT", null);
        long triennium = tree.triennium().id();
        long priority = tree.priorities().get(0).priority().id();
        var project = tree.projects().get(0);
        var milestone = project.milestones().get(0);
        int y = tree.triennium().startYear();

        Map<String, Consumer<String>> fields = new java.util.LinkedHashMap<>();
        fields.put("commission name", t -> as("admin", () -> commissions.save(commission(t))));
        fields.put("institution name", t -> as("admin", () -> institutions.save(institution(t, ""))));
        fields.put("institution acronym", t -> as("admin", () -> institutions.save(institution("Hostile Test Fund", t))));
        fields.put("person last name", t -> as("secretariat", () -> people.save(person("Ada", t))));
        fields.put("person first name", t -> as("secretariat", () -> people.save(person(t, "Lovelace"))));
        fields.put("document title", t -> as("chair-ict", () -> documents.create("ICT", document(t))));
        fields.put("thread title", t -> as("member-ict", () -> discussions.startThread(
                new NewThread(ict, t, "A first post", null))));
        fields.put("priority title", t -> as("secretariat", () -> priorities.savePriority(null, 0, triennium, t, "", null)));
        fields.put("event title", t -> as("secretariat", () -> priorities.addEvent(triennium, EventKind.TECHNICAL_SEMINAR, t,
                LocalDate.of(y, 6, 1))));
        fields.put("project title", t -> as("chair-ict", () -> projectService.createProject("ICT", triennium,
                new ProjectDraft(null, 0, priority, t, "", ProjectType.TECHNICAL_REPORT, null, Set.of(), Set.of(),
                        LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31)))));
        fields.put("milestone title", t -> as("chair-ict", () -> milestoneService.saveMilestone(new MilestoneDraft(
                milestone.id(), project.id(), milestone.version(), t, milestone.dueDate(), null, null, null))));

        Map<String, Long> before = counts();
        List<String> accepted = new ArrayList<>();
        for (var field : fields.entrySet()) {
            for (String hostile : HostileText.SAMPLES) {
                if (field.getKey().equals("thread title") && hostile.equals(HostileText.NUL)) {
                    continue; // the discussion service removes a NUL from thread titles: checked below
                }
                try {
                    field.getValue().accept(hostile);
                    accepted.add(field.getKey() + ": " + escape(hostile));
                } catch (UserFacingException e) {
                    assertThat(e.messageKey()).as(field.getKey() + ": " + escape(hostile))
                            .isIn("validation.hidden-characters", "validation.invisible", "validation.required");
                }
            }
        }
        assertThat(accepted).as("hostile names that were accepted").isEmpty();
        assertThat(counts()).isEqualTo(before);
        signIn.as("chair-ict");
        assertThat(programme.project(project.id()).milestones().get(0).title()).isEqualTo(milestone.title());

        signIn.as("member-ict");
        long thread = discussions.startThread(new NewThread(ict, HostileText.NUL, "A first post", null));
        assertThat(jdbc.queryForObject("select title from discussion_thread where id = ?", String.class, thread))
                .isEqualTo("Titlewith NUL");
    }

    @Test
    void a_name_is_stored_in_nfc_and_trimmed() {
        signIn.as("secretariat");
        long triennium = programme.tree("ICT", null).triennium().id();
        long id = priorities.savePriority(null, 0, triennium, "  Pre\u0301voyance\tsociale  ", "", null);
        try {
            assertThat(jdbc.queryForObject("select title from programme_priority where id = ?", String.class, id))
                    .isEqualTo("Prévoyance sociale");
        } finally {
            priorities.deletePriority(id);
        }
    }

    @Test
    void every_export_survives_hostile_names_stored_before_they_were_checked() throws Exception {
        signIn.as("chair-ict");
        ProgrammeTree tree = programme.tree("ICT", null);
        var project = tree.projects().get(0);
        var milestone = project.milestones().get(0);
        String projectTitle = jdbc.queryForObject("select title from project where id = ?", String.class, project.id());
        String milestoneTitle = jdbc.queryForObject("select title from milestone where id = ?", String.class,
                milestone.id());
        jdbc.update("update project set title = ? where id = ?", HostileText.RLO, project.id());
        jdbc.update("update milestone set title = ? where id = ?", HostileText.BELL + HostileText.NUL, milestone.id());
        try {
            byte[] pdf = exports.pdf("ICT", tree.triennium().id(), Locale.ENGLISH);
            String text;
            try (var doc = Loader.loadPDF(pdf)) {
                text = new PDFTextStripper().getText(doc);
            }
            assertThat(text).contains("invoicefdp.exe", "Milestone with a bell").doesNotContain("\u202E", "\u0007");

            signIn.as("secretariat");
            assertThat(exports.pdfAll(tree.triennium().id(), Locale.FRENCH)).isNotEmpty();
            signIn.as("chair-ict");

            byte[] xlsx = exports.xlsx("ICT", tree.triennium().id(), Locale.ENGLISH);
            List<String> cells = new ArrayList<>();
            try (var wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
                for (Sheet sheet : wb) {
                    for (Row row : sheet) {
                        for (Cell cell : row) {
                            if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING) {
                                cells.add(cell.getStringCellValue());
                            }
                        }
                    }
                }
            }
            assertThat(cells).contains("invoicefdp.exe", "Milestone with a bellTitlewith NUL");
            assertThat(cells).allSatisfy(c -> assertThat(c).doesNotContain("\u202E", "\u0007", "\u0000", "_x0007_"));

            String token = feeds.renew("ICT");
            signIn.out();
            String ics = feeds.feed(token).orElseThrow();
            List<String> summaries = new CalendarBuilder().build(new StringReader(ics))
                    .<VEvent>getComponents(Component.VEVENT).stream().map(e -> e.getSummary().getValue()).toList();
            assertThat(summaries).contains("Milestone with a bellTitlewith NUL (invoicefdp.exe)");
            assertThat(ics).doesNotContain("\u202E", "\u0007", "\u0000");
        } finally {
            jdbc.update("update project set title = ? where id = ?", projectTitle, project.id());
            jdbc.update("update milestone set title = ? where id = ?", milestoneTitle, milestone.id());
        }
    }

    private void as(String user, Runnable action) {
        signIn.as(user);
        action.run();
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        for (String table : TABLES) {
            counts.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
        }
        return counts;
    }

    private static CommissionForm commission(String name) {
        var form = new CommissionForm();
        form.setCode("HOST");
        form.setName(name);
        return form;
    }

    private static InstitutionForm institution(String name, String acronym) {
        var form = new InstitutionForm();
        form.setName(name);
        form.setAcronym(acronym);
        form.setCountryCode("FR");
        form.setRegion(Region.EUROPE);
        return form;
    }

    private static PersonForm person(String first, String last) {
        var form = new PersonForm();
        form.setUsername("hostile.test");
        form.setEmail("hostile.test@example.org");
        form.setFirstName(first);
        form.setLastName(last);
        return form;
    }

    private static DocumentForm document(String title) {
        var form = new DocumentForm();
        form.setTitle(title);
        return form;
    }

    private static String escape(String s) {
        var out = new StringBuilder();
        s.codePoints().forEach(cp -> out.append(cp < 0x20 || cp > 0x7E ? String.format("\\u%04X", cp) : (char) cp));
        return out.toString();
    }
}
