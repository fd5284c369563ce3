package org.issa.tcw.programme.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.issa.tcw.base.ui.Feedback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutor;

/**
 * A button that produces a file off the request thread (with the user's security context), shows
 * an indeterminate progress bar meanwhile and then offers the file as a download link.
 */
class ExportLink extends HorizontalLayout {

    private static final Logger log = LoggerFactory.getLogger(ExportLink.class);
    /** Exports are rare and short: virtual threads, never the request thread. */
    private static final Executor EXECUTOR = Executors.newVirtualThreadPerTaskExecutor();

    final Button start;
    final ProgressBar progress = new ProgressBar();
    final Anchor download = new Anchor();
    /** Completes once the result has been handed to the UI (for tests and callers that wait). */
    CompletableFuture<byte[]> running = CompletableFuture.completedFuture(new byte[0]);

    ExportLink(String id, String label, String fileName, String contentType, Supplier<byte[]> task) {
        setAlignItems(Alignment.CENTER);
        setSpacing(true);
        start = new Button(label, VaadinIcon.DOWNLOAD.create());
        start.setId(id);
        start.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        progress.setIndeterminate(true);
        progress.setVisible(false);
        progress.setWidth("6rem");
        progress.setId(id + "-progress");
        download.setId(id + "-download");
        download.setVisible(false);
        start.addClickListener(e -> {
            UI ui = UI.getCurrent();
            start.setEnabled(false);
            progress.setVisible(true);
            download.setVisible(false);
            running = CompletableFuture.supplyAsync(task, new DelegatingSecurityContextExecutor(EXECUTOR))
                    .whenComplete((bytes, failure) -> ui.access(() -> {
                start.setEnabled(true);
                progress.setVisible(false);
                if (failure != null) {
                    Feedback.failure(this, failure, "export.failed", log);
                    return;
                }
                download.setHref(DownloadHandler.fromInputStream(event -> new DownloadResponse(
                        new ByteArrayInputStream(bytes), fileName, contentType, bytes.length)));
                download.setText(getTranslation("export.ready", fileName));
                download.getElement().setAttribute("download", true);
                download.setVisible(true);
            }));
        });
        add(start, progress, download);
    }
}
