package org.issa.tcw.base;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Checks a form bean against its Jakarta Bean Validation annotations ({@link TextRule},
 * {@code @Pattern}, ...) in a service, so the rule the form shows is the rule the server enforces.
 *
 * <p>Constraint messages are translation keys, not sentences: {@code person.username.invalid}, or
 * for a {@link TextRule} the key and its arguments joined by {@code |}
 * ({@code validation.too-long|commission.name|200}); {@link #decode} turns one back into a
 * {@link UserText.Violation} that the view translates.
 */
public final class FormValidation {

    private static final String SEPARATOR = "|";
    private static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new KeyInterpolator()).buildValidatorFactory().getValidator();

    private FormValidation() {
    }

    /**
     * Refuses the bean when any annotated rule fails, naming one failure: the one of the
     * alphabetically first property, so the same input always gets the same message.
     *
     * @throws UserFacingException naming what is wrong
     */
    public static void validate(Object bean) {
        List<ConstraintViolation<Object>> violations = new ArrayList<>(VALIDATOR.validate(bean));
        if (!violations.isEmpty()) {
            violations.sort(Comparator.comparing(v -> v.getPropertyPath().toString()));
            throw decode(violations.get(0).getMessage()).toException();
        }
    }

    static String encode(UserText.Violation violation) {
        var parts = new ArrayList<String>();
        parts.add(violation.messageKey());
        for (Object a : violation.arguments()) {
            parts.add(a instanceof Checks.FieldName f ? f.key() : String.valueOf(a));
        }
        return String.join(SEPARATOR, parts);
    }

    /** A constraint message back as a key with arguments: the first argument is a field's label key, the others numbers. */
    public static UserText.Violation decode(String message) {
        String[] parts = message.split("\\" + SEPARATOR);
        Object[] args = new Object[parts.length - 1];
        for (int i = 1; i < parts.length; i++) {
            args[i - 1] = i == 1 ? new Checks.FieldName(parts[i]) : Integer.valueOf(parts[i]);
        }
        return new UserText.Violation(parts[0], args);
    }

    /** Messages are keys: nothing to interpolate, and no expression language to evaluate. */
    private static final class KeyInterpolator implements jakarta.validation.MessageInterpolator {

        @Override
        public String interpolate(String messageTemplate, Context context) {
            return messageTemplate;
        }

        @Override
        public String interpolate(String messageTemplate, Context context, java.util.Locale locale) {
            return messageTemplate;
        }
    }
}
