package org.issa.tcw.base;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A text field people type into (a name, a title, a description), checked by {@link UserText}:
 * the form shows the message at the field ({@code base.ui.FormBinder}) and the service refuses the
 * same input ({@link FormValidation}), from this one declaration.
 */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = TextRuleValidator.class)
public @interface TextRule {

    /** Translation key of the field's label, named in every message. */
    String field();

    int max();

    boolean required() default true;

    /** A name or title: line breaks are not part of it. */
    boolean singleLine() default true;

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
