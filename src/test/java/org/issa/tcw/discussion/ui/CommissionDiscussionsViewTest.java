package org.issa.tcw.discussion.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import org.issa.tcw.base.ui.AccessDeniedView;
import org.issa.tcw.discussion.DiscussionFixture;
import org.issa.tcw.discussion.ThreadRow;
import org.issa.tcw.testsupport.KaribuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class CommissionDiscussionsViewTest extends KaribuTest {

    @Autowired
    DiscussionFixture fixture;

    @SuppressWarnings("unchecked")
    private Grid<ThreadRow> grid() {
        return _get(Grid.class, spec -> spec.withId("thread-grid"));
    }

    private List<ThreadRow> rows() {
        Grid<ThreadRow> grid = grid();
        return GridKt._fetch(grid, 0, GridKt._size(grid));
    }

    @Test
    void member_sees_the_commissions_threads_with_unread_counts() {
        long thread = fixture.thread("chair-ict", "ICT", "List view " + System.nanoTime());
        signInAs("member-ict");
        navigate("commissions/ICT/discussions");
        assertThat(_get(H2.class, spec -> spec.withId("discussions-title")).getText()).startsWith("ICT");
        ThreadRow row = rows().stream().filter(r -> r.id() == thread).findFirst().orElseThrow();
        assertThat(row.neverOpened()).isTrue();
        assertThat(row.unreadPosts()).isEqualTo(1);
        _click(_get(Button.class, spec -> spec.withId("mark-all-read")));
        assertThat(rows()).allMatch(r -> r.unreadPosts() == 0);
    }

    @Test
    void starting_a_thread_opens_it() {
        signInAs("observer-ict");
        navigate("commissions/ICT/discussions");
        _click(_get(Button.class, spec -> spec.withId("new-thread")));
        _setValue(_get(TextField.class, spec -> spec.withId("new-title")), "Observer's question");
        _setValue(_get(TextArea.class, spec -> spec.withId("new-body")), "Is the survey open to observers?");
        _click(_get(Button.class, spec -> spec.withId("create-thread")));
        assertThat(_get(H2.class, spec -> spec.withId("thread-title")).getText()).isEqualTo("Observer's question");
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).startsWith("discussions/");
    }

    @Test
    void a_thread_without_a_title_is_refused_with_a_message() {
        signInAs("member-ict");
        navigate("commissions/ICT/discussions");
        int before = GridKt._size(grid());
        NotificationsKt.clearNotifications();
        _click(_get(Button.class, spec -> spec.withId("new-thread")));
        _setValue(_get(TextArea.class, spec -> spec.withId("new-body")), "Body without a title");
        _click(_get(Button.class, spec -> spec.withId("create-thread")));
        NotificationsKt.expectNotifications("Title is required.");
        assertThat(GridKt._size(grid())).isEqualTo(before);
    }

    @Test
    void search_narrows_the_list_to_matching_threads() {
        String word = "Quokka" + System.nanoTime();
        long match = fixture.thread("chair-ict", "ICT", "About the " + word);
        signInAs("member-ict");
        navigate("commissions/ICT/discussions");
        _setValue(_get(TextField.class, spec -> spec.withId("search")), word.toLowerCase());
        assertThat(rows()).extracting(ThreadRow::id).containsExactly(match);
    }

    @Test
    void member_of_another_commission_is_refused() {
        signInAs("member-fam");
        navigate("commissions/ICT/discussions");
        _get(AccessDeniedView.class);
        assertThat(_find(Grid.class, spec -> spec.withId("thread-grid"))).isEmpty();
    }

    @Test
    void admin_reads_but_cannot_start_threads() {
        signInAs("admin");
        navigate("commissions/ICT/discussions");
        grid();
        assertThat(_find(Button.class, spec -> spec.withId("new-thread"))).as("hidden for admin").isEmpty();
        assertThat(_find(Button.class, spec -> spec.withId("mark-all-read"))).hasSize(1);
    }

    @Test
    void the_commission_page_links_to_its_discussions_for_members_only() {
        signInAs("member-ict");
        navigate("commissions/ICT");
        assertThat(_get(Anchor.class, spec -> spec.withId("discussions-link")).getHref())
                .isEqualTo("commissions/ICT/discussions");
        signInAs("member-fam");
        navigate("commissions/ICT");
        assertThat(_find(Anchor.class, spec -> spec.withId("discussions-link"))).isEmpty();
    }
}
