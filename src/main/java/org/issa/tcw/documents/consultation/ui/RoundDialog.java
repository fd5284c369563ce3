package org.issa.tcw.documents.consultation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;
import org.issa.tcw.base.ui.Feedback;
import org.issa.tcw.documents.consultation.Audience;
import org.issa.tcw.documents.consultation.ConsultationService;
import org.issa.tcw.documents.consultation.ConsultationService.AudienceOption;
import org.issa.tcw.documents.consultation.RoundForm;

/**
 * The chair opens a consultation round: audience, deadline, introduction, questions, whether
 * participants see each other's comments. The service checks everything (the dialog stays open
 * with the message when it refuses).
 */
class RoundDialog extends Dialog {

    final RadioButtonGroup<Audience> audience = new RadioButtonGroup<>();
    final MultiSelectComboBox<AudienceOption> commissions = new MultiSelectComboBox<>();
    final MultiSelectComboBox<AudienceOption> institutions = new MultiSelectComboBox<>();
    final DatePicker deadline = new DatePicker();
    final TextArea introduction = new TextArea();
    final TextArea questions = new TextArea();
    final Checkbox othersVisible = new Checkbox();
    final Button open;

    RoundDialog(ConsultationService service, long documentId, LongConsumer opened) {
        setId("round-dialog");
        setHeaderTitle(getTranslation("consultation.open.title"));
        setWidth("40rem");
        audience.setLabel(getTranslation("consultation.audience"));
        audience.setId("round-audience");
        audience.setItems(Audience.values());
        audience.setItemLabelGenerator(a -> getTranslation("consultation.audience." + a.name()));
        audience.setValue(Audience.COMMISSION);
        commissions.setLabel(getTranslation("consultation.audience.commissions"));
        commissions.setId("round-commissions");
        commissions.setItems(service.commissionOptions());
        commissions.setItemLabelGenerator(AudienceOption::label);
        commissions.setWidthFull();
        institutions.setLabel(getTranslation("consultation.audience.institutions"));
        institutions.setId("round-institutions");
        institutions.setItems(service.institutionOptions());
        institutions.setItemLabelGenerator(AudienceOption::label);
        institutions.setWidthFull();
        deadline.setLabel(getTranslation("consultation.deadline"));
        deadline.setHelperText(getTranslation("consultation.deadline.help"));
        deadline.setId("round-deadline");
        deadline.setLocale(getLocale());
        deadline.setMin(LocalDate.now(ZoneOffset.UTC));
        introduction.setLabel(getTranslation("consultation.introduction"));
        introduction.setId("round-introduction");
        introduction.setWidthFull();
        introduction.setMinHeight("6rem");
        questions.setLabel(getTranslation("consultation.questions"));
        questions.setHelperText(getTranslation("consultation.questions.help"));
        questions.setId("round-questions");
        questions.setWidthFull();
        othersVisible.setLabel(getTranslation("consultation.others-visible"));
        othersVisible.setId("round-others-visible");
        audience.addValueChangeListener(e -> showChoices());
        showChoices();
        add(audience, commissions, institutions, deadline, introduction, questions, othersVisible);
        open = new Button(getTranslation("consultation.open"), e -> {
            long[] id = new long[1];
            if (Feedback.run(this, () -> id[0] = service.open(documentId, form()))) {
                Feedback.success(getTranslation("consultation.opened"));
                close();
                opened.accept(id[0]);
            }
        });
        open.setId("round-open");
        open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var cancel = new Button(getTranslation("common.cancel"), e -> close());
        getFooter().add(cancel, open);
    }

    private void showChoices() {
        commissions.setVisible(audience.getValue() == Audience.COMMISSIONS);
        institutions.setVisible(audience.getValue() == Audience.INSTITUTIONS);
    }

    RoundForm form() {
        RoundForm form = new RoundForm();
        form.setAudience(audience.getValue());
        form.setCommissionIds(commissions.getValue().stream().map(AudienceOption::id).collect(Collectors.toSet()));
        form.setInstitutionIds(institutions.getValue().stream().map(AudienceOption::id).collect(Collectors.toSet()));
        form.setDeadline(deadline.getValue());
        form.setIntroduction(introduction.getValue());
        form.setQuestions(questions.getValue());
        form.setOthersVisible(othersVisible.getValue());
        return form;
    }
}
