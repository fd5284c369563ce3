package org.issa.tcw.search;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.issa.tcw.documents.DocumentFixtures;
import org.issa.tcw.documents.DocumentForm;
import org.issa.tcw.documents.DocumentService;
import org.issa.tcw.testsupport.SignIn;
import org.issa.tcw.testsupport.SpringTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark of issue 16 (not part of the normal build: its name does not end in "Test"; run it with
 * {@code bench/search/run.sh}). Fills the database with documents of 20,000 characters, posts and
 * people in the four working languages ({@code bench.scale}: 1.0 = 10x the demo, i.e. 5,000
 * documents, 100,000 posts, 20,000 people), rebuilds the index (mass indexing time, index size on
 * disk), runs 20 realistic queries (server time of {@code SearchService.search}, median and p95 as
 * a member of one commission and as the secretariat), and measures the relay's append of a
 * keystroke with and without the background rendering and reindexing of that document. Results:
 * {@code target/benchmarks-search.txt}.
 */
@SpringTest
class SearchBench {

    static final double SCALE = Double.parseDouble(System.getProperty("bench.scale", "0.1"));
    static final int DOCUMENTS = (int) (5000 * SCALE);
    static final int POSTS = (int) (100_000 * SCALE);
    static final int PEOPLE = (int) (20_000 * SCALE);

    static final String[] QUERIES = {"digital identity", "\"data protection\"", "interoperab*", "cybersecurity -cloud",
        "prestations familiales", "securite sociale", "pensión contributiva", "Rentenversicherung",
        "survey members", "cloud adoption", "mobile services", "fraud detection", "artificial intelligence",
        "guidelines publication", "réforme des retraites", "seguridad social", "Digitalisierung Verwaltung",
        "unemployment insurance", "consultation draft", "Becker"};

    static final String[] WORDS = ("digital identity data protection interoperability cybersecurity cloud services "
            + "mobile survey members fraud detection artificial intelligence guidelines publication unemployment "
            + "insurance consultation draft pension reform benefits contribution administration governance "
            + "prestations familiales sécurité sociale réforme des retraites cotisations assurance maladie "
            + "seguridad social pensión contributiva jubilación afiliación prestaciones desempleo "
            + "Rentenversicherung Digitalisierung Verwaltung Beiträge Arbeitslosenversicherung Prüfung Anträge "
            + "the of and to in for with on by a la le les de des et en el los las y die der das und mit").split(" ");

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SearchService search;
    @Autowired
    DocumentService documents;
    @Autowired
    SignIn signIn;
    @Autowired
    ApplicationContext context;

    private final List<String> report = new ArrayList<>();
    private final Random random = new Random(16);

    @Test
    void index_query_and_type() throws Exception {
        signIn.as("admin");
        Awaitility.await().pollInSameThread().atMost(Duration.ofMinutes(5))
                .until(() -> search.status().state() == IndexStatus.State.READY);
        line("scale %.2f of 10x demo: %d documents of 20,000 characters, %d posts, %d people; %d cores, load %s",
                SCALE, DOCUMENTS, POSTS, PEOPLE, Runtime.getRuntime().availableProcessors(), load());
        long fill = System.nanoTime();
        fill();
        line("filled the database in %d s", (System.nanoTime() - fill) / 1_000_000_000);

        long started = System.nanoTime();
        search.reindex();
        Awaitility.await().pollInSameThread().pollInterval(Duration.ofMillis(200)).atMost(Duration.ofHours(2))
                .until(() -> search.status().state() != IndexStatus.State.BUILDING);
        line("mass indexing: %d items in %.1f s (load %s)", search.status().indexed(),
                (System.nanoTime() - started) / 1e9, load());
        String root = System.getProperty("spring.jpa.properties.hibernate.search.backend.directory.root");
        if (root != null) {
            line("index size on disk: %.1f MB", size(Path.of(root)) / 1e6);
        }

        for (String user : List.of("member-ict", "secretariat")) {
            signIn.as(user);
            for (String q : QUERIES) {
                search.search(SearchQuery.of(q));
            }
            List<Double> times = new ArrayList<>();
            long total = 0;
            for (int round = 0; round < 5; round++) {
                for (String q : QUERIES) {
                    long t = System.nanoTime();
                    total += search.search(SearchQuery.of(q)).total();
                    times.add((System.nanoTime() - t) / 1e6);
                }
            }
            line("queries as %s: 20 queries x 5 rounds, median %.1f ms, p95 %.1f ms, max %.1f ms (avg hits %d; load %s)",
                    user, percentile(times, 50), percentile(times, 95), percentile(times, 100),
                    total / times.size(), load());
            List<Double> quick = new ArrayList<>();
            for (String q : QUERIES) {
                long t = System.nanoTime();
                search.quick(q);
                quick.add((System.nanoTime() - t) / 1e6);
            }
            line("as-you-type (quick, 30 hits grouped) as %s: median %.1f ms, p95 %.1f ms", user,
                    percentile(quick, 50), percentile(quick, 95));
        }
        typing();
        Files.write(Path.of("target/benchmarks-search.txt"), report);
        report.forEach(System.out::println);
    }

    /** The relay's append of one keystroke, alone and with the background rendering and reindexing running. */
    private void typing() {
        signIn.as("chair-ict");
        DocumentForm form = new DocumentForm();
        form.setTitle("Typing benchmark");
        long document = documents.create("ICT", form);
        DocumentFixtures.type(context, document, text(20_000), true);
        DocumentFixtures.compact(context, document);
        for (String mode : List.of("append only (no rendering, no reindexing)",
                "append + background rendering and reindexing (as the relay)")) {
            boolean render = mode.startsWith("append +");
            List<Double> times = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                double ms = DocumentFixtures.timedKeystroke(context, document, "w" + i + " ", render);
                if (i >= 20) {
                    times.add(ms);
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            line("keystroke, %s: median %.2f ms, p95 %.2f ms (100 keystrokes, 50 ms apart)", mode,
                    percentile(times, 50), percentile(times, 95));
        }
    }

    private void fill() {
        long ict = jdbc.queryForObject("select id from commission where code = 'ICT'", Long.class);
        List<Long> commissions = jdbc.queryForList("select id from commission", Long.class);
        long author = jdbc.queryForObject("select id from person where username = 'member-ict'", Long.class);
        byte[] state = jdbc.queryForObject("select state from document order by id fetch first 1 row only", byte[].class);
        Timestamp now = Timestamp.from(Instant.now());
        String[] languages = {"EN", "FR", "ES", "DE"};
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < DOCUMENTS; i++) {
            long c = i % 3 == 0 ? ict : commissions.get(random.nextInt(commissions.size()));
            rows.add(new Object[] {c, "Benchmark document " + i + " " + text(60), languages[i % 4], now, now, state,
                text(20_000)});
            if (rows.size() == 200) {
                insertDocuments(rows);
            }
        }
        insertDocuments(rows);
        int threads = Math.max(1, POSTS / 50);
        for (int t = 0; t < threads; t++) {
            long c = t % 3 == 0 ? ict : commissions.get(random.nextInt(commissions.size()));
            String code = jdbc.queryForObject("select code from commission where id = ?", String.class, c);
            jdbc.update("insert into discussion_thread (commission_id, commission_code, title, author_id, created_at, "
                    + "last_post_at, last_seq, reply_count, pinned, locked, version) values (?, ?, ?, ?, ?, ?, 50, 49, "
                    + "false, false, 0)", c, code, "Benchmark thread " + t + " " + text(50), author, now, now);
            long thread = jdbc.queryForObject("select max(id) from discussion_thread", Long.class);
            List<Object[]> posts = new ArrayList<>();
            for (int seq = 1; seq <= 50; seq++) {
                String body = text(400);
                posts.add(new Object[] {thread, c, seq, author, body, "<p>" + body + "</p>", now});
            }
            jdbc.batchUpdate("insert into discussion_post (thread_id, commission_id, seq, author_id, body, html, "
                    + "created_at, deleted, version) values (?, ?, ?, ?, ?, ?, ?, false, 0)", posts);
        }
        List<Long> institutions = jdbc.queryForList("select id from institution", Long.class);
        List<Object[]> people = new ArrayList<>();
        String[] first = {"Anna", "Jean", "María", "Jonas", "Amina", "Pierre", "Lucía", "Klaus", "Wei", "Kofi"};
        String[] last = {"Müller", "Dupont", "García", "Smith", "Okafor", "Rossi", "Nguyen", "Silva", "Schmidt", "Diallo"};
        for (int i = 0; i < PEOPLE; i++) {
            people.add(new Object[] {"bench" + i, "bench" + i + "@example.org", first[i % 10],
                last[(i / 10) % 10] + i, institutions.get(i % institutions.size())});
        }
        jdbc.batchUpdate("insert into person (username, email, first_name, last_name, institution_id, active, version) "
                + "values (?, ?, ?, ?, ?, true, 0)", people);
    }

    private void insertDocuments(List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("insert into document (commission_id, title, kind, language, created_at, updated_at, state, "
                + "state_seq, last_seq, plain_text, html, rendered_seq, version) values (?, left(?, 190), 'TECHNICAL_REPORT', "
                + "?, ?, ?, ?, 0, 0, ?, '', 0, 0)", rows);
        rows.clear();
    }

    private String text(int length) {
        StringBuilder b = new StringBuilder(length + 20);
        while (b.length() < length) {
            b.append(WORDS[random.nextInt(WORDS.length)]).append(random.nextInt(20) == 0 ? ". " : " ");
        }
        return b.substring(0, length);
    }

    private static double percentile(List<Double> values, int p) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.clamp(i, 0, sorted.length - 1)];
    }

    private static long size(Path root) throws java.io.IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static String load() {
        try {
            return Arrays.stream(Files.readString(Path.of("/proc/loadavg")).split(" ")).limit(3)
                    .reduce((a, b) -> a + " " + b).orElse("?");
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    private void line(String format, Object... args) {
        String s = String.format(format, args);
        report.add(s);
        System.out.println("[search-bench] " + s);
    }
}
