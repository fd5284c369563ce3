package org.issa.tcw.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import org.issa.tcw.base.StillInUseException;
import org.issa.tcw.testsupport.SignIn;
import org.issa.tcw.testsupport.SpringTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Deleting a person others' records refer to is refused with the reason ("still in use"), never
 * with a foreign-key error: every feature whose tables reference {@code person} registers a
 * {@link org.issa.tcw.base.UsageCheck} — memberships, programme, discussions and notifications.
 */
@SpringTest
class PersonDeletionTest {

    @Autowired
    PersonService people;
    @Autowired
    SignIn signIn;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void secretariat() {
        signIn.as("secretariat");
    }

    @AfterEach
    void signOut() {
        signIn.out();
    }

    @Test
    void a_person_who_has_posted_is_refused_as_still_in_use_and_stays() {
        long person = newPerson("poster");
        long thread = jdbc.queryForObject("select min(id) from discussion_thread", Long.class);
        long seq = jdbc.queryForObject("select max(seq) + 1 from discussion_post where thread_id = ?", Long.class, thread);
        jdbc.update("insert into discussion_post (thread_id, commission_id, seq, author_id, body, html, created_at) "
                + "select t.id, t.commission_id, ?, ?, ?, ?, ? from discussion_thread t where t.id = ?",
                seq, person, "Hello", "<p>Hello</p>", Timestamp.from(Instant.now()), thread);

        assertThatThrownBy(() -> people.delete(person)).isInstanceOfSatisfying(StillInUseException.class, e -> {
            assertThat(e.messageKey()).isEqualTo("person.delete.in-discussions");
            assertThat(e.arguments()).containsExactly(1L);
        });
        assertThat(jdbc.queryForObject("select count(*) from person where id = ?", Long.class, person)).isEqualTo(1);
    }

    @Test
    void a_person_who_only_watches_a_thread_is_refused_too() {
        long person = newPerson("watcher");
        long thread = jdbc.queryForObject("select min(id) from discussion_thread", Long.class);
        jdbc.update("insert into discussion_read_marker (thread_id, person_id, last_read_seq) values (?, ?, 1)",
                thread, person);

        assertThatThrownBy(() -> people.delete(person)).isInstanceOf(StillInUseException.class)
                .hasMessageContaining("person.delete.in-discussions");
    }

    @Test
    void a_person_with_notifications_is_refused_as_still_in_use() {
        long person = newPerson("notified");
        jdbc.update("insert into notification (person_id, kind, actor_name, subject, link, created_at) "
                + "values (?, 'MENTION', 'Someone', 'A thread', '/discussions/1', ?)", person, Timestamp.from(Instant.now()));

        assertThatThrownBy(() -> people.delete(person)).isInstanceOfSatisfying(StillInUseException.class,
                e -> assertThat(e.messageKey()).isEqualTo("person.delete.has-notifications"));
    }

    @Test
    void a_person_nothing_refers_to_can_be_deleted() {
        long person = newPerson("unused");
        people.delete(person);
        assertThat(jdbc.queryForObject("select count(*) from person where id = ?", Long.class, person)).isZero();
    }

    private long newPerson(String prefix) {
        String username = prefix + System.nanoTime();
        var form = new PersonForm();
        form.setUsername(username);
        form.setEmail(username + "@example.org");
        form.setLastName("Deletion test");
        return people.save(form);
    }
}
