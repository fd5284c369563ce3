package org.issa.tcw.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.issa.tcw.testsupport.OneRequest;
import org.issa.tcw.testsupport.SignIn;
import org.issa.tcw.testsupport.SpringTest;
import org.issa.tcw.testsupport.StatementCounter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * {@link CurrentUser} looks the signed-in person up once per HTTP request ({@link SignedInPersonPerRequest},
 * ADR 113), not once per call, and never across requests: a change of the person is seen on the next
 * request. Requests go through the application's own filter bean, as Tomcat runs it.
 */
@SpringTest
class SignedInPersonPerRequestTest {

    private static final int CALLS = 25;

    @Autowired
    CurrentUser currentUser;
    @Autowired
    SignedInPersonPerRequest perRequest;
    @Autowired
    SignIn signIn;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    StatementCounter counter;

    @AfterEach
    void tearDown() {
        signIn.out();
    }

    /** Runs {@code action} inside one HTTP request passing through the filter. */
    private void inRequest(Runnable action) {
        OneRequest.run(perRequest, action);
    }

    private void manyCalls() {
        for (int i = 0; i < CALLS; i++) {
            assertThat(currentUser.require().username()).isEqualTo("member-ict");
            assertThat(currentUser.personId()).isPresent();
        }
    }

    @Test
    void one_request_looks_the_person_up_once_however_often_it_asks() {
        signIn.as("member-ict");
        long one = counter.statements(() -> currentUser.require());
        assertThat(one).as("statements of one look-up").isGreaterThanOrEqualTo(1);

        assertThat(counter.statements(this::manyCalls)).as("off a request: one look-up per call")
                .isEqualTo(2 * CALLS * one);
        assertThat(counter.statements(() -> inRequest(this::manyCalls))).as("in one request: one look-up")
                .isEqualTo(one);
        assertThat(counter.statements(() -> {
            inRequest(this::manyCalls);
            inRequest(this::manyCalls);
        })).as("two requests: one look-up each").isEqualTo(2 * one);
    }

    @Test
    void a_change_of_the_person_is_seen_on_the_next_request() {
        signIn.as("member-ict");
        long id = currentUser.personId().orElseThrow();
        String before = jdbc.queryForObject("select preferred_locale from person where id = ?", String.class, id);
        String changed = "de".equals(before) ? "fr" : "de";
        List<String> seen = new ArrayList<>();
        try {
            inRequest(() -> {
                seen.add(currentUser.require().preferredLocale());
                jdbc.update("update person set preferred_locale = ? where id = ?", changed, id);
                // the same request keeps the person it looked up at its start
                seen.add(currentUser.require().preferredLocale());
            });
            inRequest(() -> seen.add(currentUser.require().preferredLocale()));
        } finally {
            jdbc.update("update person set preferred_locale = ? where id = ?", before, id);
        }
        assertThat(seen).containsExactly(before, before, changed);
    }

    @Test
    void another_sign_in_within_a_request_is_answered_with_its_own_person() {
        List<String> seen = new ArrayList<>();
        inRequest(() -> {
            signIn.as("member-ict");
            seen.add(currentUser.require().username());
            signIn.as("chair-ict");
            seen.add(currentUser.require().username());
            signIn.out();
            seen.add(currentUser.get().map(SignedInUser::username).orElse("nobody"));
        });
        assertThat(seen).containsExactly("member-ict", "chair-ict", "nobody");
    }

    @Test
    void other_threads_during_a_request_look_the_person_up_themselves() throws Exception {
        var auth = signIn.as("member-ict");
        long one = counter.statements(() -> currentUser.require());
        try (var background = Executors.newSingleThreadExecutor()) {
            long[] counted = new long[1];
            inRequest(() -> {
                currentUser.require();
                counted[0] = counter.statements(() -> {
                    try {
                        background.submit(() -> {
                            SecurityContextHolder.getContext().setAuthentication(auth);
                            try {
                                currentUser.require();
                                currentUser.require();
                            } finally {
                                SecurityContextHolder.clearContext();
                            }
                        }).get(30, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
            });
            assertThat(counted[0]).as("a background thread has no request: a look-up per call").isEqualTo(2 * one);
        }
    }
}
