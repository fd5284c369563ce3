package org.issa.tcw.base.ui;

import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.binder.PropertyDefinition;
import com.vaadin.flow.data.validator.BeanValidator;
import com.vaadin.flow.i18n.I18NProvider;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.constraints.NotNull;
import java.util.Arrays;
import java.util.Locale;
import org.issa.tcw.base.Checks;
import org.issa.tcw.base.FormValidation;
import org.issa.tcw.base.TextRule;

/**
 * A binder that checks a form bean's Jakarta Bean Validation annotations at each field and shows
 * their messages in the user's language. The annotations' messages are translation keys (see
 * {@link FormValidation}); the service checks the same annotations, so the field and the server
 * never disagree. Bind by property name: {@code binder.forField(title).bind("title")}.
 */
public class FormBinder<T> extends BeanValidationBinder<T> {

    public FormBinder(Class<T> beanType) {
        super(beanType);
    }

    @Override
    protected BindingBuilder<T, ?> configureBinding(BindingBuilder<T, ?> binding, PropertyDefinition<T, ?> definition) {
        Class<?> type = definition.getPropertyHolderType();
        String property = definition.getTopLevelName();
        var validator = new TranslatingValidator(type, property);
        boolean required = validator.getJavaxBeanValidator().getConstraintsForClass(type)
                .getConstraintsForProperty(property) != null
                && validator.getJavaxBeanValidator().getConstraintsForClass(type).getConstraintsForProperty(property)
                        .getConstraintDescriptors().stream()
                        .anyMatch(d -> d.getAnnotation() instanceof NotNull
                                || d.getAnnotation() instanceof TextRule rule && rule.required());
        if (required) {
            binding.getField().setRequiredIndicatorVisible(true);
        }
        return binding.withValidator(validator);
    }

    /** The translated text of a constraint message (a key, or a key with arguments joined by {@code |}). */
    static String translate(String message, Locale locale) {
        var violation = FormValidation.decode(message);
        Object[] args = Arrays.stream(violation.arguments())
                .map(a -> a instanceof Checks.FieldName f ? I18NProvider.translate(locale, f.key()) : a)
                .toArray();
        return I18NProvider.translate(locale, violation.messageKey(), args);
    }

    private static final class TranslatingValidator extends BeanValidator {

        TranslatingValidator(Class<?> beanType, String propertyName) {
            super(beanType, propertyName);
        }

        @Override
        protected String getMessage(ConstraintViolation<?> violation, Locale locale) {
            return translate(violation.getMessageTemplate(), locale);
        }
    }
}
