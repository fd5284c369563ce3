package org.issa.tcw.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The engine warms up at its first call when nothing warmed it up before (ADR 110); the switch's values. */
class YjsEngineWarmUpTest {

    @Test
    void an_engine_nobody_warmed_up_starts_at_its_first_call_and_at_its_first_replica_call() {
        YjsEngine engine = new YjsEngine();
        byte[] state;
        try {
            state = engine.initialState(YjsEngine.EMPTY_DOCUMENT).join();
            assertThat(engine.render(List.of(state)).join().text()).isEmpty();
        } finally {
            engine.destroy();
        }
        YjsEngine replicasFirst = new YjsEngine();
        try {
            assertThat(replicasFirst.replicas().open(1L, List.of(state)).join()).isTrue();
        } finally {
            replicasFirst.destroy();
        }
    }

    @Test
    void the_warm_up_is_when_ready_or_at_start_and_nothing_else() {
        YjsEngine engine = new YjsEngine();
        try {
            new YjsEngineWarmUp(engine, "when-ready");
            new YjsEngineWarmUp(engine, "at-start");
            assertThatThrownBy(() -> new YjsEngineWarmUp(engine, "later"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("later");
            assertThat(engine.emptyState().join()).isNotEmpty();
        } finally {
            engine.destroy();
        }
    }
}
