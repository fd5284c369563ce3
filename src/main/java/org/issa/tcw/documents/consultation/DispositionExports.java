package org.issa.tcw.documents.consultation;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.issa.tcw.base.PdfFonts;
import org.issa.tcw.base.Texts;
import org.issa.tcw.base.UserText;
import org.issa.tcw.people.Region;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.Entities;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The disposition log of a round as XLSX (a sheet of comments, one of the summary) and as PDF (a
 * landscape table and the summary), every heading in the reader's language, every stored text
 * through {@link UserText#sanitize}.
 */
@Component
class DispositionExports {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;
    private final Texts texts;

    DispositionExports(Texts texts) {
        this.texts = texts;
    }

    private String t(String key, Locale lang, Object... args) {
        return texts.getTranslation(key, lang, args);
    }

    private String[] columns(Locale lang) {
        return new String[] {t("consultation.log.number", lang), t("consultation.log.author", lang),
            t("consultation.log.institution", lang), t("consultation.log.region", lang),
            t("consultation.log.date", lang), t("consultation.log.tag", lang), t("consultation.log.language", lang),
            t("consultation.log.quote", lang), t("consultation.log.comment", lang),
            t("consultation.log.disposition", lang), t("consultation.log.reason", lang),
            t("consultation.log.disposed-by", lang)};
    }

    private String[] cells(int n, ContributionRow r, Locale lang) {
        return new String[] {String.valueOf(n), clean(r.authorName()), clean(r.institution()),
            r.region() == null ? "" : t("region." + r.region().name(), lang), day(r.createdAt()),
            t("consultation.tag." + r.tag().name(), lang), t("document.language." + r.language().name(), lang),
            clean(r.quote()), clean(r.text()),
            r.disposition() == null ? t("consultation.disposition.none", lang)
                    : t("consultation.disposition." + r.disposition().name(), lang),
            clean(r.reason()), clean(r.disposedBy())};
    }

    DispositionLogFile xlsx(RoundView round, List<ContributionRow> rows, RoundSummary summary, Locale locale) {
        Locale lang = Texts.supported(locale.toLanguageTag());
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle wrap = wb.createCellStyle();
            wrap.setWrapText(true);
            Sheet log = wb.createSheet(t("consultation.log.sheet", lang));
            String[] head = columns(lang);
            Row h = log.createRow(0);
            for (int c = 0; c < head.length; c++) {
                h.createCell(c).setCellValue(head[c]);
                h.getCell(c).setCellStyle(bold);
            }
            int n = 1;
            for (ContributionRow r : rows) {
                Row row = log.createRow(n);
                String[] cells = cells(n, r, lang);
                for (int c = 0; c < cells.length; c++) {
                    row.createCell(c).setCellValue(cells[c]);
                    if (c >= 7) {
                        row.getCell(c).setCellStyle(wrap);
                    }
                }
                n++;
            }
            for (int c = 0; c < head.length; c++) {
                log.setColumnWidth(c, c == 7 || c == 8 || c == 10 ? 50 * 256 : 16 * 256);
            }
            log.createFreezePane(0, 1);
            Sheet sum = wb.createSheet(t("consultation.summary.sheet", lang));
            int r = 0;
            for (String[] line : summaryLines(round, summary, lang)) {
                Row row = sum.createRow(r++);
                row.createCell(0).setCellValue(line[0]);
                if (line.length > 1) {
                    row.createCell(1).setCellValue(line[1]);
                } else {
                    row.getCell(0).setCellStyle(bold);
                }
            }
            sum.setColumnWidth(0, 50 * 256);
            sum.setColumnWidth(1, 30 * 256);
            wb.write(out);
            return new DispositionLogFile(fileName(round, lang, "xlsx"), DispositionLogFile.XLSX, out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The summary as lines: a heading alone, or a label and its value. */
    private List<String[]> summaryLines(RoundView round, RoundSummary s, Locale lang) {
        List<String[]> lines = new java.util.ArrayList<>();
        lines.add(new String[] {clean(round.documentTitle())});
        lines.add(new String[] {t("consultation.deadline", lang), round.deadline().toString()});
        lines.add(new String[] {t("consultation.state", lang), t("consultation.state." + round.state().name(), lang)});
        lines.add(new String[] {t("consultation.participants", lang), String.valueOf(round.participants())});
        lines.add(new String[] {t("consultation.summary.contributions", lang), String.valueOf(s.contributions())});
        lines.add(new String[] {t("consultation.summary.disposed", lang), String.valueOf(s.disposed())});
        lines.add(new String[] {t("consultation.summary.per-institution", lang)});
        s.perInstitution().forEach((k, v) -> lines.add(new String[] {clean(k), String.valueOf(v)}));
        lines.add(new String[] {t("consultation.summary.per-region", lang)});
        for (Map.Entry<Region, Integer> e : s.perRegion().entrySet()) {
            lines.add(new String[] {t("region." + e.getKey().name(), lang), String.valueOf(e.getValue())});
        }
        lines.add(new String[] {t("consultation.summary.per-tag", lang)});
        s.perTag().forEach((k, v) -> lines.add(new String[] {t("consultation.tag." + k.name(), lang),
            String.valueOf(v)}));
        return lines;
    }

    DispositionLogFile pdf(RoundView round, List<ContributionRow> rows, RoundSummary summary, Locale locale) {
        Locale lang = Texts.supported(locale.toLanguageTag());
        StringBuilder h = new StringBuilder(8192);
        h.append("<html><head><meta charset=\"utf-8\"/><style>")
                .append("@page{size:A4 landscape;margin:14mm;@bottom-center{content:counter(page) ' / ' counter(pages);")
                .append("font-family:'").append(PdfFonts.FAMILY).append("';font-size:8pt;color:#555}}")
                .append("body{font-family:'").append(PdfFonts.FAMILY).append("';font-size:8pt;color:#1f2933}")
                .append("h1{font-size:15pt;color:#1f3864;margin:0 0 6pt}h2{font-size:11pt;color:#2f5496;margin:10pt 0 4pt}")
                .append("table{width:100%;border-collapse:collapse;table-layout:fixed}")
                .append("td,th{border:1px solid #999;padding:2pt;vertical-align:top;word-wrap:break-word}")
                .append("th{background:#f0f4f8;font-weight:bold}thead{display:table-header-group}tr{page-break-inside:avoid}")
                .append(".s td{border:none;padding:1pt 6pt 1pt 0}")
                .append("</style></head><body>");
        h.append("<h1>").append(esc(t("consultation.log.title", lang))).append("</h1>");
        h.append("<table class=\"s\">");
        for (String[] line : summaryLines(round, summary, lang)) {
            if (line.length == 1) {
                h.append("<tr><td colspan=\"2\"><b>").append(esc(line[0])).append("</b></td></tr>");
            } else {
                h.append("<tr><td>").append(esc(line[0])).append("</td><td>").append(esc(line[1]))
                        .append("</td></tr>");
            }
        }
        h.append("</table><h2>").append(esc(t("consultation.log.sheet", lang))).append("</h2>");
        String[] head = columns(lang);
        int[] widths = {3, 9, 10, 7, 7, 7, 6, 14, 17, 8, 14, 8};
        h.append("<table><thead><tr>");
        for (int c = 0; c < head.length; c++) {
            h.append("<th style=\"width:").append(widths[c]).append("%\">").append(esc(head[c])).append("</th>");
        }
        h.append("</tr></thead><tbody>");
        int n = 1;
        for (ContributionRow r : rows) {
            h.append("<tr>");
            for (String cell : cells(n++, r, lang)) {
                h.append("<td>").append(esc(cell)).append("</td>");
            }
            h.append("</tr>");
        }
        h.append("</tbody></table></body></html>");
        org.w3c.dom.Document xhtml = new W3CDom().fromJsoup(Jsoup.parse(h.toString()));
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            PdfFonts.register(builder);
            builder.withW3cDocument(xhtml, null);
            builder.toStream(out);
            builder.run();
            return new DispositionLogFile(fileName(round, lang, "pdf"), DispositionLogFile.PDF, out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String fileName(RoundView round, Locale lang, String extension) {
        String base = t("consultation.log.file", lang) + "-" + round.id() + "-" + round.deadline();
        return base.replaceAll("[^\\p{L}\\p{N}._-]+", "-") + "." + extension;
    }

    private static String day(Instant at) {
        return DAY.format(at.atZone(ZoneOffset.UTC).toLocalDate());
    }

    private static String clean(@Nullable String s) {
        return UserText.sanitize(s, false);
    }

    private static String esc(String s) {
        return Entities.escape(s);
    }
}
