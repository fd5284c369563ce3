package org.issa.tcw.library.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.issa.tcw.base.ui.Feedback;
import org.issa.tcw.documents.exchange.ExportFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutor;

/**
 * A Word or PDF download of a published document: the file is made on a virtual thread with the
 * reader's security context, then a link offers it.
 */
class LibraryDownload extends Span {

    private static final Logger log = LoggerFactory.getLogger(LibraryDownload.class);
    private static final Executor EXECUTOR = Executors.newVirtualThreadPerTaskExecutor();

    final Button button;
    final Anchor link = new Anchor();
    /** Completes once the file has been handed to the page (tests wait for it). */
    CompletableFuture<?> running = CompletableFuture.completedFuture(null);

    LibraryDownload(String label, Function<Locale, ExportFile> task) {
        button = new Button(label, e -> start(task));
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        link.setVisible(false);
        add(button, link);
    }

    private void start(Function<Locale, ExportFile> task) {
        UI ui = UI.getCurrent();
        Locale locale = ui.getLocale();
        button.setEnabled(false);
        running = CompletableFuture.supplyAsync(() -> task.apply(locale), new DelegatingSecurityContextExecutor(EXECUTOR))
                .whenComplete((file, failure) -> ui.access(() -> {
                    button.setEnabled(true);
                    if (failure != null) {
                        Feedback.failure(this, failure, "exchange.failed", log);
                        return;
                    }
                    byte[] bytes = file.bytes();
                    link.setHref(DownloadHandler.fromInputStream(event -> new DownloadResponse(
                            new ByteArrayInputStream(bytes), file.fileName(), file.contentType(), bytes.length)));
                    link.setText(getTranslation("exchange.ready", file.fileName()));
                    link.getElement().setAttribute("download", true);
                    link.setVisible(true);
                    button.setVisible(false);
                }));
    }
}
