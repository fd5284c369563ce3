package org.issa.tcw.programme.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import org.issa.tcw.base.Markup;
import org.issa.tcw.base.ui.Formats;
import org.issa.tcw.base.ui.NarrowScreens;
import org.issa.tcw.programme.EventRow;
import org.issa.tcw.programme.MilestoneRow;
import org.issa.tcw.programme.MilestoneState;
import org.issa.tcw.programme.ProjectNode;
import org.issa.tcw.programme.ProjectStatus;
import org.issa.tcw.programme.TrienniumRow;
import org.jspecify.annotations.Nullable;

/**
 * The triennium timeline, rendered on the server as SVG (no client library to build or trust):
 * projects as bars coloured by status, the approved baseline as a dashed ghost bar, milestones as
 * diamonds, the fixed events as labelled markers, a line for today. Each row links to its project;
 * hovering shows the details (SVG titles).
 */
class GanttChart extends Div {

    private static final int ROW = 30;
    private static final int HEADER = 64;

    /**
     * How the timeline is laid out: the width of the names' column and of the time axis (pixels),
     * whether quarters are labelled, and how many characters of a name are shown.
     */
    record Layout(int label, int chart, boolean quarters, int labelChars) {
        /** The full chart: every quarter labelled; wider than most screens, so it scrolls. */
        static final Layout QUARTERS = new Layout(300, 900, true, 44);
        /** Compact: years only, fits a tablet. */
        static final Layout YEARS = new Layout(180, 420, false, 26);

        /** The chart that fits a given width: quarters labelled when a quarter has room for its label. */
        static Layout fitting(int available) {
            int label = available < 700 ? 120 : available < 1100 ? 220 : 300;
            int chart = Math.max(200, available - label - 10);
            return new Layout(label, chart, chart / 12 >= 30, label / 7);
        }
    }

    /** The zoom a reader picks: fit the window (the default), every quarter (scrolls), or years. */
    enum Zoom {
        FIT, QUARTERS, YEARS
    }

    private final Select<Zoom> zoom = new Select<>();
    private final Div canvas = new Div();
    private String svg = "";
    private int available = 1100;
    private @Nullable Runnable redraw;

    GanttChart() {
        setId("timeline");
        setWidthFull();
        addClassName("tcw-timeline");
        zoom.setId("timeline-zoom");
        zoom.setItems(Zoom.values());
        zoom.setValue(Zoom.FIT);
        zoom.setItemLabelGenerator(z -> getTranslation("timeline.zoom." + z.name()));
        zoom.addValueChangeListener(e -> draw());
        canvas.setId("timeline-canvas");
        canvas.setWidthFull();
        canvas.getStyle().set("overflow-x", "auto");
        add(zoom, canvas);
        // the window's width less the navigation drawer and the page's padding, when there is one
        NarrowScreens.onWidth(this, width -> {
            available = Math.max(300, (width >= 1024 ? width - 300 : width) - 48);
            draw();
        });
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        zoom.setLabel(getTranslation("timeline.zoom"));
    }

    void show(TrienniumRow triennium, List<ProjectNode> projects, List<EventRow> events, LocalDate today,
            boolean withCommission) {
        redraw = () -> {
            svg = render(triennium, projects, events, today, withCommission, getLocale(), this::getTranslation,
                    layout());
            canvas.getElement().setProperty("innerHTML", svg);
        };
        draw();
    }

    private void draw() {
        if (redraw != null) {
            redraw.run();
        }
    }

    private Layout layout() {
        return switch (zoom.getValue() == null ? Zoom.FIT : zoom.getValue()) {
            case FIT -> Layout.fitting(available);
            case QUARTERS -> Layout.QUARTERS;
            case YEARS -> Layout.YEARS;
        };
    }

    String svg() {
        return svg;
    }

    static String render(TrienniumRow t, List<ProjectNode> projects, List<EventRow> events, LocalDate today,
            boolean withCommission, Locale locale, BiFunction<String, Object[], String> tr) {
        return render(t, projects, events, today, withCommission, locale, tr, Layout.QUARTERS);
    }

    /**
     * The SVG in a layout. It is a group of links (one per project), named by its title: not an
     * image, since an image may not contain focusable links (WCAG, axe nested-interactive).
     */
    static String render(TrienniumRow t, List<ProjectNode> projects, List<EventRow> events, LocalDate today,
            boolean withCommission, Locale locale, BiFunction<String, Object[], String> tr, Layout layout) {
        final int LABEL = layout.label();
        final int CHART = layout.chart();
        LocalDate from = LocalDate.of(t.startYear(), 1, 1);
        LocalDate to = LocalDate.of(t.endYear(), 12, 31);
        double days = ChronoUnit.DAYS.between(from, to) + 1;
        int rowsBottom = HEADER + Math.max(1, projects.size()) * ROW + 12;
        int width = LABEL + CHART + 10;
        StringBuilder key = new StringBuilder(2048);
        int legendBottom = legend(key, rowsBottom + 18, tr, width);
        int height = legendBottom + 10;
        StringBuilder s = new StringBuilder(4096 + projects.size() * 600);
        s.append("<svg xmlns='http://www.w3.org/2000/svg' role='group' width='").append(width).append("' height='")
                .append(height).append("' viewBox='0 0 ").append(width).append(' ').append(height)
                .append("' font-family='sans-serif' font-size='12'><title>")
                .append(esc(tr.apply("timeline.title", new Object[] {t.label()}))).append("</title>");
        // quarters and years
        for (int y = t.startYear(); y <= t.endYear(); y++) {
            for (int q = 0; q < 4; q++) {
                LocalDate qd = LocalDate.of(y, 1 + q * 3, 1);
                double x = x(qd, from, days, layout);
                if (q > 0 && !layout.quarters()) {
                    s.append("<line x1='").append(f(x)).append("' y1='40' x2='").append(f(x)).append("' y2='")
                            .append(rowsBottom).append("' stroke='#eef0f3'/>");
                    continue;
                }
                s.append("<line x1='").append(f(x)).append("' y1='20' x2='").append(f(x)).append("' y2='")
                        .append(rowsBottom).append("' stroke='").append(q == 0 ? "#9aa5b1" : "#e4e7eb").append("'/>");
                s.append("<text x='").append(f(x + 4)).append("' y='").append(q == 0 ? 16 : 34)
                        .append("' fill='#52606d'").append(q == 0 ? " font-weight='bold'" : "").append('>')
                        .append(q == 0 ? String.valueOf(y) : esc(tr.apply("timeline.quarter", new Object[] {q + 1})))
                        .append("</text>");
            }
        }
        // fixed events
        int lane = 0;
        for (EventRow e : events) {
            if (e.date().isBefore(from) || e.date().isAfter(to)) {
                continue;
            }
            double x = x(e.date(), from, days, layout);
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
            s.append("<text x='6' y='").append(y + 19).append("' fill='#1f2933'>").append(esc(shorten(label, layout.labelChars())))
                    .append("</text>");
            if (p.baselineStart() != null && p.baselineEnd() != null) {
                double bx = x(clamp(p.baselineStart(), from, to), from, days, layout);
                double bw = Math.max(2, x(clamp(p.baselineEnd(), from, to), from, days, layout) - bx);
                s.append("<rect class='baseline' x='").append(f(bx)).append("' y='").append(y + 19).append("' width='")
                        .append(f(bw)).append("' height='7' fill='none' stroke='#7b8794' stroke-dasharray='3 2'/>");
            }
            double bx = x(clamp(p.startDate(), from, to), from, days, layout);
            double bw = Math.max(3, x(clamp(p.endDate(), from, to), from, days, layout) - bx);
            s.append("<rect class='bar' x='").append(f(bx)).append("' y='").append(y + 6).append("' width='")
                    .append(f(bw)).append("' height='12' rx='3' fill='").append(colour(p.status()))
                    .append("' opacity='0.85'/>");
            for (MilestoneRow m : p.milestones()) {
                if (m.dueDate().isBefore(from) || m.dueDate().isAfter(to)) {
                    continue;
                }
                double mx = x(m.dueDate(), from, days, layout);
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
            double x = x(today, from, days, layout);
            s.append("<g class='today'><title>").append(esc(tr.apply("timeline.today", new Object[0]) + " · "
                    + Formats.date(today, locale))).append("</title><line x1='").append(f(x)).append("' y1='20' x2='")
                    .append(f(x)).append("' y2='").append(rowsBottom).append("' stroke='#d64545' stroke-width='2'/></g>");
        }
        s.append(key);
        s.append("</svg>");
        return s.toString();
    }

    /** The key (statuses, the plan, milestones, events, today), wrapped to the chart's width; returns its bottom. */
    private static int legend(StringBuilder s, int top, BiFunction<String, Object[], String> tr, int width) {
        s.append("<g class='legend' font-size='13' fill='#3e4c59'>");
        int[] at = {6, top};
        for (ProjectStatus status : new ProjectStatus[] {ProjectStatus.ON_TRACK, ProjectStatus.AT_RISK,
                ProjectStatus.OFF_TRACK, ProjectStatus.COMPLETED}) {
            String text = tr.apply("project.status." + status.name(), new Object[0]);
            place(at, text, width);
            s.append("<rect x='").append(at[0]).append("' y='").append(at[1] - 10).append("' width='14' height='10' rx='2' fill='")
                    .append(colour(status)).append("'/><text x='").append(at[0] + 18).append("' y='").append(at[1])
                    .append("'>").append(esc(text)).append("</text>");
            at[0] += advance(text);
        }
        String plan = tr.apply("timeline.legend.plan", new Object[0]);
        place(at, plan, width);
        s.append("<rect x='").append(at[0]).append("' y='").append(at[1] - 9).append("' width='14' height='8' fill='none' ")
                .append("stroke='#7b8794' stroke-dasharray='3 2'/><text x='").append(at[0] + 18).append("' y='")
                .append(at[1]).append("'>").append(esc(plan)).append("</text>");
        at[0] += advance(plan);
        for (String[] m : new String[][] {{"done", "#1f2933"}, {"overdue", "#d64545"}, {"open", "#ffffff"}}) {
            String text = tr.apply("milestone.state." + m[0], new Object[0]);
            place(at, text, width);
            s.append("<path d='M").append(at[0] + 6).append(' ').append(at[1] - 12).append(" l6 6 l-6 6 l-6 -6 z' fill='")
                    .append(m[1]).append("' stroke='#1f2933'/><text x='").append(at[0] + 16).append("' y='")
                    .append(at[1]).append("'>").append(esc(text)).append("</text>");
            at[0] += advance(text);
        }
        at[0] = 6;
        at[1] += 20;
        for (String[] e : new String[][] {{"TC_FORUM", "#0b5394"}, {"REGIONAL_FORUM", "#00897b"}, {"WSSF", "#8e24aa"}}) {
            String text = tr.apply("event.kind." + e[0], new Object[0]);
            place(at, text, width);
            s.append("<path d='M").append(at[0]).append(' ').append(at[1] - 10).append(" h10 l-5 9 z' fill='").append(e[1])
                    .append("'/><text x='").append(at[0] + 14).append("' y='").append(at[1]).append("'>")
                    .append(esc(text)).append("</text>");
            at[0] += advance(text);
        }
        String today = tr.apply("timeline.today", new Object[0]);
        place(at, today, width);
        s.append("<line x1='").append(at[0]).append("' y1='").append(at[1] - 11).append("' x2='").append(at[0])
                .append("' y2='").append(at[1] + 1).append("' stroke='#d64545' stroke-width='2'/><text x='")
                .append(at[0] + 6).append("' y='").append(at[1]).append("'>").append(esc(today)).append("</text></g>");
        return at[1] + 6;
    }

    /** Moves to the next line of the key when the entry would not fit in the width. */
    private static void place(int[] at, String text, int width) {
        if (at[0] > 6 && at[0] + advance(text) - 18 > width) {
            at[0] = 6;
            at[1] += 20;
        }
    }

    /** Room for a legend entry: symbol, text (about 7.5 px a character at 13 px), gap. */
    private static int advance(String text) {
        return 18 + (int) Math.ceil(text.length() * 7.5) + 18;
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

    private static double x(LocalDate d, LocalDate from, double days, Layout layout) {
        return layout.label() + layout.chart() * (ChronoUnit.DAYS.between(from, d) / days);
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
