package org.issa.tcw.documents.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.issa.tcw.base.ui.Feedback;
import org.issa.tcw.commission.CommissionRole;
import org.issa.tcw.commission.MemberRow;
import org.issa.tcw.documents.suggestions.SuggestOnlyService;
import org.issa.tcw.documents.suggestions.SuggestOnlySettings;

/** Reviewers choose who changes the document only by suggesting: roles and people of the commission. */
class SuggestOnlyDialog extends Dialog {

    SuggestOnlyDialog(SuggestOnlyService service, long documentId, List<MemberRow> members) {
        setHeaderTitle(getTranslation("suggestions.settings.title"));
        setId("suggest-only-dialog");
        SuggestOnlySettings current = service.settings(documentId);
        var help = new Paragraph(getTranslation("suggestions.settings.help"));
        var roles = new CheckboxGroup<CommissionRole>(getTranslation("suggestions.settings.roles"));
        roles.setId("suggest-only-roles");
        roles.setItems(CommissionRole.values());
        roles.setItemLabelGenerator(r -> getTranslation("role.plural." + r.name()));
        roles.setValue(current.roles());
        var people = new MultiSelectComboBox<MemberRow>(getTranslation("suggestions.settings.people"));
        people.setId("suggest-only-people");
        people.setItems(members);
        people.setItemLabelGenerator(MemberRow::displayName);
        people.setValue(members.stream().filter(m -> current.personIds().contains(m.personId()))
                .collect(Collectors.toSet()));
        people.setWidthFull();
        add(help, roles, people);
        var save = new Button(getTranslation("common.save"), e -> {
            Set<CommissionRole> chosen = roles.getValue().isEmpty() ? EnumSet.noneOf(CommissionRole.class)
                    : EnumSet.copyOf(roles.getValue());
            Set<Long> ids = people.getValue().stream().map(MemberRow::personId)
                    .collect(Collectors.toCollection(HashSet::new));
            if (Feedback.run(this, () -> service.save(documentId, new SuggestOnlySettings(chosen, ids)))) {
                Feedback.success(getTranslation("common.saved"));
                close();
            }
        });
        save.setId("suggest-only-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var cancel = new Button(getTranslation("common.cancel"), e -> close());
        getFooter().add(cancel, save);
    }
}
