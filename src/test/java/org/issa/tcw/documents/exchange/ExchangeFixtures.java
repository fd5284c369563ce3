package org.issa.tcw.documents.exchange;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes the committed Word fixtures under src/test/resources (run with -Dfixtures.write=true):
 * {@code poi-rich.docx} by the exporter itself (Apache POI) from {@link ExchangeSamples#rich}, and
 * {@code poi-image.docx} with plain POI (a paragraph and a picture). LibreOffice is not installed on
 * the machines these were made on, so there is no LibreOffice-made fixture.
 */
class ExchangeFixtures {

    static final Path DIR = Path.of("src/test/resources/org/issa/tcw/documents/exchange");

    @Test
    @EnabledIfSystemProperty(named = "fixtures.write", matches = "true")
    void write() throws IOException {
        Files.createDirectories(DIR);
        Files.write(DIR.resolve("poi-rich.docx"), richDocx(ExchangeSamples.rich(7, Instant.parse("2026-12-01T10:15:00Z")
                .toEpochMilli())));
        Files.write(DIR.resolve("poi-image.docx"), imageDocx());
    }

    /** A DOCX written by the exporter from ProseMirror JSON (no comments). */
    static byte[] richDocx(String proseMirrorJson) {
        ObjectMapper json = new ObjectMapper();
        JsonNode tree = toExportTree(json.readTree(proseMirrorJson), json);
        return DocxWriter.write(new ExportContent("Fixture", tree, List.of(Map.entry("Commission", "ICT")),
                "Contents", "Page", Map.of(), Map.of(7L, "Ана Петрова"), "Unknown"));
    }

    /** ProseMirror JSON (marks as a list) → the engine's export tree (marks as an object). */
    static JsonNode toExportTree(JsonNode node, ObjectMapper json) {
        ObjectNode out = json.createObjectNode();
        node.properties().forEach(e -> {
            switch (e.getKey()) {
                case "marks" -> {
                    ObjectNode marks = out.putObject("marks");
                    e.getValue().forEach(m -> marks.set(m.path("type").asString(), m.has("attrs") ? m.get("attrs")
                            : json.createObjectNode()));
                }
                case "content" -> {
                    var list = out.putArray("content");
                    e.getValue().forEach(c -> list.add(toExportTree(c, json)));
                }
                default -> out.set(e.getKey(), e.getValue());
            }
        });
        return out;
    }

    static byte[] imageDocx() throws IOException {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText("Text before the picture");
            XWPFRun run = doc.createParagraph().createRun();
            run.addPicture(new ByteArrayInputStream(png.toByteArray()), Document.PICTURE_TYPE_PNG, "p.png",
                    Units.toEMU(8), Units.toEMU(8));
            doc.createParagraph().createRun().setText("Text after the picture");
            doc.write(out);
            return out.toByteArray();
        } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new IOException(e);
        }
    }
}
