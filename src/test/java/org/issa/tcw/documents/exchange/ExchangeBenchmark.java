package org.issa.tcw.documents.exchange;

import static org.issa.tcw.documents.exchange.ExchangeSamples.block;
import static org.issa.tcw.documents.exchange.ExchangeSamples.cell;
import static org.issa.tcw.documents.exchange.ExchangeSamples.p;
import static org.issa.tcw.documents.exchange.ExchangeSamples.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.issa.tcw.commission.CommissionAction;
import org.issa.tcw.documents.DocumentCollaboration;
import org.issa.tcw.documents.DocumentForm;
import org.issa.tcw.documents.DocumentService;
import org.issa.tcw.documents.YjsEngine;
import org.issa.tcw.testsupport.SignIn;
import org.issa.tcw.testsupport.SpringTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Export and import times for docs/benchmarks-documents.md, through the real services (not run by
 * the build: its name matches neither *Test nor *IT; run it with
 * {@code ./mvnw test -Dtest=ExchangeBenchmark -Dsurefire.failIfNoSpecifiedTests=false}):
 * DOCX and PDF of a 100,000-character document with 20 tables (median of 7 after one warm-up), and
 * the import of a 50-page Word file as a document's new content (median of 5).
 */
@SpringTest
class ExchangeBenchmark {

    static final String SENTENCE = "The commission reviewed the guideline on social security administration. ";

    @Autowired
    DocumentExports exports;
    @Autowired
    WordImports imports;
    @Autowired
    DocumentService documents;
    @Autowired
    DocumentCollaboration relay;
    @Autowired
    YjsEngine engine;
    @Autowired
    SignIn signIn;

    /** About {@code chars} characters: sections with a heading, paragraphs, a list and {@code tables} tables of 5×4. */
    static String document(int chars, int tables) {
        List<String> blocks = new ArrayList<>();
        int size = 0;
        int section = 0;
        int tablesLeft = tables;
        while (size < chars) {
            section++;
            blocks.add(block("heading", "{\"level\":" + (section % 3 == 1 ? 1 : 2) + "}", text("Section " + section)));
            for (int i = 0; i < 4; i++) {
                blocks.add(p(text(SENTENCE.repeat(3)), text("important", "{\"type\":\"bold\"}"), text(". ")));
                size += SENTENCE.length() * 3 + 11;
            }
            blocks.add(block("bulletList", "", block("listItem", "", p(text("First point " + section))),
                    block("listItem", "", p(text("Second point " + section)))));
            if (tablesLeft > 0 && section % 2 == 0) {
                tablesLeft--;
                List<String> rows = new ArrayList<>();
                rows.add(block("tableRow", "", cell("tableHeader", 1, 1, "Country"), cell("tableHeader", 1, 1, "Scheme"),
                        cell("tableHeader", 2, 1, "Coverage")));
                for (int r = 0; r < 4; r++) {
                    rows.add(block("tableRow", "", cell("tableCell", 1, 1, "Country " + r), cell("tableCell", 1, 1,
                            "Scheme " + r), cell("tableCell", 1, 1, "Men"), cell("tableCell", 1, 1, "Women")));
                    size += 40;
                }
                blocks.add(block("table", "", rows.toArray(String[]::new)));
            }
        }
        while (tablesLeft-- > 0) {
            blocks.add(block("table", "", block("tableRow", "", cell("tableCell", 1, 1, "a"), cell("tableCell", 1, 1, "b"))));
        }
        return "{\"type\":\"doc\",\"content\":[" + String.join(",", blocks) + "]}";
    }

    @Test
    void measure() {
        signIn.as("chair-ict");
        DocumentForm form = new DocumentForm();
        form.setTitle("Benchmark " + System.nanoTime());
        long id = documents.create("ICT", form);
        String json = document(100_000, 20);
        relay.change(id, CommissionAction.EDIT_DRAFT, log -> engine.replaceContent(log, json).join());
        int chars = documents.text(id).text().length();
        String plain = engine.render(relay.read(id, l -> l)).join().text();
        System.out.printf(Locale.ROOT, "document: %d characters of text%n", plain.length() + 0 * chars);
        List<byte[]> log = relay.read(id, l -> l);
        report("engine exportTree only", 7, () -> engine.exportTree(log, "[]").join().length());
        ExportContent content = new ExportContent("Benchmark", new tools.jackson.databind.ObjectMapper().readTree(
                engine.exportTree(log, "[]").join()), List.of(), "Contents", "Page", java.util.Map.of(),
                java.util.Map.of(), "Unknown");
        report("DocxWriter only", 7, () -> DocxWriter.write(content).length);
        report("PdfWriter only", 7, () -> PdfWriter.write(content).length);
        report("DOCX export", 7, () -> exports.docx(id, DocumentExports.Version.CURRENT, Locale.ENGLISH).bytes().length);
        report("PDF export", 7, () -> exports.pdf(id, DocumentExports.Version.CURRENT, Locale.ENGLISH).bytes().length);
        // a 50-page Word file: about 3,000 characters a page
        byte[] word = ExchangeFixtures.richDocx(document(150_000, 20));
        System.out.printf(Locale.ROOT, "Word file for the import: %d bytes%n", word.length);
        report("Word file read (checks + mammoth + mapping)", 5, () -> WordReader.read(word,
                new ImportLimits(null, null, null)).proseMirrorJson().length());
        String imported = WordReader.read(word, new ImportLimits(null, null, null)).proseMirrorJson();
        report("engine replaceContent only (the Yjs update of the imported content)", 5,
                () -> engine.replaceContent(relay.read(id, l -> l), imported).join().length);
        report("Import as new content (read + relay change)", 5, () -> {
            imports.replace(id, word);
            return 0;
        });
        documents.delete(id);
        signIn.out();
    }

    static void report(String what, int runs, java.util.function.IntSupplier task) {
        int size = task.getAsInt(); // warm-up
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            size = task.getAsInt();
            times.add((System.nanoTime() - t) / 1e6);
        }
        List<Double> sorted = times.stream().sorted().toList();
        System.out.printf(Locale.ROOT, "BENCH %s: median %.0f ms (min %.0f, max %.0f, %d runs), %d bytes%n", what,
                sorted.get(sorted.size() / 2), sorted.get(0), sorted.get(sorted.size() - 1), runs, size);
    }
}
