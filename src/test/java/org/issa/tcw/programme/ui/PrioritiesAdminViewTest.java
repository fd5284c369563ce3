package org.issa.tcw.programme.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.issa.tcw.programme.EventKind;
import org.issa.tcw.programme.EventRow;
import org.issa.tcw.programme.PriorityRow;
import org.issa.tcw.testsupport.KaribuTest;
import org.junit.jupiter.api.Test;

class PrioritiesAdminViewTest extends KaribuTest {

    @Test
    void the_secretariat_adds_a_priority_and_an_event_to_the_active_triennium() {
        signInAs("secretariat");
        navigate("admin/priorities");
        PrioritiesAdminView view = _get(PrioritiesAdminView.class);
        assertThat(view.grid.getListDataView().getItems().map(PriorityRow::title))
                .contains("Coverage for a diverse workforce");
        _setValue(view.title, "Trust in social security institutions");
        _click(view.save);
        assertThat(view.grid.getListDataView().getItems().map(PriorityRow::title))
                .contains("Trust in social security institutions");
        _setValue(view.eventKind, EventKind.TECHNICAL_SEMINAR);
        _setValue(view.eventTitle, "Technical Seminar on pension communication");
        _setValue(view.eventDate, LocalDate.of(view.triennium.getValue().startYear() + 1, 2, 10));
        _click(view.addEvent);
        assertThat(view.events.getListDataView().getItems().map(EventRow::title))
                .contains("Technical Seminar on pension communication");
    }

    @Test
    void a_duplicate_or_empty_priority_is_refused_with_a_message() {
        signInAs("secretariat");
        navigate("admin/priorities");
        PrioritiesAdminView view = _get(PrioritiesAdminView.class);
        long before = view.grid.getListDataView().getItems().count();
        _click(view.save);
        assertThat(ProgrammeUiSupport.notifications()).contains("Priority is required.");
        _setValue(view.title, "Resilience and sustainability");
        _click(view.save);
        assertThat(ProgrammeUiSupport.notifications())
                .contains("This triennium already has a priority with this title.");
        assertThat(view.grid.getListDataView().getItems().count()).isEqualTo(before);
    }

    @Test
    void a_member_cannot_open_the_priorities() {
        signInAs("member-ict");
        navigate("admin/priorities");
        assertThat(_find(PrioritiesAdminView.class)).isEmpty();
    }
}
