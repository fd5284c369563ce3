package org.issa.tcw.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmark's join of the three timelines of a keystroke (ADR 114). */
class KeystrokeTimelineTableTest {

    static KeystrokeTimeline.Entry relay(long seq, double... at) {
        return new KeystrokeTimeline.Entry(7, seq, 1, at);
    }

    @Test
    void joins_the_witnesses_by_sequence_number_and_orders_the_relays_stages_by_time() {
        String typer = """
                {"sent":[{"seq":1,"keydown":1000,"update":1002,"send":1003,"ack":1030},
                         {"seq":2,"keydown":2000,"update":2001,"send":2010,"ack":2040}]}""";
        String watcher = """
                {"received":[{"seq":1,"receive":1015,"applied":1017,"painted":1030},
                             {"seq":3,"receive":3000,"applied":3001,"painted":3002}]}""";
        // received, checked, leading, accepted, ordered, delivered, committed, acked
        var table = KeystrokeTimelineTable.of(typer, watcher, List.of(
                relay(1, 1005, 1006, 1006, 1007, 1009, 1010, 1025, 1026),
                relay(2, 2012, 2013, 2013, 2014, 2016, 2017, 2030, 2031)));
        assertThat(table.joined()).as("only seq 1 was seen by all three").isEqualTo(1);
        assertThat(table.durations("push sent → relay received (Vaadin call, request thread)")).containsExactly(2.0);
        assertThat(table.durations("relay: delivered → committed")).containsExactly(15.0);
        assertThat(table.durations("relay: ordered → watching browser received (fan-out, push, WebSocket)"))
                .containsExactly(6.0);
        assertThat(table.durations("relay acked → typing browser has the ack (response)")).containsExactly(4.0);
        assertThat(table.durations("**keydown → watching browser painted**")).containsExactly(30.0);
        assertThat(table.markdown()).contains("| relay: committed → acked | 1 | 1.0 | 1.0 |");
    }

    @Test
    void delivery_after_the_commit_shows_as_its_own_order() {
        String typer = "{\"sent\":[{\"seq\":1,\"keydown\":0,\"update\":1,\"send\":2,\"ack\":40}]}";
        String watcher = "{\"received\":[{\"seq\":1,\"receive\":35,\"applied\":36,\"painted\":50}]}";
        var table = KeystrokeTimelineTable.of(typer, watcher, List.of(relay(1, 3, 4, 4, 5, 6, 30, 25, 31)));
        assertThat(table.durations("relay: ordered → committed")).containsExactly(19.0);
        assertThat(table.durations("relay: committed → delivered")).containsExactly(5.0);
        assertThat(table.durations("relay: committed → watching browser received (fan-out, push, WebSocket)"))
                .containsExactly(10.0);
    }
}
