package org.issa.tcw.documents.exchange.ui;

import org.issa.tcw.base.ui.AppIcon;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Supplier;
import org.issa.tcw.base.ui.Feedback;
import org.issa.tcw.documents.exchange.DocumentExports;
import org.issa.tcw.documents.exchange.ExportFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutor;

/**
 * "Download" → Word or PDF: the file is made on a virtual thread with the reader's security
 * context, an indeterminate progress bar shows meanwhile, then a link offers the file.
 */
class DownloadMenu extends HorizontalLayout {

    private static final Logger log = LoggerFactory.getLogger(DownloadMenu.class);
    private static final Executor EXECUTOR = Executors.newVirtualThreadPerTaskExecutor();

    final MenuBar menu = new MenuBar();
    final MenuItem docx;
    final MenuItem pdf;
    final ProgressBar progress = new ProgressBar();
    final Anchor link = new Anchor();
    /** Completes once the file has been handed to the page (tests wait for it). */
    CompletableFuture<?> running = CompletableFuture.completedFuture(null);

    /**
     * @param id      the menu's id; its items, progress bar and link are {@code id-docx}, {@code id-pdf},
     *                {@code id-progress} and {@code id-link}
     * @param version what to export (read off the request thread)
     */
    DownloadMenu(DocumentExports exports, long documentId, String id, Supplier<DocumentExports.Version> version) {
        menu.setI18n(org.issa.tcw.base.ui.Translated.menuBar(this));
        setAlignItems(Alignment.CENTER);
        setSpacing(true);
        menu.setId(id);
        menu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY);
        MenuItem root = menu.addItem(new AppIcon(AppIcon.Glyph.DOWNLOAD)); // not VaadinIcon: its 240 KB set (ADR 121)
        root.add(getTranslation("exchange.download"));
        SubMenu sub = root.getSubMenu();
        docx = sub.addItem(getTranslation("exchange.download.docx"),
                e -> start(locale -> exports.docx(documentId, version.get(), locale)));
        docx.setId(id + "-docx");
        pdf = sub.addItem(getTranslation("exchange.download.pdf"),
                e -> start(locale -> exports.pdf(documentId, version.get(), locale)));
        pdf.setId(id + "-pdf");
        progress.setIndeterminate(true);
        progress.setVisible(false);
        progress.setWidth("6rem");
        progress.setId(id + "-progress");
        link.setId(id + "-link");
        link.setVisible(false);
        add(menu, progress, link);
    }

    void start(Function<Locale, ExportFile> task) {
        UI ui = UI.getCurrent();
        Locale locale = ui.getLocale();
        menu.setEnabled(false);
        progress.setVisible(true);
        link.setVisible(false);
        running = CompletableFuture.supplyAsync(() -> task.apply(locale), new DelegatingSecurityContextExecutor(EXECUTOR))
                .whenComplete((file, failure) -> ui.access(() -> {
                    menu.setEnabled(true);
                    progress.setVisible(false);
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
                }));
    }
}
