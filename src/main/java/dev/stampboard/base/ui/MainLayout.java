package dev.stampboard.base.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import com.vaadin.flow.theme.lumo.LumoUtility;

/**
 * The frame around every signed-in view. The menu is built from the views' {@code @Menu}
 * annotations and only lists what the user may open, so feature views never import this class.
 */
@Layout
@AnonymousAllowed
public class MainLayout extends AppLayout {

    public MainLayout(
            AuthenticationContext auth,
            org.springframework.beans.factory.ObjectProvider<ClockBadge> clocks,
            org.springframework.beans.factory.ObjectProvider<NavbarItem> items) {
        setPrimarySection(Section.DRAWER);
        var brand = new Span("Stampboard");
        brand.addClassNames(
                "stampboard-brand",
                LumoUtility.FontWeight.BOLD,
                LumoUtility.FontSize.LARGE,
                LumoUtility.Padding.MEDIUM);
        var nav = new SideNav();
        MenuConfiguration.getMenuEntries().forEach(entry -> nav.addItem(item(entry)));
        var drawer = new VerticalLayout(brand, nav, userBox(auth));
        drawer.setSizeFull();
        drawer.setPadding(false);
        drawer.setSpacing(false);
        drawer.expand(nav);
        // landmarks: the drawer is the console's navigation, the top bar its banner, the view its main
        drawer.getElement().setAttribute("role", "navigation");
        drawer.getElement().setAttribute("aria-label", "Console menu and signed-in user");
        addToDrawer(drawer);
        var bar = new HorizontalLayout(new DrawerToggle());
        bar.getElement().setAttribute("role", "banner");
        bar.setWidthFull();
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.getStyle()
                .set("padding-right", "var(--lumo-space-m)")
                .set("flex-wrap", "nowrap")
                .set("min-width", "0")
                .set("box-sizing", "border-box");
        clocks.orderedStream().flatMap(c -> c.text().stream()).findFirst().ifPresent(text -> {
            var icon = new Icon(VaadinIcon.CLOCK);
            icon.getStyle().set("width", "var(--lumo-icon-size-s)").set("height", "var(--lumo-icon-size-s)");
            var words = new Span(text);
            // on a phone the badge shrinks to what fits (ellipsis) instead of wrapping the top bar; the title has it
            // all
            words.getStyle()
                    .set("overflow", "hidden")
                    .set("text-overflow", "ellipsis")
                    .set("white-space", "nowrap");
            var badge = new Span(icon, words);
            badge.setId("clock-badge");
            badge.getElement().getThemeList().add("badge contrast");
            badge.getElement().setAttribute("title", text + ". Times on these pages are simulated, not the wall clock");
            badge.getStyle()
                    .set("gap", "var(--lumo-space-xs)")
                    .set("min-width", "0")
                    .set("overflow", "hidden")
                    .set("flex-shrink", "1");
            bar.add(badge);
        });
        var spacer = new Span();
        bar.addComponentAtIndex(1, spacer);
        bar.expand(spacer);
        if (auth.isAuthenticated()) {
            com.vaadin.flow.component.UI ui = com.vaadin.flow.component.UI.getCurrent();
            items.orderedStream().forEach(item -> bar.add(item.create(ui)));
        }
        addToNavbar(bar);
    }

    /** The view is the page's main landmark (screen readers jump to it). */
    @Override
    public void showRouterLayoutContent(com.vaadin.flow.component.HasElement content) {
        super.showRouterLayoutContent(content);
        if (content != null) {
            content.getElement().setAttribute("role", "main");
        }
    }

    private static SideNavItem item(MenuEntry entry) {
        return entry.icon() == null
                ? new SideNavItem(entry.title(), entry.path())
                : new SideNavItem(entry.title(), entry.path(), new Icon(entry.icon()));
    }

    private static Div userBox(AuthenticationContext auth) {
        String name = auth.getPrincipalName().orElse("anonymous");
        var who = new Span(name);
        who.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
        String roles = String.join(
                        ", ", auth.getGrantedRoles().stream().sorted().toList())
                .toLowerCase();
        var role = new Span(roles);
        role.addClassNames(LumoUtility.FontSize.XSMALL, LumoUtility.TextColor.SECONDARY);
        var logout = new Button(new Icon(VaadinIcon.SIGN_OUT), e -> auth.logout());
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        logout.setTooltipText("Sign out");
        logout.setAriaLabel("Sign out");
        var text = new VerticalLayout(who, role);
        text.setPadding(false);
        text.setSpacing(false);
        var row = new HorizontalLayout(new Icon(VaadinIcon.USER), text, logout);
        row.setAlignItems(FlexComponent.Alignment.CENTER);
        row.setWidthFull();
        row.expand(text);
        var box = new Div(row);
        box.addClassNames(
                LumoUtility.Padding.Vertical.SMALL,
                LumoUtility.Padding.Horizontal.MEDIUM,
                LumoUtility.Border.TOP,
                LumoUtility.BorderColor.CONTRAST_10);
        box.setWidthFull();
        box.getStyle().set("box-sizing", "border-box");
        return box;
    }
}
