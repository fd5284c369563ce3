package org.issa.tcw.documents.versions.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextField;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.issa.tcw.base.UserFacingException;
import org.issa.tcw.base.ui.Feedback;
import org.issa.tcw.base.ui.UserZone;
import org.issa.tcw.documents.exchange.DocumentExports;
import org.issa.tcw.documents.exchange.ui.ExchangeControls;
import org.issa.tcw.base.ui.LiveAccess;
import org.issa.tcw.documents.versions.DocumentVersions;
import org.issa.tcw.documents.versions.VersionSignals;
import org.issa.tcw.documents.versions.VersionSummary;
import org.issa.tcw.documents.versions.VersionKind;
import org.issa.tcw.documents.versions.VersionView;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutor;

/**
 * The History panel of a document: its versions (name, who, when, words added and removed), naming
 * a version, comparing two versions or one with now, restoring one. Comparing and restoring run
 * off the request thread (the engine computes states), with the reader's security context.
 */
@JsModule("./tcw-late-part.ts")
class HistoryPanel extends Div {

    private static final Logger log = LoggerFactory.getLogger(HistoryPanel.class);
    private static final Executor EXECUTOR = Executors.newVirtualThreadPerTaskExecutor();

    private final DocumentVersions versions;
    private final ExchangeControls exchange;
    private final VersionSignals signals;
    private final long documentId;
    final Div list = new Div();
    final ComboBox<Choice> from = new ComboBox<>();
    final ComboBox<Choice> to = new ComboBox<>();
    final ProgressBar progress = new ProgressBar();
    @Nullable TextField name;
    /** Completes when the last background task has been handed to the UI (tests). */
    CompletableFuture<?> running = CompletableFuture.completedFuture(null);
    /** The last comparison opened (tests). */
    @Nullable Dialog comparison;

    /** A version in the compare pickers; {@code id} null = the current text. */
    record Choice(@Nullable Long id, String label) {
    }

    HistoryPanel(DocumentVersions versions, VersionSignals signals, ExchangeControls exchange, long documentId) {
        this.versions = versions;
        this.signals = signals;
        this.exchange = exchange;
        this.documentId = documentId;
        setId("document-history");
        addClassName("tcw-versions");
        add(new H3(getTranslation("versions.title")));
        if (versions.mayName(documentId)) {
            TextField field = new TextField();
            field.setId("version-name");
            field.setPlaceholder(getTranslation("versions.name.placeholder"));
            field.setAriaLabel(getTranslation("versions.name"));
            field.setMaxLength(DocumentVersions.NAME_MAX);
            field.setWidthFull();
            Button save = new Button(getTranslation("versions.name-version"), e -> nameVersion());
            save.setId("version-save");
            save.addThemeVariants(ButtonVariant.LUMO_SMALL);
            var row = new HorizontalLayout(field, save);
            row.setWidthFull();
            row.expand(field);
            add(row);
            name = field;
        }
        from.setId("version-from");
        from.setLabel(getTranslation("versions.compare.from"));
        from.setItemLabelGenerator(Choice::label);
        to.setId("version-to");
        to.setLabel(getTranslation("versions.compare.to"));
        to.setItemLabelGenerator(Choice::label);
        Button compare = new Button(getTranslation("versions.compare"), e -> {
            if (from.getValue() != null && from.getValue().id() != null) {
                Choice target = to.getValue();
                compare(from.getValue().id(), target == null ? null : target.id(), from.getValue().label(),
                        target == null ? getTranslation("versions.now") : target.label());
            }
        });
        compare.setId("version-compare");
        compare.addThemeVariants(ButtonVariant.LUMO_SMALL);
        var pickers = new HorizontalLayout(from, to, compare);
        pickers.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        pickers.setWrap(true);
        progress.setIndeterminate(true);
        progress.setVisible(false);
        progress.setId("version-progress");
        list.setId("version-list");
        add(pickers, progress, list);
        refresh();
        // another person's named version, or an automatic one, appears while the panel is open
        LiveAccess.whileAttached(this, listener -> signals.subscribe(documentId, listener)::cancel, this::refresh);
    }

    void refresh() {
        list.removeAll();
        List<VersionView> all = versions.list(documentId);
        boolean mayRestore = versions.mayRestore(documentId);
        List<Choice> choices = new ArrayList<>();
        Choice now = new Choice(null, getTranslation("versions.now"));
        if (all.isEmpty()) {
            list.add(new Paragraph(getTranslation("versions.empty")));
        }
        var when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(getLocale())
                .withZone(UserZone.current());
        for (VersionView v : all) {
            String label = label(v);
            String at = when.format(v.createdAt());
            choices.add(new Choice(v.id(), label + " · " + at));
            var title = new Span(label);
            title.addClassName("tcw-version-name");
            var meta = new Div(new Span((v.createdBy() == null ? getTranslation("versions.system") : v.createdBy())
                    + " · " + at + " · "), new Span(getTranslation("versions.words", v.wordsAdded(), v.wordsRemoved())));
            meta.addClassName("tcw-version-meta");
            var compareNow = new Button(getTranslation("versions.compare-now"),
                    e -> compare(v.id(), null, label, now.label()));
            compareNow.setId("version-compare-now-" + v.id());
            compareNow.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
            // the version's own Word and PDF, named in the reader's language when it has no name
            var download = exchange.downloadVersion(documentId, v.id(), () -> {
                DocumentExports.Version version = versions.forExport(documentId, v.id());
                return new DocumentExports.Version(version.state(), label, version.date());
            });
            var actions = new HorizontalLayout(compareNow, download);
            actions.setSpacing(true);
            actions.setAlignItems(HorizontalLayout.Alignment.CENTER);
            actions.setWrap(true);
            if (mayRestore) {
                var restore = new Button(getTranslation("versions.restore"), e -> confirmRestore(v, label));
                restore.setId("version-restore-" + v.id());
                restore.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
                actions.add(restore);
            }
            var row = new Div(title, meta, actions);
            row.addClassName("tcw-version");
            row.getElement().setAttribute("data-version", String.valueOf(v.id()));
            list.add(row);
        }
        from.setItems(choices);
        List<Choice> targets = new ArrayList<>();
        targets.add(now);
        targets.addAll(choices);
        to.setItems(targets);
        to.setValue(now);
        if (!choices.isEmpty()) {
            from.setValue(choices.getFirst());
        }
    }

    /** Opens the comparison of the version with the current text, if it is one of this document's. */
    void compareWithNow(long versionId) {
        versions.list(documentId).stream().filter(v -> v.id() == versionId).findFirst()
                .ifPresent(v -> compare(v.id(), null, label(v), getTranslation("versions.now")));
    }

    private String label(VersionView v) {
        if (v.kind() == VersionKind.BEFORE_RESTORE) {
            return getTranslation("versions.kind.BEFORE_RESTORE", v.name() == null ? "" : v.name());
        }
        return v.name() != null ? v.name() : getTranslation("versions.kind." + v.kind().name());
    }

    private void nameVersion() {
        TextField field = name;
        if (field == null) {
            return;
        }
        String value = field.getValue();
        if (Feedback.run(this, () -> versions.name(documentId, value))) {
            Feedback.success(getTranslation("versions.saved", value.strip()));
            field.clear();
            refresh();
        }
    }

    /**
     * Opens the comparison: the diff as soon as the states are read (no engine work), the text
     * summary when the server has computed it.
     */
    private void compare(long beforeId, @Nullable Long afterId, String beforeLabel, String afterLabel) {
        background(() -> versions.states(documentId, beforeId, afterId), states -> {
            var dialog = new Dialog();
            dialog.setHeaderTitle(getTranslation("versions.diff.title", beforeLabel, afterLabel));
            dialog.setWidth("min(60rem, 95vw)");
            var summary = new Paragraph();
            summary.setId("version-summary");
            var legend = new Div(span("added", getTranslation("versions.legend.added")), new Span(" "),
                    span("removed", getTranslation("versions.legend.removed")));
            legend.addClassName("tcw-version-legend");
            var diff = new VersionDiff(states, getTranslation("versions.legend.unrecorded"));
            diff.setId("version-diff");
            diff.setLabel(getTranslation("versions.diff.text", beforeLabel, afterLabel));
            dialog.add(summary, legend, diff);
            var close = new Button(getTranslation("common.close"), e -> dialog.close());
            close.setId("version-diff-close");
            dialog.getFooter().add(close);
            comparison = dialog;
            dialog.open();
            background(() -> versions.summary(documentId, beforeId, afterId), s -> summary.setText(summary(s)));
        });
    }

    private static Span span(String type, String text) {
        var s = new Span(text);
        s.getElement().setAttribute("data-ychange", type);
        return s;
    }

    String summary(VersionSummary c) {
        String words = getTranslation("versions.summary", c.wordsAdded(), c.wordsRemoved());
        if (c.sections().isEmpty()) {
            return c.wordsAdded() + c.wordsRemoved() == 0 ? getTranslation("versions.summary.none") : words;
        }
        List<String> named = c.sections().stream()
                .map(s -> s.isEmpty() ? getTranslation("versions.section.start") : s).toList();
        return words + "; " + getTranslation("versions.summary.sections", String.join(", ", named));
    }

    private void confirmRestore(VersionView v, String label) {
        var dialog = new ConfirmDialog();
        dialog.setHeader(getTranslation("versions.restore.title"));
        dialog.setText(getTranslation("versions.restore.confirm", label));
        var ok = new Button(getTranslation("versions.restore"), e -> {
            dialog.close();
            background(() -> versions.restore(documentId, v.id()), changed -> {
                Feedback.success(getTranslation(changed ? "versions.restored" : "versions.unchanged"));
                refresh();
            });
        });
        ok.setId("version-restore-ok");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        dialog.setConfirmButton(ok);
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("common.cancel"));
        dialog.setId("version-restore-confirm");
        dialog.open();
    }

    /** Runs {@code work} on a virtual thread with the reader's security context; {@code then} in the UI. */
    private <T> void background(Supplier<T> work, Consumer<T> then) {
        UI ui = UI.getCurrent();
        progress.setVisible(true);
        running = CompletableFuture.supplyAsync(work, new DelegatingSecurityContextExecutor(EXECUTOR))
                .whenComplete((result, failure) -> ui.access(() -> {
                    progress.setVisible(false);
                    if (failure == null) {
                        then.accept(result);
                        return;
                    }
                    Throwable cause = failure.getCause() == null ? failure : failure.getCause();
                    if (cause instanceof UserFacingException u) {
                        Feedback.error(Feedback.message(this, u));
                    } else if (cause instanceof AccessDeniedException) {
                        Feedback.error(getTranslation("error.access-denied"));
                    } else {
                        log.error("Document {}: version work failed", documentId, cause);
                        Feedback.error(getTranslation("error.unexpected", "-"));
                    }
                }));
    }
}
