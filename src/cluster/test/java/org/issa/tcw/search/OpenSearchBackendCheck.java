package org.issa.tcw.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.awaitility.Awaitility;
import org.issa.tcw.discussion.DiscussionService;
import org.issa.tcw.discussion.NewThread;
import org.issa.tcw.documents.DocumentForm;
import org.issa.tcw.documents.DocumentService;
import org.issa.tcw.documents.WorkingLanguage;
import org.issa.tcw.documents.workflow.DocumentStage;
import org.issa.tcw.testsupport.SignIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The search on the Elasticsearch/OpenSearch backend with outbox-polling coordination (ADR 071):
 * the demo data mass-indexed into a real cluster, the analyzers of {@code SearchAnalysisElasticsearch}
 * present in its indexes, changes reaching it through the outbox, and the same answers as the
 * embedded Lucene index gives for stemming and accents in the working languages, phrases, prefixes,
 * facets, the document-stage filter and the permission filter. Compiled and run only with
 * {@code -Psearch-cluster} against a running cluster ({@code SEARCH_HOSTS}); not part of the suites
 * (no Test/IT suffix): {@code bench/search/opensearch.sh} starts OpenSearch from Maven Central and runs it.
 */
@SpringBootTest
@ActiveProfiles({"demo", "test", "search-cluster"})
class OpenSearchBackendCheck {

    @Autowired
    SearchService search;
    @Autowired
    DiscussionService discussions;
    @Autowired
    DocumentService documents;
    @Autowired
    SignIn signIn;
    @Autowired
    JdbcTemplate jdbc;
    @Value("${SEARCH_HOSTS:localhost:9200}")
    String hosts;

    @AfterEach
    void signOut() {
        signIn.out();
    }

    @Test
    void indexes_and_queries_through_the_cluster() throws Exception {
        signIn.as("admin");
        Awaitility.await().pollInSameThread().atMost(Duration.ofMinutes(5))
                .until(() -> search.status().state() == IndexStatus.State.READY);
        IndexStatus built = search.status();
        System.out.printf("OpenSearch: demo data mass-indexed, %d items%n", built.indexed());

        // the analyzers of SearchAnalysisElasticsearch are in the cluster's index settings
        String settings = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://" + hosts.split(",")[0] + "/_all/_settings")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(settings).contains("\"fr_snowball\"", "\"German2\"", "\"asciifolding\"", "\"elision\"");

        String uid = "os" + Long.toString(System.nanoTime(), 36);
        long ict = jdbc.queryForObject("select id from commission where code = 'ICT'", Long.class);
        signIn.as("chair-ict");
        long thread = discussions.startThread(new NewThread(ict, "Langues " + uid,
                "Les prestations de sécurité sociale " + uid + " fr", null));
        discussions.reply(thread, "Die Rentenversicherungen prüfen Anträge " + uid + " de", null);
        discussions.reply(thread, "Las pensiones contributivas de jubilación " + uid + " es", null);
        discussions.reply(thread, "Pension reforms were adopted, alpha beta " + uid + " en", null);
        DocumentForm form = new DocumentForm();
        form.setTitle("Cluster document " + uid);
        form.setLanguage(WorkingLanguage.FR);
        long document = documents.create("ICT", form);

        signIn.as("member-ict");
        long t0 = System.nanoTime();
        Awaitility.await().pollInSameThread().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> search.search(SearchQuery.of(uid)).total() == 6);
        System.out.printf("OpenSearch: 6 new items searchable after %d ms (outbox polling)%n",
                (System.nanoTime() - t0) / 1_000_000);
        assertThat(search.search(SearchQuery.of("prestation securite " + uid)).total()).isEqualTo(1);
        assertThat(search.search(SearchQuery.of("Rentenversicherung prufen Antrag " + uid)).total()).isEqualTo(1);
        assertThat(search.search(SearchQuery.of("pensión contributiva jubilacion " + uid)).total()).isEqualTo(1);
        assertThat(search.search(SearchQuery.of("reform pension " + uid)).total()).isEqualTo(1);
        assertThat(search.search(SearchQuery.of("\"alpha beta\" " + uid)).total()).isEqualTo(1);
        assertThat(search.search(SearchQuery.of("\"beta alpha\" " + uid)).total()).isZero();
        assertThat(search.search(SearchQuery.of("Rentenvers* " + uid)).total()).isEqualTo(1);
        assertThat(search.search(SearchQuery.of(uid + " -prestations")).total()).isEqualTo(5);

        SearchResults all = search.search(SearchQuery.of(uid));
        assertThat(all.kinds()).extracting(FacetValue::key, FacetValue::count).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("THREAD", 1L), org.assertj.core.groups.Tuple.tuple("POST", 4L),
                org.assertj.core.groups.Tuple.tuple("DOCUMENT", 1L));
        assertThat(all.stages()).extracting(FacetValue::key, FacetValue::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("DRAFT", 1L));
        assertThat(search.search(new SearchQuery(uid, Set.of(), Set.of(), Set.of(), Set.of(), Set.of(DocumentStage.DRAFT),
                null, false, 0, 20)).hits()).extracting(SearchHit::id).containsExactly(document);
        // the snippet marks the accented word as written; a word matched only through its stem
        // ("prestations" for "prestation") is not marked, in OpenSearch (require_field_match) as in
        // Lucene (the unified highlighter's field matcher): SearchServiceTest asserts the same
        SearchHit post = search.search(new SearchQuery("securite prestation " + uid, Set.of(ItemKind.POST), Set.of(),
                Set.of(), Set.of(), Set.of(), null, false, 0, 20)).hits().getFirst();
        assertThat(post.snippet().parts()).anyMatch(p -> p.match() && p.text().equals("sécurité"));
        assertThat(post.snippet().parts()).noneMatch(p -> p.match() && p.text().equals("prestations"));

        signIn.as("member-fam");
        SearchResults outsider = search.search(SearchQuery.of(uid));
        assertThat(outsider.total()).isZero();
        assertThat(outsider.kinds()).isEmpty();

        // a few timed queries (this is a single-node cluster on the build machine, not a benchmark)
        signIn.as("secretariat");
        List<Long> times = new ArrayList<>();
        for (String q : List.of("digital identity", "securite sociale", "pension*", "\"service channels\"", uid)) {
            long s = System.nanoTime();
            search.search(SearchQuery.of(q));
            times.add((System.nanoTime() - s) / 1_000_000);
        }
        System.out.printf("OpenSearch: 5 queries as the secretariat took %s ms (load average %s)%n", times,
                java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip());
    }
}
