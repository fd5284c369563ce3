package org.issa.tcw.programme.ui;

import com.vaadin.flow.component.html.Div;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import org.issa.tcw.base.Markup;
import org.issa.tcw.base.ui.Formats;
import org.issa.tcw.programme.EventRow;
import org.issa.tcw.programme.MilestoneRow;
import org.issa.tcw.programme.MilestoneState;
import org.issa.tcw.programme.ProjectNode;
import org.issa.tcw.programme.ProjectStatus;
import org.issa.tcw.programme.TrienniumRow;

/**
 * The triennium timeline, rendered on the server as SVG (no client library to build or trust):
 * projects as bars coloured by status, the approved baseline as a dashed ghost bar, milestones as
 * diamonds, the fixed events as labelled markers, a line for today. Each row links to its project;
 * hovering shows the details (SVG titles).
 */
class GanttChart extends Div {

    private static final int LABEL = 300;
    private static final int CHART = 900;
    private static final int ROW = 30;
    private static final int HEADER = 64;

    private String svg = "";

    GanttChart() {
        setId("timeline");
        setWidthFull();
        getStyle().set("overflow-x", "auto");
    }

    void show(TrienniumRow triennium, List<ProjectNode> projects, List<EventRow> events, LocalDate today,
            boolean withCommission) {
        svg = render(triennium, projects, events, today, withCommission, getLocale(), this::getTranslation);
        getElement().setProperty("innerHTML", svg);
    }

    String svg() {
        return svg;
    }

    static String render(TrienniumRow t, List<ProjectNode> projects, List<EventRow> events, LocalDate today,
            boolean withCommission, Locale locale, BiFunction<String, Object[], String> tr) {
        LocalDate from = LocalDate.of(t.startYear(), 1, 1);
        LocalDate to = LocalDate.of(t.endYear(), 12, 31);
        double days = ChronoUnit.DAYS.between(from, to) + 1;
        int rowsBottom = HEADER + Math.max(1, projects.size()) * ROW + 12;
        int height = rowsBottom + 42;
        int width = LABEL + CHART + 10;
        StringBuilder s = new StringBuilder(4096 + projects.size() * 600);
        s.append("<svg xmlns='http://www.w3.org/2000/svg' role='img' width='").append(width).append("' height='")
                .append(height).append("' viewBox='0 0 ").append(width).append(' ').append(height)
                .append("' font-family='sans-serif' font-size='12'><title>")
                .append(esc(tr.apply("timeline.title", new Object[] {t.label()}))).append("</title>");
        // quarters and years
        for (int y = t.startYear(); y <= t.endYear(); y++) {
            for (int q = 0; q < 4; q++) {
                LocalDate qd = LocalDate.of(y, 1 + q * 3, 1);
                double x = x(qd, from, days);
                s.append("<line x1='").append(f(x)).append("' y1='20' x2='").append(f(x)).append("' y2='")
                        .append(rowsBottom).append("' stroke='").append(q == 0 ? "#9aa5b1" : "#e4e7eb").append("'/>");
                s.append("<text x='").append(f(x + 4)).append("' y='").append(q == 0 ? 16 : 34)
                        .append("' fill='#52606d'").append(q == 0 ? " font-weight='bold'" : "").append('>')
                        .append(q == 0 ? String.valueOf(y) : "Q" + (q + 1)).append("</text>");
            }
        }
        // fixed events
        int lane = 0;
        for (EventRow e : events) {
            if (e.date().isBefore(from) || e.date().isAfter(to)) {
                continue;
            }
            double x = x(e.date(), from, days);
            String colour = switch (e.kind()) {
                case WSSF -> "#8e24aa";
                case TC_FORUM -> "#0b5394";
                case REGIONAL_FORUM -> "#00897b";
                default -> "#7b8794";
            };
            s.append("<g class='event'><title>").append(esc(e.title() + " · " + Formats.date(e.date(), locale)))
                    .append("</title><line x1='").append(f(x)).append("' y1='40' x2='").append(f(x)).append("' y2='")
                    .append(rowsBottom).append("' stroke='").append(colour)
                    .append("' stroke-width='1.5' stroke-dasharray='2 3'/><path d='M").append(f(x - 5)).append(' ')
                    .append(42 + lane * 9).append(" h10 l-5 8 z' fill='").append(colour).append("'/></g>");
            lane = (lane + 1) % 2;
        }
        // projects
        int row = 0;
        for (ProjectNode p : projects) {
            int y = HEADER + row * ROW;
            String label = (withCommission ? p.commissionCode() + " · " : "") + p.title();
            String tip = p.title() + "\n" + tr.apply("project.status." + p.status().name(), new Object[0]) + " · "
                    + Formats.date(p.startDate(), locale) + " – " + Formats.date(p.endDate(), locale)
                    + (p.leadName() == null ? "" : "\n" + tr.apply("project.lead", new Object[0]) + ": " + p.leadName())
                    + (p.baselineEnd() != null && p.movedFromBaseline() ? "\n" + tr.apply("timeline.baseline",
                            new Object[] {Formats.date(p.baselineStart(), locale), Formats.date(p.baselineEnd(), locale)})
                            : "");
            s.append("<a href='projects/").append(p.id()).append("' class='project' data-project='").append(p.id())
                    .append("'><title>").append(esc(tip)).append("</title>");
            if (row % 2 == 0) {
                s.append("<rect x='0' y='").append(y).append("' width='").append(width).append("' height='")
                        .append(ROW).append("' fill='#f5f7fa'/>");
            }
            s.append("<text x='6' y='").append(y + 19).append("' fill='#1f2933'>").append(esc(shorten(label, 44)))
                    .append("</text>");
            if (p.baselineStart() != null && p.baselineEnd() != null) {
                double bx = x(clamp(p.baselineStart(), from, to), from, days);
                double bw = Math.max(2, x(clamp(p.baselineEnd(), from, to), from, days) - bx);
                s.append("<rect class='baseline' x='").append(f(bx)).append("' y='").append(y + 19).append("' width='")
                        .append(f(bw)).append("' height='7' fill='none' stroke='#7b8794' stroke-dasharray='3 2'/>");
            }
            double bx = x(clamp(p.startDate(), from, to), from, days);
            double bw = Math.max(3, x(clamp(p.endDate(), from, to), from, days) - bx);
            s.append("<rect class='bar' x='").append(f(bx)).append("' y='").append(y + 6).append("' width='")
                    .append(f(bw)).append("' height='12' rx='3' fill='").append(colour(p.status()))
                    .append("' opacity='0.85'/>");
            for (MilestoneRow m : p.milestones()) {
                if (m.dueDate().isBefore(from) || m.dueDate().isAfter(to)) {
                    continue;
                }
                double mx = x(m.dueDate(), from, days);
                // the timeline does not single out "due soon": it shows the dates themselves
                MilestoneState onDay = m.state(today);
                String state = (onDay == MilestoneState.DUE_SOON ? MilestoneState.OPEN : onDay).key();
                String fill = switch (state) {
                    case "done" -> "#1f2933";
                    case "overdue" -> "#d64545";
                    case "at-risk" -> "#f0b429";
                    case "cancelled" -> "#cbd2d9";
                    default -> "#ffffff";
                };
                s.append("<g class='milestone ").append(state).append("'><title>").append(esc(m.title() + " · "
                        + Formats.date(m.dueDate(), locale) + " · " + tr.apply("milestone.state." + state, new Object[0])
                        + (m.movedFromBaseline() ? " · " + tr.apply("milestone.plan",
                                new Object[] {Formats.date(m.baselineDue(), locale)}) : "")))
                        .append("</title><path d='M").append(f(mx)).append(' ').append(y + 5).append(" l7 7 l-7 7 l-7 -7 z' fill='")
                        .append(fill).append("' stroke='#1f2933' stroke-width='1.2'/></g>");
            }
            s.append("</a>");
            row++;
        }
        if (projects.isEmpty()) {
            s.append("<text x='").append(LABEL).append("' y='").append(HEADER + 20).append("' fill='#7b8794'>")
                    .append(esc(tr.apply("programme.empty", new Object[0]))).append("</text>");
        }
        if (!today.isBefore(from) && !today.isAfter(to)) {
            double x = x(today, from, days);
            s.append("<g class='today'><title>").append(esc(tr.apply("timeline.today", new Object[0]) + " · "
                    + Formats.date(today, locale))).append("</title><line x1='").append(f(x)).append("' y1='20' x2='")
                    .append(f(x)).append("' y2='").append(rowsBottom).append("' stroke='#d64545' stroke-width='2'/></g>");
        }
        legend(s, rowsBottom + 16, tr);
        s.append("</svg>");
        return s.toString();
    }

    /** A one-line key: statuses, milestones, the plan, the events and today. */
    private static void legend(StringBuilder s, int top, BiFunction<String, Object[], String> tr) {
        s.append("<g class='legend' font-size='11' fill='#52606d'>");
        int x = 6;
        int y = top;
        for (ProjectStatus status : new ProjectStatus[] {ProjectStatus.ON_TRACK, ProjectStatus.AT_RISK,
                ProjectStatus.OFF_TRACK, ProjectStatus.COMPLETED}) {
            s.append("<rect x='").append(x).append("' y='").append(y - 9).append("' width='14' height='9' rx='2' fill='")
                    .append(colour(status)).append("'/><text x='").append(x + 18).append("' y='").append(y).append("'>")
                    .append(esc(tr.apply("project.status." + status.name(), new Object[0]))).append("</text>");
            x += advance(tr.apply("project.status." + status.name(), new Object[0]));
        }
        s.append("<rect x='").append(x).append("' y='").append(y - 8).append("' width='14' height='7' fill='none' ")
                .append("stroke='#7b8794' stroke-dasharray='3 2'/><text x='").append(x + 18).append("' y='").append(y)
                .append("'>").append(esc(tr.apply("timeline.legend.plan", new Object[0]))).append("</text>");
        x += advance(tr.apply("timeline.legend.plan", new Object[0]));
        for (String[] m : new String[][] {{"done", "#1f2933"}, {"overdue", "#d64545"}, {"open", "#ffffff"}}) {
            s.append("<path d='M").append(x + 6).append(' ').append(y - 11).append(" l6 6 l-6 6 l-6 -6 z' fill='")
                    .append(m[1]).append("' stroke='#1f2933'/><text x='").append(x + 16).append("' y='").append(y)
                    .append("'>").append(esc(tr.apply("milestone.state." + m[0], new Object[0]))).append("</text>");
            x += advance(tr.apply("milestone.state." + m[0], new Object[0]));
        }
        x = 6;
        y += 16;
        for (String[] e : new String[][] {{"TC_FORUM", "#0b5394"}, {"REGIONAL_FORUM", "#00897b"}, {"WSSF", "#8e24aa"}}) {
            s.append("<path d='M").append(x).append(' ').append(y - 9).append(" h10 l-5 8 z' fill='").append(e[1])
                    .append("'/><text x='").append(x + 14).append("' y='").append(y).append("'>")
                    .append(esc(tr.apply("event.kind." + e[0], new Object[0]))).append("</text>");
            x += advance(tr.apply("event.kind." + e[0], new Object[0]));
        }
        s.append("<line x1='").append(x).append("' y1='").append(y - 10).append("' x2='").append(x).append("' y2='")
                .append(y + 1).append("' stroke='#d64545' stroke-width='2'/><text x='").append(x + 6).append("' y='")
                .append(y).append("'>").append(esc(tr.apply("timeline.today", new Object[0]))).append("</text></g>");
    }

    /** Room for a legend entry: symbol, text (about 6.5 px a character at 11 px), gap. */
    private static int advance(String text) {
        return 18 + (int) Math.ceil(text.length() * 6.5) + 18;
    }

    private static String colour(ProjectStatus status) {
        return switch (status) {
            case ON_TRACK -> "#3f9142";
            case AT_RISK -> "#f0b429";
            case OFF_TRACK -> "#d64545";
            case COMPLETED -> "#2680c2";
            case CANCELLED -> "#cbd2d9";
            case NOT_STARTED -> "#9aa5b1";
        };
    }

    private static double x(LocalDate d, LocalDate from, double days) {
        return LABEL + CHART * (ChronoUnit.DAYS.between(from, d) / days);
    }

    private static LocalDate clamp(LocalDate d, LocalDate from, LocalDate to) {
        return d.isBefore(from) ? from : d.isAfter(to) ? to : d;
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    static String esc(String s) {
        return Markup.escape(s);
    }
}
