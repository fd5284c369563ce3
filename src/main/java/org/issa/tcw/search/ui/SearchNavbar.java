package org.issa.tcw.search.ui;

import com.vaadin.flow.component.Component;
import java.util.Optional;
import org.issa.tcw.base.ui.NavbarContribution;
import org.issa.tcw.search.SearchService;
import org.issa.tcw.security.CurrentUser;

/** Puts the search field in the top bar of everyone signed in. */
@org.springframework.stereotype.Component
class SearchNavbar implements NavbarContribution {

    private final SearchService search;
    private final CurrentUser currentUser;

    SearchNavbar(SearchService search, CurrentUser currentUser) {
        this.search = search;
        this.currentUser = currentUser;
    }

    @Override
    public Optional<Component> create() {
        return currentUser.get().map(u -> new QuickSearch(search));
    }

    @Override
    public int order() {
        return 0;
    }
}
