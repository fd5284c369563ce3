package org.issa.tcw.programme;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves a commission's iCal feed at {@code /calendar/{token}.ics} to calendar apps, which cannot
 * sign in: the private token is the credential. Unknown and revoked tokens get 404.
 */
@RestController
class CalendarFeedController {

    static final String PATH = "/calendar/";

    private final CalendarFeedService feeds;

    CalendarFeedController(CalendarFeedService feeds) {
        this.feeds = feeds;
    }

    @GetMapping(PATH + "{token}.ics")
    ResponseEntity<String> feed(@PathVariable String token) {
        return feeds.feed(token)
                .map(body -> ResponseEntity.ok().contentType(new MediaType("text", "calendar",
                        java.nio.charset.StandardCharsets.UTF_8)).cacheControl(CacheControl.noStore()).body(body))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    /**
     * Its own stateless filter chain, ahead of Vaadin's: no session, no login redirect, no CSRF
     * (GET only); the controller lets through only a valid token.
     */
    @Configuration
    static class Security {

        @Bean
        @Order(Ordered.HIGHEST_PRECEDENCE)
        SecurityFilterChain calendarFeedChain(HttpSecurity http) throws Exception {
            http.securityMatcher(PATH + "**")
                    .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                    .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                    .requestCache(c -> c.disable())
                    .csrf(c -> c.disable());
            return http.build();
        }
    }
}
