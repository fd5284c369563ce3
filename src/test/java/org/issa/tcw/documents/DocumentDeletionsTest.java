package org.issa.tcw.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The run arithmetic of {@link DocumentDeletions} (first deleter first). Who deleted what with the
 * real yjs and relay: DocumentVersionsTest (docs/adr/091).
 */
class DocumentDeletionsTest {

    @Test
    void uncovered_parts_of_a_run() {
        TreeMap<Long, Long> covered = new TreeMap<>(Map.of(2L, 4L, 6L, 8L));
        assertThat(DocumentDeletions.uncovered(covered, 0, 10)).containsExactly(new long[] {0, 2}, new long[] {4, 6},
                new long[] {8, 10});
        assertThat(DocumentDeletions.uncovered(covered, 3, 7)).containsExactly(new long[] {4, 6});
        assertThat(DocumentDeletions.uncovered(covered, 2, 4)).isEmpty();
        assertThat(DocumentDeletions.uncovered(covered, 8, 9)).containsExactly(new long[] {8, 9});
    }
}
