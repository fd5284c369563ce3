package org.issa.tcw.programme.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.issa.tcw.base.Texts;
import org.issa.tcw.programme.EventKind;
import org.issa.tcw.programme.EventRow;
import org.issa.tcw.programme.MilestoneRow;
import org.issa.tcw.programme.ProjectNode;
import org.issa.tcw.programme.ProjectStatus;
import org.issa.tcw.programme.ProjectType;
import org.issa.tcw.programme.TrienniumRow;
import org.issa.tcw.programme.TrienniumStatus;
import org.junit.jupiter.api.Test;

/** The timeline's SVG without a Spring context: what is drawn, and that user text is escaped. */
class GanttChartTest {

    private static final TrienniumRow T = new TrienniumRow(1, 2026, 2028, TrienniumStatus.ACTIVE, 0);
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    @Test
    void draws_bars_baseline_ghosts_milestones_events_and_today() throws Exception {
        var moved = new MilestoneRow(1, 10, "Draft <report> & annex", LocalDate.of(2027, 3, 31),
                LocalDate.of(2027, 1, 31), null, false, null, "Ana", null, null, null, 0);
        var done = new MilestoneRow(2, 10, "Survey", LocalDate.of(2026, 5, 31), LocalDate.of(2026, 5, 31),
                LocalDate.of(2026, 6, 2), false, null, null, null, null, null, 0);
        var overdue = new MilestoneRow(3, 11, "Late one", LocalDate.of(2026, 10, 1), null, null, false, null, null,
                null, null, null, 0);
        var withBaseline = new ProjectNode(10, 5, "ICT", 1, "AI report's \"draft\"", ProjectType.TECHNICAL_REPORT,
                "David Okafor", LocalDate.of(2026, 3, 1), LocalDate.of(2027, 12, 31), LocalDate.of(2026, 3, 1),
                LocalDate.of(2027, 9, 30), ProjectStatus.AT_RISK, null, null, false, true, null, List.of(done, moved));
        var noBaseline = new ProjectNode(11, 6, "FAM", 1, "Child benefits", ProjectType.SURVEY, null,
                LocalDate.of(2026, 6, 1), LocalDate.of(2028, 6, 30), null, null, ProjectStatus.ON_TRACK, null, null,
                true, false, null, List.of(overdue));
        var events = List.of(new EventRow(1, EventKind.TC_FORUM, "TC Forum 2027", LocalDate.of(2027, 6, 15)),
                new EventRow(2, EventKind.WSSF, "World Social Security Forum 2028", LocalDate.of(2028, 10, 16)));

        String svg = GanttChart.render(T, List.of(withBaseline, noBaseline), events, TODAY, true, Locale.ENGLISH,
                (key, args) -> key);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/gantt-sample.svg"), svg);

        assertThat(svg).startsWith("<svg").endsWith("</svg>");
        assertThat(count(svg, "class='bar'")).isEqualTo(2);
        assertThat(count(svg, "class='baseline'")).isEqualTo(1);
        assertThat(count(svg, "class='milestone done'")).isEqualTo(1);
        assertThat(count(svg, "class='milestone open'")).isEqualTo(1);
        assertThat(count(svg, "class='milestone overdue'")).isEqualTo(1);
        assertThat(count(svg, "class='event'")).isEqualTo(2);
        assertThat(svg).contains("class='today'", "href='projects/10'", "href='projects/11'", "ICT · AI report",
                "FAM · Child benefits");
        assertThat(svg).contains("Draft &lt;report&gt; &amp; annex", "AI report&#39;s &quot;draft&quot;")
                .doesNotContain("<report>");
    }

    @Test
    void links_are_inside_a_group_not_an_image_and_quarters_speak_the_readers_language() {
        Texts texts = new Texts();
        String svg = GanttChart.render(T, List.of(), List.of(), TODAY, false, Locale.FRENCH,
                (key, args) -> texts.getTranslation(key, Locale.FRENCH, args));
        assertThat(svg).contains("role='group'").doesNotContain("role='img'");
        assertThat(svg).contains(">T2<", ">T3<").doesNotContain(">Q2<");
    }

    @Test
    void fit_to_width_draws_the_chart_as_wide_as_the_room_and_years_only_when_quarters_have_no_room() {
        String wide = GanttChart.render(T, List.of(), List.of(), TODAY, false, Locale.ENGLISH, (key, args) -> key,
                GanttChart.Layout.fitting(944));
        assertThat(wide).contains("width='944'").contains("timeline.quarter");
        String phone = GanttChart.render(T, List.of(), List.of(), TODAY, false, Locale.ENGLISH, (key, args) -> key,
                GanttChart.Layout.fitting(340));
        assertThat(phone).contains("width='340'").doesNotContain("timeline.quarter");
        String years = GanttChart.render(T, List.of(), List.of(), TODAY, false, Locale.ENGLISH, (key, args) -> key,
                GanttChart.Layout.YEARS);
        assertThat(years).doesNotContain("timeline.quarter");
    }

    @Test
    void an_empty_programme_says_so() {
        String svg = GanttChart.render(T, List.of(), List.of(), TODAY, false, Locale.ENGLISH, (key, args) -> key);
        assertThat(svg).contains("programme.empty").doesNotContain("class='bar'");
    }

    private static int count(String s, String part) {
        return s.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }
}
