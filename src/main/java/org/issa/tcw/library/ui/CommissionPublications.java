package org.issa.tcw.library.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.issa.tcw.base.ui.CommissionSection;
import org.issa.tcw.documents.workflow.LibraryEntry;
import org.issa.tcw.documents.workflow.LibraryQuery;
import org.issa.tcw.documents.workflow.PublishedLibrary;

/** The "Publications" section of a commission's page: its published documents, with a link to the library. */
@org.springframework.stereotype.Component
class CommissionPublications implements CommissionSection {

    /** How many publications the commission page lists (the library has all). */
    static final int SHOWN = 10;

    private final PublishedLibrary library;

    CommissionPublications(PublishedLibrary library) {
        this.library = library;
    }

    @Override
    public Optional<Component> create(String commissionCode) {
        List<LibraryEntry> entries = library.published(LibraryQuery.ofCommission(commissionCode));
        var section = new Div();
        section.setId("commission-publications");
        section.add(new H3(section.getTranslation("library.publications")));
        if (entries.isEmpty()) {
            section.add(new Paragraph(section.getTranslation("library.publications.none")));
        } else {
            var list = new UnorderedList();
            for (LibraryEntry e : entries.stream().limit(SHOWN).toList()) {
                String languages = e.languages().stream().map(l -> l.language().name()).collect(Collectors.joining(" · "));
                var item = new ListItem(e.title() + " (" + languages + ")");
                item.setId("publication-" + e.documentId());
                list.add(item);
            }
            section.add(list);
        }
        var all = new Anchor("library?commission=" + commissionCode, section.getTranslation("library.publications.all"));
        all.setId("commission-library-link");
        section.add(all);
        return Optional.of(section);
    }

    @Override
    public int order() {
        return 10;
    }
}
