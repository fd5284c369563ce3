package org.issa.tcw.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.issa.tcw.testsupport.SignIn;
import org.issa.tcw.testsupport.SpringTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The index's mapping is checked at start: an index built by another mapping (another fingerprint
 * recorded, or none) is dropped and built again in the background, with progress for administrators;
 * an index built by this mapping is kept as it is.
 */
@SpringTest
class SearchMappingCheckTest {

    @Autowired
    SearchIndexing indexing;
    @Autowired
    MappingFingerprint fingerprint;
    @Autowired
    SearchService search;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SignIn signIn;

    @BeforeEach
    void ready() {
        awaitReady();
    }

    @AfterEach
    void signOut() {
        signIn.out();
    }

    @Test
    void a_complete_build_records_the_mapping_and_a_start_with_the_same_mapping_keeps_the_index() {
        assertThat(indexing.storedFingerprint()).isEqualTo(fingerprint.current());
        var before = indexing.status();
        assertThat(indexing.checkAtStart()).isEqualTo(SearchIndexing.StartCheck.CURRENT);
        assertThat(indexing.status()).isEqualTo(before);
    }

    @Test
    void an_index_built_by_an_older_mapping_is_rebuilt_in_the_background_with_progress_for_administrators() {
        jdbc.update("update search_index_state set mapping_hash = ? where id = 1", "0".repeat(64));
        var before = indexing.status().since();
        assertThat(indexing.checkAtStart()).isEqualTo(SearchIndexing.StartCheck.MAPPING_CHANGED);
        signIn.as("admin");
        IndexStatus building = search.status();
        assertThat(building.since()).isNotEqualTo(before);
        awaitReady();
        IndexStatus done = search.status();
        assertThat(done.indexed()).isPositive().isEqualTo(done.total());
        assertThat(indexing.storedFingerprint()).isEqualTo(fingerprint.current());
        // the rebuilt index answers as before
        signIn.as("member-ict");
        assertThat(search.search(SearchQuery.of("\"Mobile service channels\"")).hits())
                .extracting(SearchHit::kind).contains(ItemKind.PROJECT);
    }

    @Test
    void no_recorded_mapping_counts_as_another_mapping() {
        jdbc.update("delete from search_index_state");
        assertThat(indexing.checkAtStart()).isEqualTo(SearchIndexing.StartCheck.MAPPING_CHANGED);
        awaitReady();
        assertThat(indexing.storedFingerprint()).isEqualTo(fingerprint.current());
    }

    @Test
    void the_fingerprint_covers_every_field_and_the_analysis() {
        String mapping = fingerprint.describe();
        assertThat(mapping).contains("entity Document", "entity Post", "entity Person")
                .containsPattern("  stage java.lang.String searchable.* aggregable")
                .contains("body_fr java.lang.String searchable analyzer=fr")
                .contains("analyzer fr: standard | elision{} | lowercase{} | asciiFolding{} | snowballPorter{language=French}")
                .contains("revision " + MappingFingerprint.REVISION);
        assertThat(fingerprint.current()).isEqualTo(MappingFingerprint.hash(mapping)).hasSize(64);
    }

    private void awaitReady() {
        Awaitility.await().pollInSameThread().atMost(Duration.ofSeconds(180))
                .until(() -> indexing.status().state() == IndexStatus.State.READY && indexing.storedFingerprint() != null);
    }
}
