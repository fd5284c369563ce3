package org.issa.tcw.base.ui;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;

/**
 * Gives the browser-side checks of text and date fields messages that say what is wrong (instead
 * of a red field without a word, or "… is required" after a date that could not be read).
 */
public final class Fields {

    private static final LocalDate EXAMPLE = LocalDate.of(2026, 12, 31);

    private Fields() {
    }

    /** A text field with a label and a length limit, with messages for both. */
    public static TextField text(TextField field, String labelKey, int maxLength) {
        String label = field.getTranslation(labelKey);
        field.setLabel(label);
        field.setMaxLength(maxLength);
        field.setI18n(new TextField.TextFieldI18n()
                .setRequiredErrorMessage(field.getTranslation("validation.required", label))
                .setMaxLengthErrorMessage(field.getTranslation("validation.too-long", label, maxLength)));
        return field;
    }

    /** A text area with a label and a length limit, with messages for both. */
    public static TextArea text(TextArea field, String labelKey, int maxLength) {
        String label = field.getTranslation(labelKey);
        field.setLabel(label);
        field.setMaxLength(maxLength);
        field.setI18n(new TextArea.TextAreaI18n()
                .setRequiredErrorMessage(field.getTranslation("validation.required", label))
                .setMaxLengthErrorMessage(field.getTranslation("validation.too-long", label, maxLength)));
        return field;
    }

    /** A date picker whose messages tell a date that could not be read, or lies outside its range, from a missing one. */
    public static DatePicker date(DatePicker field, String labelKey) {
        String label = field.getTranslation(labelKey);
        field.setLabel(label);
        var i18n = new DatePicker.DatePickerI18n()
                .setRequiredErrorMessage(field.getTranslation("validation.required", label))
                .setBadInputErrorMessage(field.getTranslation("validation.date.unreadable", label,
                        Formats.date(EXAMPLE, field.getLocale())))
                .setMinErrorMessage(field.getTranslation("validation.date.too-early", label))
                .setMaxErrorMessage(field.getTranslation("validation.date.too-late", label));
        field.setI18n(i18n);
        return field;
    }

    /**
     * Whether the field holds text the browser could not turn into a date (or one outside its
     * range): then its own message is showing, and the form must not send "no date" to the server.
     */
    public static boolean unreadable(DatePicker field) {
        return field.isInvalid();
    }
}
