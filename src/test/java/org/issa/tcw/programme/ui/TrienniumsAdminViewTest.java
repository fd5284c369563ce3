package org.issa.tcw.programme.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._getFormatted;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.IntegerField;
import org.issa.tcw.programme.TrienniumRow;
import org.issa.tcw.testsupport.KaribuTest;
import org.junit.jupiter.api.Test;

class TrienniumsAdminViewTest extends KaribuTest {

    @Test
    @SuppressWarnings("unchecked")
    void the_secretariat_sees_the_trienniums_and_plans_the_next_one() {
        signInAs("secretariat");
        navigate("admin/trienniums");
        Grid<TrienniumRow> grid = _get(Grid.class, spec -> spec.withId("triennium-grid"));
        int before = _size(grid);
        assertThat(java.util.stream.IntStream.range(0, before).mapToObj(i -> _getFormatted(grid, i, "label")))
                .contains("2026–2028", "2023–2025");
        _setValue(_get(IntegerField.class, spec -> spec.withId("start-year")), 2029);
        _click(_get(Button.class, spec -> spec.withId("plan")));
        try {
            assertThat(notifications()).contains("Saved.");
            assertThat(_size(grid)).isEqualTo(before + 1);
        } finally {
            int row = java.util.stream.IntStream.range(0, _size(grid))
                    .filter(i -> _getFormatted(grid, i, "label").equals("2029–2031")).findFirst().orElseThrow();
            clickInCell(grid, row, "actions", "delete-2029");
            confirm();
        }
        assertThat(_size(grid)).isEqualTo(before);
    }

    @Test
    void an_overlapping_or_missing_year_is_explained() {
        signInAs("secretariat");
        navigate("admin/trienniums");
        _click(_get(Button.class, spec -> spec.withId("plan")));
        assertThat(_get(IntegerField.class, spec -> spec.withId("start-year")).isInvalid()).isTrue();
        _setValue(_get(IntegerField.class, spec -> spec.withId("start-year")), 2027);
        _click(_get(Button.class, spec -> spec.withId("plan")));
        assertThat(notifications()).contains("This triennium would overlap 2026–2028.");
    }

    @Test
    void members_cannot_open_the_trienniums_administration() {
        signInAs("member-ict");
        navigate("admin/trienniums");
        assertThat(refused()).isTrue();
    }
}
