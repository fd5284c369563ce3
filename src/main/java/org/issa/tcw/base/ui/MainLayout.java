package org.issa.tcw.base.ui;

import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.Uses;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.issa.tcw.security.CurrentUser;
import org.issa.tcw.security.SignedInUser;
import org.jsoup.nodes.Element;

/**
 * The application shell around every signed-in page: the side navigation lists the views
 * annotated with {@code @Menu} that the user may open (Vaadin filters them by their access
 * annotations; the menu title is a translation key), and the user menu offers the language switch
 * and sign-out.
 *
 * <p>Sign-out clears what the browser keeps of the person's documents (frontend/tcw-local-copies.ts):
 * the open editors first send what they have (up to {@link #FLUSH_MILLIS}), then the copies are
 * removed, then the session ends. When changes could not be sent, the person chooses between
 * staying and signing out anyway (losing them). A session that ends otherwise (expiry, a server
 * restart) keeps the copies: they carry unsent changes over a reload.
 */
@Layout
@PermitAll
@JsModule("./tcw-local-copies.ts")
@JsModule("./tcw-keyboard.ts")
// the side navigation is static HTML (buildDrawer): keep its web components in the bundle
@Uses(SideNav.class)
@Uses(SideNavItem.class)
@Uses(AppIcon.class) // the menu icons are glyphs of the application's own small set (ADR 111)
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    /** How long sign-out waits for the open editors to send their changes. */
    static final int FLUSH_MILLIS = 5000;

    private final CurrentUser currentUser;
    private final AuthenticationContext authentication;
    private final LocalePreference localePreference;

    private final List<NavbarContribution> contributions;

    public MainLayout(CurrentUser currentUser, AuthenticationContext authentication,
            LocalePreference localePreference, List<NavbarContribution> contributions) {
        this.contributions = contributions;
        this.currentUser = currentUser;
        this.authentication = authentication;
        this.localePreference = localePreference;
        setPrimarySection(Section.DRAWER);
        buildNavbar();
        buildDrawer();
        addAttachListener(e -> {
            UserZone.request(e.getUI()); // dates and times in the reader's zone
            getElement().executeJs("window.tcwKeyboard && window.tcwKeyboard.shortcutsHelp(this)");
        });
    }

    /** After every navigation the focus goes to the page's main heading (tcw-keyboard.ts). */
    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        getElement().executeJs("window.tcwKeyboard && window.tcwKeyboard.focusMain(false)");
    }

    /** "?" outside text fields (tcw-keyboard.ts) or the user menu. */
    @ClientCallable
    void showShortcuts() {
        new ShortcutsDialog().open();
    }

    private void buildNavbar() {
        var title = new Span(getTranslation("app.title"));
        title.addClassName("tcw-app-title");
        // the first Tab stop of every page: straight to the main heading
        var skip = new Anchor("#main-content", getTranslation("a11y.skip-to-content"));
        skip.setId("skip-link");
        skip.addClassName("tcw-skip-link");
        skip.getElement().executeJs("this.addEventListener('click', e => { e.preventDefault();"
                + " window.tcwKeyboard && window.tcwKeyboard.focusMain(true); })");
        var toggle = new DrawerToggle();
        toggle.setAriaLabel(getTranslation("a11y.toggle-navigation"));
        toggle.setTooltipText(getTranslation("a11y.toggle-navigation"));
        var header = new HorizontalLayout(skip, toggle, title);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        header.setWidthFull();
        header.expand(title);
        currentUser.get().ifPresent(user -> {
            contributions.stream().sorted(Comparator.comparingInt(NavbarContribution::order))
                    .forEach(c -> c.create().ifPresent(header::add));
            header.add(userMenu(user));
        });
        header.addClassName("tcw-navbar");
        addToNavbar(header);
    }

    /**
     * The brand and the side navigation, as static HTML (ADR 116): the same elements Vaadin's
     * {@code SideNav}, {@code SideNavItem} and {@link AppIcon} render (the item's {@code path} without its
     * leading slash, the icon in the {@code prefix} slot, the label as the item's text), but one state
     * node each instead of three per entry on every page. The web components highlight the current
     * entry and their links go through the router in the browser, as before.
     */
    private void buildDrawer() {
        Element brand = StaticHtml.element("div").addClass("tcw-brand");
        brand.appendElement("span").text(getTranslation("app.brand"));
        Element nav = StaticHtml.element("vaadin-side-nav").id("main-nav");
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            String path = entry.path().startsWith("/") ? entry.path().substring(1) : entry.path();
            Element item = nav.appendElement("vaadin-side-nav-item").attr("path", path);
            if (entry.icon() != null) {
                item.appendElement("vaadin-icon").attr("icon", entry.icon()).attr("slot", "prefix");
            }
            item.appendText(getTranslation(entry.title()));
        }
        addToDrawer(StaticHtml.of(brand), StaticHtml.of(nav));
    }

    private MenuBar userMenu(SignedInUser user) {
        var avatar = new Avatar(user.displayName());
        avatar.setAbbreviation(user.initials());
        avatar.setColorIndex(Math.floorMod(user.username().hashCode(), 7));
        var menu = new MenuBar();
        menu.setId("user-menu");
        menu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE);
        menu.setI18n(Translated.menuBar(this));
        MenuItem root = menu.addItem(avatar);
        root.setAriaLabel(getTranslation("menu.user", user.displayName()));
        SubMenu sub = root.getSubMenu();
        var who = new Div(new Span(user.displayName()), new Div(user.institutionName() == null
                ? getTranslation(user.isStaff() ? "menu.general-secretariat" : "menu.no-institution")
                : user.institutionName()));
        who.addClassName("tcw-user-card");
        sub.addItem(who).setEnabled(false);
        // the languages sit directly in the user menu (one click, no nested submenu to aim at)
        sub.addSeparator();
        sub.addItem(new Span(getTranslation("menu.language"))).setEnabled(false);
        Locale current = getLocale();
        for (Locale locale : Translations.LOCALES) {
            String name = locale.getDisplayLanguage(locale);
            MenuItem item = sub.addItem(name.substring(0, 1).toUpperCase(locale) + name.substring(1),
                    e -> localePreference.switchTo(UI.getCurrent(), locale));
            item.setCheckable(true);
            item.setChecked(locale.getLanguage().equals(current.getLanguage()));
            item.setId("language-" + locale.getLanguage());
        }
        sub.addSeparator();
        sub.addItem(getTranslation("menu.notification-settings"), e -> UI.getCurrent().navigate("settings/notifications"))
                .setId("notification-settings");
        sub.addItem(getTranslation("keys.title"), e -> showShortcuts()).setId("keyboard-shortcuts");
        sub.addItem(getTranslation("menu.sign-out"), e -> signOut(user.displayName())).setId("sign-out");
        return menu;
    }

    /** Sends what the open editors have, clears the person's local copies, then signs out. */
    private void signOut(String person) {
        getElement().executeJs("return window.tcwLocalCopies.flush($0, $1)", person, FLUSH_MILLIS)
                .then(Boolean.class, sent -> {
                    if (Boolean.TRUE.equals(sent)) {
                        clearAndSignOut(person);
                    } else {
                        askAboutUnsentChanges(person);
                    }
                }, error -> askAboutUnsentChanges(person));
    }

    private void askAboutUnsentChanges(String person) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("sign-out-unsent");
        dialog.setHeader(getTranslation("sign-out.unsent.title"));
        dialog.setText(getTranslation("sign-out.unsent.text"));
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("sign-out.unsent.stay"));
        dialog.setConfirmText(getTranslation("sign-out.unsent.sign-out"));
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(e -> clearAndSignOut(person));
        dialog.open();
    }

    /** Signs out once the copies are gone (or could not be removed: the sign-out still happens). */
    private void clearAndSignOut(String person) {
        getElement().executeJs("return window.tcwLocalCopies.clear($0).then(() => true)", person)
                .then(Boolean.class, cleared -> authentication.logout(), error -> authentication.logout());
    }
}
