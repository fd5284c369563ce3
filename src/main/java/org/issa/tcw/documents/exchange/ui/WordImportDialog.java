package org.issa.tcw.documents.exchange.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import org.issa.tcw.base.ui.Feedback;
import org.issa.tcw.documents.DocumentForm;
import org.issa.tcw.documents.DocumentKind;
import org.issa.tcw.documents.WorkingLanguage;
import org.issa.tcw.documents.exchange.ImportLimits;
import org.issa.tcw.documents.exchange.ImportSummary;
import org.issa.tcw.documents.exchange.WordImports;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutor;

/**
 * The Word import dialog: for a new document of a commission (with its kind and working language;
 * the title is the file's name), or to replace a document's content. The file is read and converted
 * off the request thread; the summary says what came through and what was left out. Only
 * {@link WordImportDialogs} creates it, so that its upload and selects are loaded with
 * {@link ExchangeDialogsChunk}'s chunk, when it opens, not with every page showing the button (ADR 121).
 */
class WordImportDialog extends Dialog {

    private static final Logger log = LoggerFactory.getLogger(WordImportDialog.class);
    private static final Executor EXECUTOR = Executors.newVirtualThreadPerTaskExecutor();
    private static final String DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private final WordImports imports;
    private final ImportLimits limits;
    private final @Nullable Long documentId;
    private final @Nullable String commissionCode;

    WordImportDialog(WordImports imports, ImportLimits limits, @Nullable Long documentId,
            @Nullable String commissionCode) {
        this.imports = imports;
        this.limits = limits;
        this.documentId = documentId;
        this.commissionCode = commissionCode;
        build();
    }

    /** Fills the dialog (its fields, the upload and its progress); {@link #open()} shows it. */
    private void build() {
        Dialog dialog = this;
        setHeaderTitle(getTranslation(documentId == null ? "exchange.import.new" : "exchange.import.replace"));
        setId("word-import-dialog");
        Select<DocumentKind> kind = new Select<>();
        kind.setLabel(getTranslation("document.kind"));
        kind.setItems(DocumentKind.values());
        kind.setItemLabelGenerator(k -> getTranslation("document.kind." + k.name()));
        kind.setValue(DocumentKind.GUIDELINE);
        Select<WorkingLanguage> language = new Select<>();
        language.setLabel(getTranslation("document.language"));
        language.setItems(WorkingLanguage.values());
        language.setItemLabelGenerator(l -> getTranslation("document.language." + l.name()));
        language.setValue(WorkingLanguage.EN);
        var chosen = new java.util.concurrent.atomic.AtomicReference<@Nullable DocumentKind>(kind.getValue());
        var chosenLanguage = new java.util.concurrent.atomic.AtomicReference<@Nullable WorkingLanguage>(language.getValue());
        kind.addValueChangeListener(e -> chosen.set(e.getValue()));
        language.addValueChangeListener(e -> chosenLanguage.set(e.getValue()));
        ProgressBar progress = new ProgressBar();
        progress.setIndeterminate(true);
        progress.setVisible(false);
        Paragraph status = new Paragraph();
        UI ui = UI.getCurrent();
        Upload upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> {
            String name = metadata.fileName();
            ui.access(() -> {
                progress.setVisible(true);
                status.setText(getTranslation("exchange.import.working"));
            });
            CompletableFuture.supplyAsync(() -> run(name, bytes, chosen.get(), chosenLanguage.get()),
                    new DelegatingSecurityContextExecutor(EXECUTOR))
                    .whenComplete((result, failure) -> ui.access(() -> {
                        progress.setVisible(false);
                        status.setText("");
                        if (failure != null) {
                            Feedback.failure(dialog, failure, "exchange.failed", log);
                            return;
                        }
                        dialog.close();
                        ImportSummary s = result.summary();
                        String text = getTranslation("exchange.import.done", s.headings(), s.paragraphs(), s.lists(),
                                s.tables());
                        if (s.images() > 0 || s.unsupported() > 0) {
                            text += " " + getTranslation("exchange.import.left-out", s.images(), s.unsupported());
                        }
                        if (s.comments() > 0 || s.commentsLeftOut() > 0) {
                            text += " " + getTranslation("exchange.import.comments", s.comments(), s.commentsLeftOut());
                        }
                        Feedback.success(text);
                        if (documentId == null) {
                            ui.navigate("documents/" + result.documentId());
                        }
                    }));
        }));
        upload.setId("word-upload");
        upload.setAcceptedFileTypes(".docx", DOCX_TYPE);
        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, limits.maxBytes()));
        upload.setUploadButton(new Button(getTranslation("exchange.import.choose")));
        upload.addFileRejectedListener(e -> Feedback.error(getTranslation("exchange.import.too-large",
                limits.maxBytes() / (1024 * 1024))));
        if (documentId == null) {
            dialog.add(kind, language);
        } else {
            dialog.add(new Paragraph(getTranslation("exchange.import.replace-note")));
        }
        dialog.add(upload, progress, status);
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), e -> dialog.close()));
    }

    private record Result(long documentId, ImportSummary summary) {
    }

    private Result run(String fileName, byte[] bytes, @Nullable DocumentKind kind, @Nullable WorkingLanguage language) {
        Long id = documentId;
        if (id != null) {
            return new Result(id, imports.replace(id, bytes));
        }
        DocumentForm form = new DocumentForm();
        String title = fileName.replaceFirst("(?i)\\.docx$", "").strip();
        form.setTitle(title.length() > 200 ? title.substring(0, 200) : title);
        form.setKind(kind);
        form.setLanguage(language);
        WordImports.Imported imported = imports.newDocument(java.util.Objects.requireNonNull(commissionCode), form,
                bytes);
        return new Result(imported.documentId(), imported.summary());
    }
}
