package org.issa.tcw.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The new text of a reply: quoted history and signatures of the usual mail programs left out. */
class ReplyTextTest {

    @Test
    void history_headers_in_four_languages_and_wrapped_over_two_lines_end_the_new_text() {
        assertThat(ReplyText.newText("Yes.\n\nOn Mon, 7 Dec 2026 at 10:00, TC Workspace <no-reply@x.org>\nwrote:\n> old"))
                .isEqualTo("Yes.");
        assertThat(ReplyText.newText("D'accord.\r\n\r\nLe lun. 7 déc. 2026 à 10:00, TC Workspace a écrit :\r\n> ancien"))
                .isEqualTo("D'accord.");
        assertThat(ReplyText.newText("De acuerdo.\n\nEl lun, 7 dic 2026 a las 10:00, TC Workspace escribió:\n> viejo"))
                .isEqualTo("De acuerdo.");
        assertThat(ReplyText.newText("Einverstanden.\n\nAm Mo., 7. Dez. 2026 um 10:00 Uhr schrieb TC Workspace <a@b.c>:\n> alt"))
                .isEqualTo("Einverstanden.");
        assertThat(ReplyText.newText("Fine.\n\n-----Original Message-----\nFrom: TC Workspace\nold")).isEqualTo("Fine.");
        assertThat(ReplyText.newText("Fine.\n________________________________\nDe : TC Workspace\nEnvoyé : lundi\nold"))
                .isEqualTo("Fine.");
        assertThat(ReplyText.newText("Fine.\n\nFrom: TC Workspace <no-reply@x.org>\nSent: Monday\nTo: me\n\nold"))
                .isEqualTo("Fine.");
    }

    @Test
    void signatures_and_a_trailing_quote_block_go_interleaved_quotes_and_markdown_stay() {
        assertThat(ReplyText.newText("Thanks!\n-- \nAna Silva\nINSS")).isEqualTo("Thanks!");
        assertThat(ReplyText.newText("Thanks!\n\nSent from my iPhone")).isEqualTo("Thanks!");
        assertThat(ReplyText.newText("Thanks!\n\nVon meinem iPhone gesendet")).isEqualTo("Thanks!");
        assertThat(ReplyText.newText("> Is §2 too long?\nYes, **shorten** it:\n\n- a\n- b\n\n> old\n> older\n"))
                .isEqualTo("> Is §2 too long?\nYes, **shorten** it:\n\n- a\n- b");
    }

    @Test
    void html_is_reduced_to_text_without_the_quoted_parts_of_gmail_thunderbird_and_outlook() {
        assertThat(ReplyText.htmlToText("<div dir=ltr>Good <i>idea</i>.<br><img src=x onerror=alert(1)></div>"
                + "<div class=gmail_quote>On Mon … wrote:<blockquote>old</blockquote></div>")).isEqualTo("Good idea.");
        assertThat(ReplyText.htmlToText("<p>First</p><p>Second</p><div class=moz-cite-prefix>Le … a écrit :</div>"
                + "<blockquote type=cite>old</blockquote>")).isEqualTo("First\n\nSecond");
        assertThat(ReplyText.htmlToText("<div><div>Agreed</div><hr><div id=divRplyFwdMsg>From: x</div><div>old</div></div>"
                + "<p>older</p>")).isEqualTo("Agreed");
    }
}
