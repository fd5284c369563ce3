package org.issa.tcw;

import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.theme.lumo.Lumo;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import java.time.Clock;

/**
 * TC Workspace: a modular monolith (one package per feature). Also the Vaadin app shell, where
 * push and the application-wide style sheets are declared: Vaadin 25 renders unthemed without
 * {@code @StyleSheet(Lumo.STYLESHEET)}.
 */
@SpringBootApplication
@Push
@StyleSheet(Lumo.STYLESHEET)
@CssImport("./styles/tcw.css")
public class Application implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(Application.class);
        if (StartupTimeline.requested(args, System.getProperty(StartupTimeline.PROPERTY),
                System.getenv("TCW_STARTUP_TIMELINE"))) {
            // records every start-up step (bean creation, context phases); logged when ready (ADR 110)
            application.setApplicationStartup(StartupTimeline.recorder());
        }
        application.run(args);
    }

    /**
     * The one clock of the application, in UTC whatever the host's time zone: the server stores
     * and compares instants and dates in UTC, views show them in the reader's zone
     * ({@code base.ui.UserZone}). Tests replace it to move time.
     */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
