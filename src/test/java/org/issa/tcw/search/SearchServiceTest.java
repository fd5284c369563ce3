package org.issa.tcw.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.issa.tcw.base.UserFacingException;
import org.issa.tcw.commission.CommissionRole;
import org.issa.tcw.commission.MembershipService;
import org.issa.tcw.discussion.DiscussionService;
import org.issa.tcw.discussion.ModerationService;
import org.issa.tcw.discussion.NewThread;
import org.issa.tcw.discussion.PostView;
import org.issa.tcw.documents.DocumentFixtures;
import org.issa.tcw.documents.DocumentForm;
import org.issa.tcw.documents.DocumentService;
import org.issa.tcw.documents.WorkingLanguage;
import org.issa.tcw.documents.workflow.DocumentStage;
import org.issa.tcw.documents.workflow.DocumentWorkflow;
import org.issa.tcw.documents.workflow.WorkflowStep;
import org.issa.tcw.testsupport.SignIn;
import org.issa.tcw.testsupport.SpringTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/**
 * The search over the demo data and items made here, each test with its own unique word so tests
 * do not see each other's items: every kind is found; stemming and accent folding per working
 * language; phrase, prefix and exclusion; facet counts; the permission matrix (never a hit, count
 * or facet value from a commission one may not read, never a hidden or deleted post, membership
 * changes at once); typed document text findable within seconds; bad input.
 */
@SpringTest
class SearchServiceTest {

    private static final AtomicInteger SEQ = new AtomicInteger();

    @Autowired
    SearchService search;
    @Autowired
    DiscussionService discussions;
    @Autowired
    ModerationService moderation;
    @Autowired
    DocumentService documents;
    @Autowired
    MembershipService memberships;
    @Autowired
    SignIn signIn;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationContext context;
    @Autowired
    DocumentWorkflow workflow;

    long ict;
    String uid;

    @BeforeEach
    void indexReady() {
        ict = jdbc.queryForObject("select id from commission where code = 'ICT'", Long.class);
        uid = "uq" + Long.toString(System.nanoTime(), 36) + SEQ.incrementAndGet();
        signIn.as("admin");
        Awaitility.await().pollInSameThread().atMost(Duration.ofSeconds(120))
                .until(() -> search.status().state() == IndexStatus.State.READY);
    }

    @AfterEach
    void signOut() {
        signIn.out();
    }

    @Test
    void every_kind_is_found() {
        long thread = thread("chair-ict", "Thread about interoperability " + uid, "Opening post " + uid);
        document("chair-ict", "Document on interoperability " + uid, WorkingLanguage.EN);
        signIn.as("member-ict");
        assertThat(kinds(uid)).contains(ItemKind.THREAD, ItemKind.POST, ItemKind.DOCUMENT);
        assertThat(kinds("\"Questionnaire sent to members\"")).contains(ItemKind.MILESTONE);
        assertThat(kinds("\"Mobile service channels\"")).contains(ItemKind.PROJECT);
        assertThat(kinds("Becker Jonas")).contains(ItemKind.PERSON);
        assertThat(kinds("SASSA")).contains(ItemKind.INSTITUTION);
        assertThat(kinds("\"Information and Communication Technology\"")).contains(ItemKind.COMMISSION);
        SearchHit post = search.search(query(uid, Set.of(ItemKind.POST))).hits().getFirst();
        assertThat(post.parentId()).isEqualTo(thread);
        assertThat(post.commissionCode()).isEqualTo("ICT");
        assertThat(post.snippet().parts()).anyMatch(p -> p.match() && p.text().equalsIgnoreCase(uid));
    }

    @Test
    void stemming_and_accent_folding_in_each_working_language() {
        thread("chair-ict", "Langues " + uid, "Les prestations de sécurité sociale " + uid + " fr");
        reply("Pension reforms were adopted " + uid + " en");
        reply("Las pensiones contributivas de jubilación " + uid + " es");
        reply("Die Rentenversicherungen prüfen Anträge " + uid + " de");
        signIn.as("member-ict");
        assertThat(search.search(SearchQuery.of("prestation securite " + uid)).total()).isEqualTo(1);
        assertThat(search.search(SearchQuery.of("sécurité " + uid)).total()).isEqualTo(1);
        assertThat(search.search(SearchQuery.of("reform pension " + uid)).total()).isEqualTo(1);
        assertThat(search.search(SearchQuery.of("pensión contributiva jubilacion " + uid)).total()).isEqualTo(1);
        assertThat(search.search(SearchQuery.of("Rentenversicherung prufen Antrag " + uid)).total()).isEqualTo(1);
        assertThat(search.search(SearchQuery.of("chômage " + uid)).total()).isZero();
        // the snippet marks the word as written when the folded query matched it; a word found only
        // through its stem is not marked (the highlighter keeps to the folded field's own terms, in
        // Lucene as in OpenSearch, whose OpenSearchBackendCheck asserts the same)
        SearchHit post = search.search(query("securite prestation " + uid, Set.of(ItemKind.POST))).hits().getFirst();
        assertThat(post.snippet().parts()).anyMatch(p -> p.match() && p.text().equals("sécurité"));
        assertThat(post.snippet().parts()).noneMatch(p -> p.match() && p.text().equals("prestations"));
    }

    @Test
    void phrases_prefixes_and_exclusions() {
        thread("chair-ict", "Syntax " + uid, "alpha beta gamma " + uid);
        reply("beta alpha delta " + uid);
        signIn.as("member-ict");
        assertThat(postsFound("\"alpha beta\" " + uid)).isEqualTo(1);
        assertThat(postsFound("alph* " + uid)).isEqualTo(2);
        assertThat(postsFound(uid + " -gamma")).isEqualTo(1);
        assertThat(postsFound(uid + " (gamma | delta)")).isEqualTo(2);
    }

    @Test
    void facets_count_what_the_filters_would_keep() {
        thread("chair-ict", "Facets " + uid, "first " + uid);
        reply("second " + uid);
        document("chair-ict", "Facet document " + uid, WorkingLanguage.FR);
        signIn.as("member-ict");
        SearchResults all = search.search(SearchQuery.of(uid));
        assertThat(all.total()).isEqualTo(4);
        assertThat(all.kinds()).extracting(FacetValue::key, FacetValue::count)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("POST", 2L),
                        org.assertj.core.groups.Tuple.tuple("THREAD", 1L),
                        org.assertj.core.groups.Tuple.tuple("DOCUMENT", 1L));
        assertThat(all.commissions()).extracting(FacetValue::label, FacetValue::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ICT", 4L));
        assertThat(all.languages()).extracting(FacetValue::key, FacetValue::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("FR", 1L));
        assertThat(all.dates()).filteredOn(d -> d.key().equals("MONTH")).extracting(FacetValue::count)
                .containsExactly(4L);
        assertThat(search.search(query(uid, Set.of(ItemKind.POST))).total()).isEqualTo(2);
        assertThat(search.search(new SearchQuery(uid, Set.of(), Set.of(), Set.of(), Set.of("FR"), Set.of(), null, true, 0, 10))
                .hits()).extracting(SearchHit::kind).containsExactly(ItemKind.DOCUMENT);
        assertThat(search.search(new SearchQuery(uid, Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), DateRange.OLDER, false,
                0, 10)).total()).isZero();
    }

    @Test
    void the_document_stage_filter_counts_and_follows_a_stage_change() {
        long doc = document("chair-ict", "Stage filter " + uid, WorkingLanguage.EN);
        thread("chair-ict", "Stage thread " + uid, "no stage " + uid);
        signIn.as("member-ict");
        assertThat(search.search(SearchQuery.of(uid)).stages()).extracting(FacetValue::key, FacetValue::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("DRAFT", 1L));
        assertThat(search.search(stage(uid, DocumentStage.DRAFT)).hits()).extracting(SearchHit::id).containsExactly(doc);
        assertThat(search.search(stage(uid, DocumentStage.INTERNAL_REVIEW)).total()).isZero();

        signIn.as("chair-ict");
        workflow.take(doc, WorkflowStep.SUBMIT_FOR_REVIEW, null);
        signIn.as("member-ict");
        Awaitility.await().pollInSameThread().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> search.search(stage(uid, DocumentStage.INTERNAL_REVIEW)).total() == 1);
        assertThat(search.search(stage(uid, DocumentStage.DRAFT)).total()).isZero();
        assertThat(search.search(SearchQuery.of(uid)).stages()).extracting(FacetValue::key, FacetValue::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("INTERNAL_REVIEW", 1L));
        // a stage filter keeps documents only (nothing else has a stage); both stages: the union
        assertThat(search.search(new SearchQuery(uid, Set.of(), Set.of(), Set.of(), Set.of(),
                Set.of(DocumentStage.DRAFT, DocumentStage.INTERNAL_REVIEW), null, false, 0, 20)).hits())
                .extracting(SearchHit::kind).containsExactly(ItemKind.DOCUMENT);

        signIn.as("member-fam");
        assertThat(search.search(SearchQuery.of(uid)).stages()).isEmpty();
        assertThat(search.search(stage(uid, DocumentStage.INTERNAL_REVIEW)).total()).isZero();
    }

    private static SearchQuery stage(String text, DocumentStage stage) {
        return new SearchQuery(text, Set.of(), Set.of(), Set.of(), Set.of(), Set.of(stage), null, false, 0, 20);
    }

    @Test
    void member_of_another_commission_never_finds_its_drafts_threads_or_hidden_posts() {
        thread("chair-ict", "Confidential thread " + uid, "Confidential opening " + uid);
        PostView hidden = reply("Hidden reply " + uid);
        PostView deleted = reply("Deleted reply " + uid);
        document("chair-ict", "Confidential draft " + uid, WorkingLanguage.EN);
        signIn.as("chair-ict");
        moderation.hide(hidden.id(), "off topic");
        discussions.delete(deleted.id());

        signIn.as("member-fam");
        SearchResults outsider = search.search(SearchQuery.of(uid));
        assertThat(outsider.total()).isZero();
        assertThat(outsider.hits()).isEmpty();
        assertThat(outsider.kinds()).isEmpty();
        assertThat(outsider.commissions()).isEmpty();
        assertThat(search.quick(uid)).isEmpty();
        assertThat(search.search(SearchQuery.of("\"Mobile service channels\"")).total()).isZero();

        for (String reader : List.of("member-ict", "observer-ict", "secretariat", "admin")) {
            signIn.as(reader);
            SearchResults results = search.search(SearchQuery.of(uid));
            assertThat(results.hits()).as(reader).extracting(SearchHit::kind)
                    .containsExactlyInAnyOrder(ItemKind.THREAD, ItemKind.POST, ItemKind.DOCUMENT);
            assertThat(results.hits()).as(reader).noneMatch(h -> h.id() == hidden.id() || h.id() == deleted.id());
        }
    }

    @Test
    void joining_and_leaving_a_commission_changes_the_results_at_once() {
        thread("chair-ict", "Membership " + uid, "Opening " + uid);
        long person = jdbc.queryForObject("select id from person where username = 'member-fam'", Long.class);
        signIn.as("secretariat");
        long membership = memberships.add(ict, person, CommissionRole.OBSERVER, LocalDate.now().minusDays(1));
        try {
            signIn.as("member-fam");
            assertThat(search.search(SearchQuery.of(uid)).total()).isEqualTo(2);
        } finally {
            signIn.as("secretariat");
            long version = jdbc.queryForObject("select version from membership where id = ?", Long.class, membership);
            memberships.end(membership, version);
        }
        signIn.as("member-fam");
        assertThat(search.search(SearchQuery.of(uid)).total()).isZero();
    }

    @Test
    void typing_into_a_document_makes_it_findable_within_seconds() {
        long document = document("chair-ict", "Typing " + uid, WorkingLanguage.EN);
        String word = "zebracorn" + uid;
        long started = System.nanoTime();
        DocumentFixtures.typeAsEditor(context, document, "The " + word + " appears in the text. ");
        signIn.as("member-ict");
        Awaitility.await().pollInSameThread().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> search.search(SearchQuery.of(word)).total() == 1);
        System.out.printf("typed text findable after %d ms%n", (System.nanoTime() - started) / 1_000_000);
        SearchHit hit = search.search(SearchQuery.of(word)).hits().getFirst();
        assertThat(hit.kind()).isEqualTo(ItemKind.DOCUMENT);
        assertThat(hit.id()).isEqualTo(document);
        assertThat(hit.snippet().parts()).anyMatch(p -> p.match() && p.text().equals(word));
    }

    @Test
    void bad_input_gives_a_message_or_a_sensible_result() {
        thread("chair-ict", "Bad input " + uid, "plain words " + uid);
        signIn.as("member-ict");
        assertThat(search.search(SearchQuery.of("   ")).total()).isZero();
        assertThat(search.quick("")).isEmpty();
        assertThatThrownBy(() -> search.search(SearchQuery.of("x".repeat(10_000))))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.getMessage()).contains("search.too-long"));
        // an unclosed quote makes a phrase up to the end: no error, and only the phrase's matches
        assertThat(search.search(SearchQuery.of("\"plain words " + uid)).total()).isEqualTo(1);
        assertThat(search.search(SearchQuery.of("\"unclosed " + uid)).total()).isZero();
        assertThat(search.search(SearchQuery.of("AND OR")).total()).isGreaterThanOrEqualTo(0);
        assertThat(search.search(SearchQuery.of("*" + "ords " + uid)).total()).isGreaterThanOrEqualTo(0);
        assertThat(search.search(SearchQuery.of("((( ||| --- ***")).total()).isGreaterThanOrEqualTo(0);
        assertThat(search.search(SearchQuery.of("<script>alert(1)</script> " + uid)).total()).isZero();
    }

    @Test
    void only_administrators_rebuild_the_index() {
        signIn.as("member-ict");
        assertThatThrownBy(() -> search.reindex()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> search.status()).isInstanceOf(AccessDeniedException.class);
        signIn.as("secretariat");
        assertThatThrownBy(() -> search.reindex()).isInstanceOf(AccessDeniedException.class);
        signIn.out();
        assertThatThrownBy(() -> search.search(SearchQuery.of("x")))
                .isInstanceOf(org.springframework.security.authentication.AuthenticationCredentialsNotFoundException.class);
    }

    private long thread(String user, String title, String body) {
        signIn.as(user);
        long id = discussions.startThread(new NewThread(ict, title, body, null));
        lastThread = id;
        return id;
    }

    private long lastThread;

    private PostView reply(String text) {
        signIn.as("chair-ict");
        return discussions.reply(lastThread, text, null);
    }

    private long document(String user, String title, WorkingLanguage language) {
        signIn.as(user);
        DocumentForm form = new DocumentForm();
        form.setTitle(title);
        form.setLanguage(language);
        return documents.create("ICT", form);
    }

    private Set<ItemKind> kinds(String text) {
        return Set.copyOf(search.search(SearchQuery.of(text)).hits().stream().map(SearchHit::kind).toList());
    }

    private long postsFound(String text) {
        return search.search(query(text, Set.of(ItemKind.POST))).total();
    }

    private static SearchQuery query(String text, Set<ItemKind> kinds) {
        return new SearchQuery(text, kinds, Set.of(), Set.of(), Set.of(), Set.of(), null, false, 0, 20);
    }
}
