package org.issa.tcw.programme;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.issa.tcw.base.Markup;
import org.issa.tcw.base.NotFoundException;
import org.issa.tcw.base.PdfFonts;
import org.issa.tcw.base.Texts;
import org.issa.tcw.base.UserText;
import org.issa.tcw.commission.CommissionService;
import org.issa.tcw.commission.CommissionSummary;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Exports of the work programme: a commission's programme as an XLSX workbook (projects and
 * milestones sheets), and the triennium progress report as PDF, for one commission or for all
 * (for the Bureau). Both are made in the language of the person who asks (EN/FR/ES/DE, from the
 * same bundles as the screens): headings, column titles, state names and dates. The PDF embeds
 * DejaVu Sans (regular and bold, subset to the glyphs used) so that names in any European script
 * (Łódź, İstanbul, Αθήνα, Київ, Hà Nội) print as written.
 */
@Service
@org.springframework.transaction.annotation.Transactional(readOnly = true)
public class ProgrammeExports {

    /** The font family the report's style sheet names (see {@link PdfFonts}). */
    static final String FONT_FAMILY = PdfFonts.FAMILY;

    private final ProgrammeService programme;
    private final CommissionService commissions;
    private final Texts texts;
    private final Clock clock;

    ProgrammeExports(ProgrammeService programme, CommissionService commissions, Texts texts, Clock clock) {
        this.programme = programme;
        this.commissions = commissions;
        this.texts = texts;
        this.clock = clock;
    }

    /** The commission's programme for a triennium as an XLSX workbook, titled in the given language. */
    @PreAuthorize("@commissionAccess.may('READ', #code)")
    public byte[] xlsx(String code, long trienniumId, Locale locale) {
        ProgrammeTree tree = programme.tree(code, trienniumId);
        LocalDate today = LocalDate.now(clock);
        Locale lang = Texts.supported(locale.toLanguageTag());
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CreationHelper helper = wb.getCreationHelper();
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(helper.createDataFormat().getFormat(excelDatePattern(lang)));
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            Sheet projects = wb.createSheet(t("xlsx.sheet.projects", lang));
            header(projects, bold, t("xlsx.column.id", lang), t("xlsx.column.priority", lang),
                    t("xlsx.column.project", lang), t("xlsx.column.type", lang), t("xlsx.column.commission", lang),
                    t("xlsx.column.lead", lang), t("xlsx.column.start", lang), t("xlsx.column.end", lang),
                    t("xlsx.column.baseline-start", lang), t("xlsx.column.baseline-end", lang),
                    t("xlsx.column.status", lang), t("xlsx.column.status-note", lang),
                    t("xlsx.column.milestones", lang), t("xlsx.column.done", lang), t("xlsx.column.overdue", lang));
            Sheet milestones = wb.createSheet(t("xlsx.sheet.milestones", lang));
            header(milestones, bold, t("xlsx.column.project-id", lang), t("xlsx.column.project", lang),
                    t("xlsx.column.milestone", lang), t("xlsx.column.due", lang), t("xlsx.column.baseline-due", lang),
                    t("xlsx.column.owner", lang), t("xlsx.column.done-on", lang), t("xlsx.column.state", lang),
                    t("xlsx.column.event", lang));
            int r = 1;
            int mr = 1;
            for (PriorityNode priority : tree.priorities()) {
                for (ProjectNode p : priority.projects()) {
                    Row row = projects.createRow(r++);
                    row.createCell(0).setCellValue(p.id());
                    text(row, 1, priority.priority().title());
                    text(row, 2, p.title());
                    row.createCell(3).setCellValue(t("project.type." + p.type().name(), lang));
                    text(row, 4, p.commissionCode());
                    text(row, 5, p.leadName());
                    dateCell(row, 6, p.startDate(), date);
                    dateCell(row, 7, p.endDate(), date);
                    dateCell(row, 8, p.baselineStart(), date);
                    dateCell(row, 9, p.baselineEnd(), date);
                    row.createCell(10).setCellValue(t("project.status." + p.status().name(), lang));
                    text(row, 11, p.statusNote());
                    row.createCell(12).setCellValue(p.milestones().size());
                    row.createCell(13).setCellValue(p.milestones().stream().filter(MilestoneRow::done).count());
                    row.createCell(14).setCellValue(p.milestones().stream().filter(m -> m.overdue(today)).count());
                    for (MilestoneRow m : p.milestones()) {
                        Row mrow = milestones.createRow(mr++);
                        mrow.createCell(0).setCellValue(p.id());
                        text(mrow, 1, p.title());
                        text(mrow, 2, m.title());
                        dateCell(mrow, 3, m.dueDate(), date);
                        dateCell(mrow, 4, m.baselineDue(), date);
                        text(mrow, 5, m.ownerName());
                        dateCell(mrow, 6, m.doneDate(), date);
                        MilestoneState state = m.state(today);
                        mrow.createCell(7).setCellValue(t("milestone.state."
                                + (state == MilestoneState.DUE_SOON ? MilestoneState.OPEN : state).key(), lang));
                        text(mrow, 8, m.eventTitle());
                    }
                }
            }
            for (int c = 0; c < 15; c++) {
                projects.setColumnWidth(c, c == 2 || c == 1 || c == 11 ? 50 * 256 : 14 * 256);
            }
            for (int c = 0; c < 9; c++) {
                milestones.setColumnWidth(c, c == 1 || c == 2 || c == 8 ? 45 * 256 : 14 * 256);
            }
            projects.createFreezePane(0, 1);
            milestones.createFreezePane(0, 1);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The triennium progress report of one commission as PDF, in the given language. */
    @PreAuthorize("@commissionAccess.may('READ', #code)")
    public byte[] pdf(String code, long trienniumId, Locale locale) {
        ProgrammeTree tree = programme.tree(code, trienniumId);
        return render(tree.triennium(), List.of(tree), Texts.supported(locale.toLanguageTag()));
    }

    /** The triennium progress report of every active commission as one PDF (for the Bureau), in the given language. */
    @PreAuthorize("hasAnyRole('ADMIN', 'SECRETARIAT')")
    public byte[] pdfAll(long trienniumId, Locale locale) {
        List<ProgrammeTree> trees = new ArrayList<>();
        for (CommissionSummary c : commissions.activeCommissions()) {
            trees.add(programme.tree(c.code(), trienniumId));
        }
        TrienniumRow t = trees.stream().findFirst().map(ProgrammeTree::triennium).orElseThrow(NotFoundException::new);
        return render(t, trees, Texts.supported(locale.toLanguageTag()));
    }

    private byte[] render(TrienniumRow triennium, List<ProgrammeTree> trees, Locale lang) {
        LocalDate today = LocalDate.now(clock);
        DateTimeFormatter day = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(lang);
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html><html lang='").append(lang.getLanguage()).append("'><head><meta charset='utf-8'/><title>")
                .append(esc(t("report.document-title", lang, triennium.label()))).append("</title><style>")
                .append("@page{size:A4;margin:18mm 15mm} body{font-family:'").append(FONT_FAMILY)
                .append("';font-size:9pt;color:#1f2933}")
                .append("h1{font-size:16pt;color:#0b5394;margin:0 0 4pt} h2{font-size:12.5pt;color:#0b5394;margin:14pt 0 4pt;")
                .append("page-break-before:auto} h3{font-size:10pt;margin:10pt 0 2pt} table{width:100%;border-collapse:collapse;")
                .append("margin:3pt 0} th,td{border-bottom:0.5pt solid #cbd2d9;padding:2pt 3pt;text-align:left;vertical-align:top}")
                .append("th{background:#f0f4f8} h1,h2,h3,th,.s{font-weight:bold} .ON_TRACK{color:#3f9142} .AT_RISK{color:#b7791f}")
                .append(".OFF_TRACK{color:#d64545} .COMPLETED{color:#2680c2} .muted{color:#7b8794} .overdue{color:#d64545}")
                .append(".commission{page-break-before:always} .commission.first{page-break-before:avoid} .d{white-space:nowrap}")
                .append("</style></head><body>");
        h.append("<h1>").append(esc(t("report.title", lang, triennium.label()))).append("</h1>");
        h.append("<p class='muted'>").append(esc(t("report.as-of", lang, day.format(today)))).append(' ')
                .append(esc(t("report.commissions-count", lang, String.valueOf(trees.size())))).append("</p>");
        if (trees.size() > 1) {
            h.append("<table><tr>");
            for (String column : List.of("commission", "programme", "projects", "at-risk", "milestones-done",
                    "overdue")) {
                h.append("<th>").append(esc(t("report.column." + column, lang))).append("</th>");
            }
            h.append("</tr>");
            for (ProgrammeTree t : trees) {
                List<ProjectNode> ps = t.projects();
                long risk = ps.stream().filter(p -> p.status() == ProjectStatus.AT_RISK
                        || p.status() == ProjectStatus.OFF_TRACK).count();
                long ms = ps.stream().mapToLong(p -> p.milestones().size()).sum();
                long done = ps.stream().flatMap(p -> p.milestones().stream()).filter(MilestoneRow::done).count();
                long overdue = ps.stream().flatMap(p -> p.milestones().stream()).filter(m -> m.overdue(today)).count();
                h.append("<tr><td>").append(esc(t.commissionCode() + " · " + t.commissionName())).append("</td><td>")
                        .append(esc(t("programme.status." + t.state().status().name(), lang))).append("</td><td>")
                        .append(ps.size()).append("</td><td>").append(risk).append("</td><td>").append(done)
                        .append(" / ").append(ms).append("</td><td>").append(overdue).append("</td></tr>");
            }
            h.append("</table>");
        }
        boolean first = true;
        for (ProgrammeTree t : trees) {
            h.append("<div class='commission").append(first ? " first" : "").append("'>");
            first = false;
            h.append("<h2>").append(esc(t.commissionCode() + " · " + t.commissionName())).append("</h2>");
            h.append("<p>").append(esc(t("report.programme", lang))).append(" <span class='s'>")
                    .append(esc(t("programme.status." + t.state().status().name(), lang))).append("</span>");
            Optional.ofNullable(t.state().baselineAt()).ifPresent(b -> h.append(" · ").append(esc(t("report.baseline",
                    lang, day.format(b.atZone(clock.getZone()).toLocalDate())))));
            h.append("</p>");
            for (PriorityNode priority : t.priorities()) {
                if (priority.projects().isEmpty()) {
                    continue;
                }
                h.append("<h3>").append(esc(priority.priority().title())).append("</h3><table><tr>");
                for (String column : List.of("project", "lead", "span", "status", "milestones")) {
                    h.append("<th>").append(esc(t("report.column." + column, lang))).append("</th>");
                }
                h.append("</tr>");
                for (ProjectNode p : priority.projects()) {
                    h.append("<tr><td>").append(esc(p.title()));
                    if (p.crossCommission() || !p.commissionCode().equals(t.commissionCode())) {
                        h.append(" <span class='muted'>(").append(esc(p.commissionCode())).append(")</span>");
                    }
                    h.append("<br/><span class='muted'>").append(esc(t("project.type." + p.type().name(), lang)))
                            .append("</span>");
                    if (p.statusNote() != null) {
                        h.append("<br/><span class='muted'>").append(esc(p.statusNote())).append("</span>");
                    }
                    h.append("</td><td>").append(esc(p.leadName() == null ? "" : p.leadName())).append("</td><td>")
                            .append(nowrap(day.format(p.startDate()))).append(" – ").append(nowrap(day.format(p.endDate())));
                    if (p.movedFromBaseline()) {
                        h.append("<br/><span class='muted'>").append(esc(t("report.plan-span", lang,
                                day.format(p.baselineStart()), day.format(p.baselineEnd())))).append("</span>");
                    }
                    h.append("</td><td class='").append(p.status().name()).append("'>")
                            .append(esc(t("project.status." + p.status().name(), lang))).append("</td><td>");
                    for (MilestoneRow m : p.milestones()) {
                        String cls = m.overdue(today) ? "overdue" : m.cancelled() ? "muted" : "";
                        h.append("<div class='").append(cls).append("'>").append("&#8226; ")
                                .append(esc(m.title())).append(" — ").append(nowrap(day.format(m.dueDate())));
                        if (m.done()) {
                            h.append(" · ").append(esc(t("report.milestone.done", lang, day.format(m.doneDate()))));
                        } else if (m.cancelled()) {
                            h.append(" · ").append(esc(t("report.milestone.cancelled", lang)));
                        } else if (m.overdue(today)) {
                            h.append(" · ").append(esc(t("report.milestone.overdue", lang)));
                        }
                        if (m.movedFromBaseline()) {
                            h.append(" (").append(esc(t("report.milestone.plan", lang, day.format(m.baselineDue()))))
                                    .append(')');
                        }
                        h.append("</div>");
                    }
                    h.append("</td></tr>");
                }
                h.append("</table>");
            }
            h.append("</div>");
        }
        h.append("</body></html>");
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            PdfFonts.register(builder);
            builder.withHtmlContent(h.toString(), null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String t(String key, Locale lang, Object... params) {
        return texts.getTranslation(key, lang, params);
    }

    /** The locale's short date pattern as an Excel number format, with four-digit years (dd/mm/yyyy, dd.mm.yyyy...). */
    static String excelDatePattern(Locale locale) {
        String pattern = DateTimeFormatterBuilder.getLocalizedDateTimePattern(FormatStyle.SHORT, null,
                IsoChronology.INSTANCE, locale);
        String excel = pattern.replaceAll("y+", "yyyy").replaceAll("M+", "mm").replaceAll("d+", "dd");
        return excel.matches("[dmy./\\- ]+") ? excel : "yyyy-mm-dd";
    }

    private static void header(Sheet sheet, CellStyle bold, String... titles) {
        Row row = sheet.createRow(0);
        for (int i = 0; i < titles.length; i++) {
            row.createCell(i).setCellValue(titles[i]);
            row.getCell(i).setCellStyle(bold);
        }
    }

    private static void dateCell(Row row, int column, @Nullable LocalDate value, CellStyle style) {
        var cell = row.createCell(column);
        if (value != null) {
            cell.setCellValue(value);
            cell.setCellStyle(style);
        }
    }

    /** A date that is not broken across lines. */
    private static String nowrap(String text) {
        return "<span class='d'>" + esc(text) + "</span>";
    }

    static String esc(String s) {
        return Markup.escape(s);
    }

    /** A spreadsheet cell's text: what is stored, without characters that lie or that the file cannot carry. */
    private static void text(Row row, int column, @Nullable String value) {
        row.createCell(column).setCellValue(UserText.sanitize(value, false));
    }
}
