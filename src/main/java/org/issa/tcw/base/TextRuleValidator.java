package org.issa.tcw.base;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.jspecify.annotations.Nullable;

/** Runs {@link UserText#check} for a {@link TextRule}; the violation's message encodes the translation key. */
public class TextRuleValidator implements ConstraintValidator<TextRule, String> {

    private TextRule rule;

    @Override
    public void initialize(TextRule annotation) {
        this.rule = annotation;
    }

    @Override
    public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
        var violation = UserText.check(UserText.normalize(value, rule.singleLine()), rule.max(), rule.required(),
                rule.field());
        if (violation.isEmpty()) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(FormValidation.encode(violation.get())).addConstraintViolation();
        return false;
    }
}
