package org.issa.tcw.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.issa.tcw.testsupport.SignIn;
import org.issa.tcw.testsupport.SpringTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@SpringTest
class TrienniumServiceTest {

    @Autowired
    TrienniumService trienniums;
    @Autowired
    SignIn signIn;

    @AfterEach
    void signOut() {
        signIn.out();
    }

    @Test
    void demo_data_has_a_closed_and_an_active_triennium() {
        signIn.as("member-ict");
        assertThat(trienniums.all()).extracting(TrienniumRow::label, TrienniumRow::status)
                .contains(org.assertj.core.groups.Tuple.tuple("2026–2028", TrienniumStatus.ACTIVE),
                        org.assertj.core.groups.Tuple.tuple("2023–2025", TrienniumStatus.CLOSED));
        assertThat(trienniums.active()).map(TrienniumRow::startYear).contains(2026);
    }

    @Test
    void trienniums_follow_each_other_without_gaps_or_overlaps() {
        signIn.as("secretariat");
        assertThatThrownBy(() -> trienniums.plan(2027)).hasMessageContaining("triennium.overlaps");
        assertThatThrownBy(() -> trienniums.plan(2033)).hasMessageContaining("triennium.gap");
        assertThatThrownBy(() -> trienniums.plan(2026)).hasMessageContaining("triennium.exists");
    }

    @Test
    void the_next_triennium_is_planned_but_cannot_start_while_one_runs_and_a_planned_one_can_be_deleted() {
        signIn.as("secretariat");
        long id = trienniums.plan(2029);
        TrienniumRow planned = trienniums.all().stream().filter(t -> t.id() == id).findFirst().orElseThrow();
        assertThat(planned.status()).isEqualTo(TrienniumStatus.PLANNED);
        assertThatThrownBy(() -> trienniums.activate(id, planned.version()))
                .hasMessageContaining("triennium.activate.other-active");
        trienniums.delete(id);
        assertThat(trienniums.all()).extracting(TrienniumRow::id).doesNotContain(id);
    }

    @Test
    void a_started_triennium_cannot_be_deleted() {
        signIn.as("secretariat");
        long active = trienniums.active().orElseThrow().id();
        assertThatThrownBy(() -> trienniums.delete(active)).hasMessageContaining("triennium.delete.not-planned");
    }
}
