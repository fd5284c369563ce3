package org.issa.tcw.programme;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.issa.tcw.base.NotFoundException;
import org.issa.tcw.commission.CommissionService;
import org.issa.tcw.commission.CommissionSummary;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Exports of the work programme: a commission's programme as an XLSX workbook (projects and
 * milestones sheets), and the triennium progress report as PDF, for one commission or for all
 * (for the Bureau). Texts are in English, the Bureau's working language for these reports.
 */
@Service
@org.springframework.transaction.annotation.Transactional(readOnly = true)
public class ProgrammeExports {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;

    private final ProgrammeService programme;
    private final CommissionService commissions;
    private final Clock clock;

    ProgrammeExports(ProgrammeService programme, CommissionService commissions, Clock clock) {
        this.programme = programme;
        this.commissions = commissions;
        this.clock = clock;
    }

    /** The commission's programme for a triennium as an XLSX workbook. */
    @PreAuthorize("@commissionAccess.may('READ', #code)")
    public byte[] xlsx(String code, long trienniumId) {
        ProgrammeTree tree = programme.tree(code, trienniumId);
        LocalDate today = LocalDate.now(clock);
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CreationHelper helper = wb.getCreationHelper();
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(helper.createDataFormat().getFormat("yyyy-mm-dd"));
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            Sheet projects = wb.createSheet("Projects");
            header(projects, bold, "ID", "Priority", "Project", "Type", "Owner", "Lead", "Start", "End",
                    "Baseline start", "Baseline end", "Status", "Status note", "Milestones", "Done", "Overdue");
            Sheet milestones = wb.createSheet("Milestones");
            header(milestones, bold, "Project ID", "Project", "Milestone", "Due", "Baseline due", "Owner", "Done on",
                    "State", "Event");
            int r = 1;
            int mr = 1;
            for (PriorityNode priority : tree.priorities()) {
                for (ProjectNode p : priority.projects()) {
                    Row row = projects.createRow(r++);
                    row.createCell(0).setCellValue(p.id());
                    row.createCell(1).setCellValue(priority.priority().title());
                    row.createCell(2).setCellValue(p.title());
                    row.createCell(3).setCellValue(p.type().name());
                    row.createCell(4).setCellValue(p.commissionCode());
                    row.createCell(5).setCellValue(p.leadName() == null ? "" : p.leadName());
                    dateCell(row, 6, p.startDate(), date);
                    dateCell(row, 7, p.endDate(), date);
                    dateCell(row, 8, p.baselineStart(), date);
                    dateCell(row, 9, p.baselineEnd(), date);
                    row.createCell(10).setCellValue(p.status().name());
                    row.createCell(11).setCellValue(p.statusNote() == null ? "" : p.statusNote());
                    row.createCell(12).setCellValue(p.milestones().size());
                    row.createCell(13).setCellValue(p.milestones().stream().filter(MilestoneRow::done).count());
                    row.createCell(14).setCellValue(p.milestones().stream().filter(m -> m.overdue(today)).count());
                    for (MilestoneRow m : p.milestones()) {
                        Row mrow = milestones.createRow(mr++);
                        mrow.createCell(0).setCellValue(p.id());
                        mrow.createCell(1).setCellValue(p.title());
                        mrow.createCell(2).setCellValue(m.title());
                        dateCell(mrow, 3, m.dueDate(), date);
                        dateCell(mrow, 4, m.baselineDue(), date);
                        mrow.createCell(5).setCellValue(m.ownerName() == null ? "" : m.ownerName());
                        dateCell(mrow, 6, m.doneDate(), date);
                        mrow.createCell(7).setCellValue(m.cancelled() ? "cancelled" : m.done() ? "done"
                                : m.overdue(today) ? "overdue" : "open");
                        mrow.createCell(8).setCellValue(m.eventTitle() == null ? "" : m.eventTitle());
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

    /** The triennium progress report of one commission as PDF. */
    @PreAuthorize("@commissionAccess.may('READ', #code)")
    public byte[] pdf(String code, long trienniumId) {
        ProgrammeTree tree = programme.tree(code, trienniumId);
        return render(tree.triennium(), List.of(tree));
    }

    /** The triennium progress report of every active commission as one PDF (for the Bureau). */
    @PreAuthorize("hasAnyRole('ADMIN', 'SECRETARIAT')")
    public byte[] pdfAll(long trienniumId) {
        List<ProgrammeTree> trees = new ArrayList<>();
        for (CommissionSummary c : commissions.activeCommissions()) {
            trees.add(programme.tree(c.code(), trienniumId));
        }
        TrienniumRow t = trees.stream().findFirst().map(ProgrammeTree::triennium).orElseThrow(NotFoundException::new);
        return render(t, trees);
    }

    private byte[] render(TrienniumRow triennium, List<ProgrammeTree> trees) {
        LocalDate today = LocalDate.now(clock);
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html><html><head><meta charset='utf-8'/><title>Progress report ")
                .append(triennium.label()).append("</title><style>")
                .append("@page{size:A4;margin:18mm 15mm} body{font-family:sans-serif;font-size:9.5pt;color:#1f2933}")
                .append("h1{font-size:17pt;color:#0b5394;margin:0 0 4pt} h2{font-size:13pt;color:#0b5394;margin:14pt 0 4pt;")
                .append("page-break-before:auto} h3{font-size:10.5pt;margin:10pt 0 2pt} table{width:100%;border-collapse:collapse;")
                .append("margin:3pt 0} th,td{border-bottom:0.5pt solid #cbd2d9;padding:2pt 3pt;text-align:left;vertical-align:top}")
                .append("th{background:#f0f4f8} .s{font-weight:bold} .ON_TRACK{color:#3f9142} .AT_RISK{color:#b7791f}")
                .append(".OFF_TRACK{color:#d64545} .COMPLETED{color:#2680c2} .muted{color:#7b8794} .overdue{color:#d64545}")
                .append(".commission{page-break-before:always} .commission.first{page-break-before:avoid}")
                .append("</style></head><body>");
        h.append("<h1>Triennium progress report ").append(esc(triennium.label())).append("</h1>");
        h.append("<p class='muted'>As of ").append(DAY.format(today)).append(". ").append(trees.size())
                .append(trees.size() == 1 ? " commission." : " commissions.").append("</p>");
        if (trees.size() > 1) {
            h.append("<table><tr><th>Commission</th><th>Programme</th><th>Projects</th><th>At risk / off track</th>")
                    .append("<th>Milestones done</th><th>Overdue</th></tr>");
            for (ProgrammeTree t : trees) {
                List<ProjectNode> ps = t.projects();
                long risk = ps.stream().filter(p -> p.status() == ProjectStatus.AT_RISK
                        || p.status() == ProjectStatus.OFF_TRACK).count();
                long ms = ps.stream().mapToLong(p -> p.milestones().size()).sum();
                long done = ps.stream().flatMap(p -> p.milestones().stream()).filter(MilestoneRow::done).count();
                long overdue = ps.stream().flatMap(p -> p.milestones().stream()).filter(m -> m.overdue(today)).count();
                h.append("<tr><td>").append(esc(t.commissionCode() + " · " + t.commissionName())).append("</td><td>")
                        .append(t.state().status().name()).append("</td><td>").append(ps.size()).append("</td><td>")
                        .append(risk).append("</td><td>").append(done).append(" / ").append(ms).append("</td><td>")
                        .append(overdue).append("</td></tr>");
            }
            h.append("</table>");
        }
        boolean first = true;
        for (ProgrammeTree t : trees) {
            h.append("<div class='commission").append(first ? " first" : "").append("'>");
            first = false;
            h.append("<h2>").append(esc(t.commissionCode() + " · " + t.commissionName())).append("</h2>");
            h.append("<p>Programme: <span class='s'>").append(t.state().status().name()).append("</span>");
            Optional.ofNullable(t.state().baselineAt()).ifPresent(b -> h.append(" · baseline of ")
                    .append(DAY.format(b.atZone(clock.getZone()).toLocalDate())));
            h.append("</p>");
            for (PriorityNode priority : t.priorities()) {
                if (priority.projects().isEmpty()) {
                    continue;
                }
                h.append("<h3>").append(esc(priority.priority().title())).append("</h3><table><tr><th>Project</th>")
                        .append("<th>Lead</th><th>Span</th><th>Status</th><th>Milestones</th></tr>");
                for (ProjectNode p : priority.projects()) {
                    h.append("<tr><td>").append(esc(p.title()));
                    if (p.crossCommission() || !p.commissionCode().equals(t.commissionCode())) {
                        h.append(" <span class='muted'>(").append(esc(p.commissionCode())).append(")</span>");
                    }
                    if (p.statusNote() != null) {
                        h.append("<br/><span class='muted'>").append(esc(p.statusNote())).append("</span>");
                    }
                    h.append("</td><td>").append(esc(p.leadName() == null ? "" : p.leadName())).append("</td><td>")
                            .append(DAY.format(p.startDate())).append(" – ").append(DAY.format(p.endDate()));
                    if (p.movedFromBaseline()) {
                        h.append("<br/><span class='muted'>plan: ").append(DAY.format(p.baselineStart())).append(" – ")
                                .append(DAY.format(p.baselineEnd())).append("</span>");
                    }
                    h.append("</td><td class='").append(p.status().name()).append("'>")
                            .append(p.status().name().replace('_', ' ').toLowerCase()).append("</td><td>");
                    for (MilestoneRow m : p.milestones()) {
                        String cls = m.overdue(today) ? "overdue" : m.cancelled() ? "muted" : "";
                        h.append("<div class='").append(cls).append("'>").append("&#8226; ")
                                .append(esc(m.title())).append(" — ").append(DAY.format(m.dueDate()));
                        if (m.done()) {
                            h.append(" · done ").append(DAY.format(m.doneDate()));
                        } else if (m.cancelled()) {
                            h.append(" · cancelled");
                        }
                        if (m.movedFromBaseline()) {
                            h.append(" (plan ").append(DAY.format(m.baselineDue())).append(')');
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
            builder.withHtmlContent(h.toString(), null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void header(Sheet sheet, CellStyle bold, String... titles) {
        Row row = sheet.createRow(0);
        for (int i = 0; i < titles.length; i++) {
            row.createCell(i).setCellValue(titles[i]);
            row.getCell(i).setCellStyle(bold);
        }
    }

    private static void dateCell(Row row, int column, LocalDate value, CellStyle style) {
        var cell = row.createCell(column);
        if (value != null) {
            cell.setCellValue(value);
            cell.setCellStyle(style);
        }
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;")
                .replace("\"", "&quot;");
    }
}
