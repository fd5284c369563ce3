package org.issa.tcw.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.issa.tcw.people.PersonForm;
import org.issa.tcw.people.PersonService;
import org.issa.tcw.security.PersonDirectory;
import org.issa.tcw.security.PersonIdentity;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.issa.tcw.testsupport.SignIn;
import org.issa.tcw.testsupport.SpringTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** The exports read back: the XLSX parsed, the PDF's text extracted, the iCal feed unfolded and parsed. */
@SpringTest
class ProgrammeExportsTest {

    @Autowired
    ProgrammeExports exports;
    @Autowired
    ProgrammeService programme;
    @Autowired
    ProjectService projectService;
    @Autowired
    MilestoneService milestoneService;
    @Autowired
    CalendarFeedService feeds;
    @Autowired
    SignIn signIn;
    @Autowired
    PersonService people;
    @Autowired
    PersonDirectory directory;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;
    @Autowired
    ProgrammeFixture fixture;
    @Autowired
    WebApplicationContext context;

    @AfterEach
    void signOut() {
        signIn.out();
    }

    @Test
    void the_xlsx_holds_every_project_and_milestone_of_the_programme() throws Exception {
        signIn.as("member-ict");
        ProgrammeTree tree = programme.tree("ICT", null);
        byte[] bytes = exports.xlsx("ICT", tree.triennium().id(), Locale.ENGLISH);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet projects = wb.getSheet("Projects");
            assertThat(projects.getRow(0).getCell(2).getStringCellValue()).isEqualTo("Project");
            List<String> titles = new ArrayList<>();
            for (Row row : projects) {
                if (row.getRowNum() > 0) {
                    titles.add(row.getCell(2).getStringCellValue());
                }
            }
            assertThat(titles).containsExactlyInAnyOrderElementsOf(tree.projects().stream().map(ProjectNode::title).toList());
            Row ai = find(projects, "Artificial intelligence in social security administration");
            assertThat(ai.getCell(5).getStringCellValue()).isEqualTo("David Okafor");
            assertThat(ai.getCell(6).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(
                    tree.projects().stream().filter(p -> p.title().startsWith("Artificial")).findFirst().orElseThrow()
                            .startDate());
            Sheet milestones = wb.getSheet("Milestones");
            assertThat(milestones.getLastRowNum()).isEqualTo(
                    tree.projects().stream().mapToInt(p -> p.milestones().size()).sum());
        }
        signIn.as("member-fam");
        assertThatThrownBy(() -> exports.xlsx("ICT", tree.triennium().id(), Locale.ENGLISH)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void the_pdf_report_names_the_commissions_projects() throws Exception {
        signIn.as("chair-ict");
        ProgrammeTree tree = programme.tree("ICT", null);
        byte[] bytes = exports.pdf("ICT", tree.triennium().id(), Locale.ENGLISH);
        String text = text(bytes);
        assertThat(text).contains("Triennium progress report 2026", "ICT · Information and Communication Technology",
                "Transformation and innovation in service delivery");
        assertThat(text).contains("Webinar series: digital identity for social security");
    }

    @Test
    void the_pdf_for_the_bureau_covers_every_commission_and_only_the_secretariat_may_make_it() throws Exception {
        signIn.as("secretariat");
        long triennium = programme.tree("ICT", null).triennium().id();
        String text = text(exports.pdfAll(triennium, Locale.ENGLISH));
        assertThat(text).contains("ICT · Information", "FAM · Family Benefits", "OLD · Old-age",
                "Family benefits for workers in non-standard employment");
        signIn.as("chair-ict");
        assertThatThrownBy(() -> exports.pdfAll(triennium, Locale.ENGLISH)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void the_pdf_report_is_in_the_readers_language_and_prints_names_in_any_european_script() throws Exception {
        long project = unicodeProject();
        signIn.as("chair-ict");
        ProgrammeTree tree = programme.tree("ICT", null);
        ProjectNode node = tree.projects().stream().filter(p -> p.id() == project).findFirst().orElseThrow();
        LocalDate due = node.milestones().getFirst().dueDate();

        try (PDDocument doc = Loader.loadPDF(exports.pdf("ICT", tree.triennium().id(), Locale.FRENCH))) {
            String text = flat(new PDFTextStripper().getText(doc));
            assertThat(text).contains(UNICODE_TITLE, UNICODE_LEAD, UNICODE_MILESTONE,
                    "Rapport d'avancement du triennat " + tree.triennium().label(), "Situation au ",
                    "Commissions dans ce rapport : 1.", "Responsable", "Jalons", "Non commencé", "Rapport technique",
                    "Programme : ", due.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                            .withLocale(Locale.FRENCH)));
            assertThat(text).doesNotContain("Triennium progress report", "As of", "Milestones", "NOT_STARTED",
                    "not started", "Technical report");
            assertThat(fonts(doc)).isNotEmpty().allSatisfy(f -> {
                assertThat(f.getName()).contains("DejaVuSans");
                assertThat(f.isEmbedded()).as(f.getName()).isTrue();
            });
            assertThat(fonts(doc)).anyMatch(f -> f.getName().endsWith("DejaVuSans-Bold"));
        }
        try (PDDocument doc = Loader.loadPDF(exports.pdf("ICT", tree.triennium().id(), Locale.GERMAN))) {
            String text = flat(new PDFTextStripper().getText(doc));
            assertThat(text).contains(UNICODE_TITLE, UNICODE_LEAD, UNICODE_MILESTONE,
                    "Fortschrittsbericht zum Triennium " + tree.triennium().label(), "Stand: ", "Leitung",
                    "Meilensteine", "Nicht begonnen", "Fachbericht", "Programm: ",
                    due.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(Locale.GERMAN)));
            assertThat(text).doesNotContain("Triennium progress report", "Milestones", "Technical report");
        }
    }

    @Test
    void the_bureaus_report_is_in_the_readers_language_too() throws Exception {
        signIn.as("secretariat");
        long triennium = programme.tree("ICT", null).triennium().id();
        String text = text(exports.pdfAll(triennium, Locale.forLanguageTag("es")));
        assertThat(text).contains("Informe de avance del trienio", "En riesgo / retrasados", "Hitos cumplidos",
                "FAM · Family Benefits");
        assertThat(text).doesNotContain("At risk / off track", "Milestones done", "APPROVED", "SUBMITTED");
    }

    @Test
    void the_xlsx_is_titled_in_french_and_german() throws Exception {
        long project = unicodeProject();
        signIn.as("member-ict");
        ProgrammeTree tree = programme.tree("ICT", null);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(
                exports.xlsx("ICT", tree.triennium().id(), Locale.FRENCH)))) {
            assertThat(wb.getSheetName(0)).isEqualTo("Projets");
            assertThat(wb.getSheetName(1)).isEqualTo("Jalons");
            Sheet projects = wb.getSheet("Projets");
            assertThat(headers(projects)).startsWith("ID", "Priorité", "Projet", "Type", "Commission", "Responsable",
                    "Début", "Fin").contains("Statut", "Note de statut", "En retard");
            Row row = find(projects, UNICODE_TITLE);
            assertThat(row.getCell(0).getNumericCellValue()).isEqualTo(project);
            assertThat(row.getCell(3).getStringCellValue()).isEqualTo("Rapport technique");
            assertThat(row.getCell(5).getStringCellValue()).isEqualTo(UNICODE_LEAD);
            assertThat(row.getCell(10).getStringCellValue()).isEqualTo("Non commencé");
            assertThat(row.getCell(6).getCellStyle().getDataFormatString()).isEqualTo("dd/mm/yyyy");
            Sheet milestones = wb.getSheet("Jalons");
            assertThat(headers(milestones)).containsExactly("ID du projet", "Projet", "Jalon", "Échéance",
                    "Échéance prévue (référence)", "Responsable", "Atteint le", "État", "Événement");
            assertThat(column(milestones, 7)).isSubsetOf("Ouvert", "Atteint", "En retard", "Annulé").contains("Ouvert");
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(
                exports.xlsx("ICT", tree.triennium().id(), Locale.GERMAN)))) {
            assertThat(wb.getSheetName(0)).isEqualTo("Projekte");
            Sheet projects = wb.getSheet("Projekte");
            assertThat(headers(projects)).startsWith("ID", "Priorität", "Projekt", "Art", "Kommission", "Leitung",
                    "Beginn", "Ende");
            Row row = find(projects, UNICODE_TITLE);
            assertThat(row.getCell(3).getStringCellValue()).isEqualTo("Fachbericht");
            assertThat(row.getCell(10).getStringCellValue()).isEqualTo("Nicht begonnen");
            assertThat(row.getCell(6).getCellStyle().getDataFormatString()).isEqualTo("dd.mm.yyyy");
            assertThat(column(projects, 10)).doesNotContain("NOT_STARTED", "ON_TRACK", "AT_RISK");
            Sheet milestones = wb.getSheet("Meilensteine");
            assertThat(headers(milestones)).startsWith("Projekt-ID", "Projekt", "Meilenstein", "Fällig");
            assertThat(column(milestones, 7)).isSubsetOf("Offen", "Erledigt", "Überfällig", "Abgesagt")
                    .contains("Offen");
        }
    }

    @Test
    void the_ical_feed_is_served_only_for_a_valid_token_and_stops_when_revoked() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        signIn.as("chair-ict");
        String token = feeds.renew("ICT");
        signIn.out();

        MvcResult ok = mvc.perform(get("/calendar/" + token + ".ics")).andReturn();
        assertThat(ok.getResponse().getStatus()).isEqualTo(200);
        assertThat(ok.getResponse().getContentType()).startsWith("text/calendar");
        assertThat(ok.getRequest().getSession(false)).isNull();
        String body = ok.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
        Calendar calendar = parse(body);
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        assertThat(events).hasSizeGreaterThan(20);
        List<String> summaries = events.stream().map(e -> e.getSummary().getValue()).toList();
        assertThat(summaries).contains("Presentation at the World Social Security Forum (ISSA Guidelines on "
                + "Information and Communication Technology: 2027 revision)", "World Social Security Forum 2028");
        assertThat(summaries).anyMatch(t -> t.startsWith("Webinar 2: wallets and interoperability"));
        VEvent forum = events.stream().filter(e -> e.getSummary().getValue().equals("World Social Security Forum 2028"))
                .findFirst().orElseThrow();
        assertThat(forum.getProperty(Property.CATEGORIES).orElseThrow().getValue()).isEqualTo("WSSF");
        LocalDate start = forum.getDateTimeStart().getDate() instanceof LocalDate d ? d : null;
        assertThat(start).isNotNull();
        assertThat(start.getYear()).isEqualTo(2028);
        assertThat(forum.getDateTimeEnd().getDate()).isEqualTo(start.plusDays(1));

        assertThat(mvc.perform(get("/calendar/" + token.substring(1) + "x.ics")).andReturn().getResponse().getStatus())
                .isEqualTo(404);
        signIn.as("chair-ict");
        feeds.revoke("ICT");
        signIn.out();
        assertThat(mvc.perform(get("/calendar/" + token + ".ics")).andReturn().getResponse().getStatus())
                .isEqualTo(404);
    }

    @Test
    void the_feed_speaks_the_language_of_the_person_who_made_the_link() throws Exception {
        PersonIdentity owner = directory.findByUsername("secretariat").orElseThrow();
        String previous = owner.preferredLocale();
        directory.rememberLocale(owner.personId(), "de");
        try {
            signIn.as("secretariat");
            String token = feeds.renew("ICT");
            signIn.out();
            Calendar calendar = parse(feeds.feed(token).orElseThrow());
            assertThat(calendar.getProperty("X-WR-CALNAME").orElseThrow().getValue()).isEqualTo("Arbeitsprogramm ICT");
            List<String> descriptions = calendar.<VEvent>getComponents(Component.VEVENT).stream()
                    .filter(e -> e.getDescription() != null).map(e -> e.getDescription().getValue()).toList();
            assertThat(descriptions).anyMatch(d -> d.startsWith("Projekt: ") && d.contains("\nOffen"));
            assertThat(descriptions).anyMatch(d -> d.startsWith("Projekt: ") && d.contains("\nErledigt am "));
            assertThat(descriptions).noneMatch(d -> d.contains("Project: ") || d.contains("work programme"));
        } finally {
            jdbc.update("update person set preferred_locale = ? where id = ?", previous, owner.personId());
        }
    }

    @Test
    void ical_text_with_separators_and_long_lines_in_any_script_reads_back_as_written() throws Exception {
        signIn.as("chair-ict");
        String title = "Évaluation; des prestations, familiales \\ — " + "Київ ".repeat(30).strip();
        long project = fixture.newIctProject(title, null);
        String token = feeds.renew("ICT");
        try {
            signIn.out();
            String body = feeds.feed(token).orElseThrow();
            for (String line : body.split("\r\n")) {
                assertThat(line.length()).as(line).isLessThanOrEqualTo(75);
            }
            List<String> summaries = parse(body).<VEvent>getComponents(Component.VEVENT).stream()
                    .map(e -> e.getSummary().getValue()).toList();
            assertThat(summaries).contains("First milestone (" + title + ")");
        } finally {
            signIn.as("chair-ict");
            var p = programme.project(project);
            projectService.deleteProject(project, p.version());
            signIn.out();
        }
    }

    /** The feed as a calendar app reads it: parsed by ical4j, not by the writer's own rules. */
    static Calendar parse(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    @Test
    void only_the_chair_or_secretariat_creates_the_private_link() {
        signIn.as("member-ict");
        assertThatThrownBy(() -> feeds.renew("ICT")).isInstanceOf(AccessDeniedException.class);
        signIn.as("member-fam");
        assertThatThrownBy(() -> feeds.token("ICT")).isInstanceOf(AccessDeniedException.class);
    }

    static final String UNICODE_TITLE = "Łódź, İstanbul, Αθήνα, Київ, Hà Nội: e-services compared";
    static final String UNICODE_LEAD = "Đặng Thị Ngọc Hà-Øverbø";
    static final String UNICODE_MILESTONE = "Семинар «Цифровая идентичность» · Ελληνική έκδοση";

    /** An ICT project whose title, lead and milestone need more than Latin-1 (made once for the whole class). */
    private long unicodeProject() {
        signIn.as("chair-ict");
        var existing = programme.tree("ICT", null).projects().stream().filter(p -> p.title().equals(UNICODE_TITLE))
                .findFirst();
        if (existing.isPresent()) {
            return existing.get().id();
        }
        signIn.as("secretariat");
        PersonForm form = new PersonForm();
        String unique = "u" + System.nanoTime();
        form.setUsername(unique);
        form.setEmail(unique + "@example.org");
        form.setFirstName("Đặng Thị Ngọc");
        form.setLastName("Hà-Øverbø");
        long lead = people.save(form);
        long project = fixture.newIctProject(UNICODE_TITLE, lead);
        signIn.as("chair-ict");
        var first = programme.project(project).milestones().getFirst();
        milestoneService.saveMilestone(new MilestoneDraft(first.id(), project, first.version(), UNICODE_MILESTONE,
                first.dueDate(), lead, null, null));
        return project;
    }

    private static List<PDFont> fonts(PDDocument doc) throws Exception {
        List<PDFont> fonts = new ArrayList<>();
        for (PDPage page : doc.getPages()) {
            for (COSName name : page.getResources().getFontNames()) {
                fonts.add(page.getResources().getFont(name));
            }
        }
        return fonts;
    }

    private static List<String> headers(Sheet sheet) {
        List<String> result = new ArrayList<>();
        sheet.getRow(0).forEach(c -> result.add(c.getStringCellValue()));
        return result;
    }

    private static List<String> column(Sheet sheet, int column) {
        List<String> result = new ArrayList<>();
        for (Row row : sheet) {
            if (row.getRowNum() > 0) {
                result.add(row.getCell(column).getStringCellValue());
            }
        }
        return result;
    }

    private static Row find(Sheet sheet, String title) {
        for (Row row : sheet) {
            if (row.getRowNum() > 0 && row.getCell(2).getStringCellValue().equals(title)) {
                return row;
            }
        }
        throw new AssertionError("no row " + title);
    }

    /** The PDF's text on one line (words wrapped after a hyphen joined again). */
    private static String text(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return flat(new PDFTextStripper().getText(doc));
        }
    }

    private static String flat(String text) {
        return text.replaceAll("\\s+", " ").replaceAll("(\\p{L})- (\\p{L})", "$1-$2");
    }
}
