package org.issa.tcw.base;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The Unicode font every PDF embeds (DejaVu Sans: Latin, Greek, Cyrillic; ADR 033), read once.
 * Style sheets name {@link #FAMILY}; {@link #register} gives openhtmltopdf its regular and bold
 * faces (italic text uses the upright faces: no italic face is shipped).
 */
public final class PdfFonts {

    /** The font family style sheets name. */
    public static final String FAMILY = "DejaVu Sans";
    private static final byte[] REGULAR = font("fonts/dejavu/DejaVuSans.ttf");
    private static final byte[] BOLD = font("fonts/dejavu/DejaVuSans-Bold.ttf");

    private PdfFonts() {
    }

    public static void register(PdfRendererBuilder builder) {
        builder.useFont(() -> new ByteArrayInputStream(REGULAR), FAMILY, 400, FontStyle.NORMAL, true);
        builder.useFont(() -> new ByteArrayInputStream(BOLD), FAMILY, 700, FontStyle.NORMAL, true);
        builder.useFont(() -> new ByteArrayInputStream(REGULAR), FAMILY, 400, FontStyle.ITALIC, true);
        builder.useFont(() -> new ByteArrayInputStream(BOLD), FAMILY, 700, FontStyle.ITALIC, true);
    }

    private static byte[] font(String resource) {
        try (InputStream in = PdfFonts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing font " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
