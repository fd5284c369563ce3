package org.issa.tcw.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.issa.tcw.commission.CommissionForm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The one rule for typed names and the one cleaner for exports, on hostile and on honest text. */
class UserTextTest {

    /** Names that lie (direction overrides), break files (controls, NUL) or show as nothing (invisible only). */
    static List<String> hostile() {
        return HostileText.SAMPLES;
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void a_hostile_name_is_refused_with_a_reason(String name) {
        var violation = UserText.check(UserText.normalize(name, true), 300, true, "document.title");
        assertThat(violation).isPresent();
        assertThat(violation.get().messageKey()).isIn("validation.hidden-characters", "validation.invisible",
                "validation.required");
        assertThat(violation.get().arguments()[0]).isEqualTo(new Checks.FieldName("document.title"));
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void a_hostile_stored_name_is_cleaned_for_exports(String name) {
        String clean = UserText.sanitize(name);
        assertThat(clean.codePoints()).noneMatch(cp -> Character.getType(cp) == Character.CONTROL
                || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069));
        assertThat(clean).isEqualTo(clean.strip());
    }

    @Test
    void the_right_to_left_override_is_named_not_rendered() {
        assertThat(UserText.check("invoice\u202Efdp.exe", 300, true, "document.title").orElseThrow().messageKey())
                .isEqualTo("validation.hidden-characters");
        assertThat(UserText.sanitize("invoice\u202Efdp.exe")).isEqualTo("invoicefdp.exe");
        assertThat(UserText.sanitize("Report \u0007Q3\u0000")).isEqualTo("Report Q3");
        assertThat(UserText.sanitize("\u200B\u2060\u3164")).isEmpty();
    }

    @Test
    void honest_names_in_any_script_pass_unchanged_apart_from_nfc_and_trimming() {
        for (String name : List.of("Łódź, İstanbul, Αθήνα, Київ, Hà Nội", "التأمين الاجتماعي", "ביטוח לאומי",
                "社会保障", "สำนักงานประกันสังคม", "Family 👨‍👩‍👧 benefits", "O'Brien-Ndiaye", "שם\u200Fעם סימן")) {
            assertThat(UserText.check(UserText.normalize(name, true), 300, true, "document.title")).as(name).isEmpty();
        }
        assertThat(UserText.normalize("  Cafe\u0301\tcre\u0300me \n", true)).isEqualTo("Café crème");
        assertThat(UserText.normalize("line one\r\nline two", false)).isEqualTo("line one\nline two");
    }

    @Test
    void length_and_presence_come_first_and_name_the_field() {
        assertThat(UserText.check("", 10, true, "commission.name").orElseThrow().messageKey())
                .isEqualTo("validation.required");
        assertThat(UserText.check("", 10, false, "commission.name")).isEmpty();
        var tooLong = UserText.check("x".repeat(11), 10, true, "commission.name").orElseThrow();
        assertThat(tooLong.messageKey()).isEqualTo("validation.too-long");
        assertThat(tooLong.arguments()).containsExactly(new Checks.FieldName("commission.name"), 10);
    }

    @Test
    void a_form_bean_is_refused_by_its_annotations_with_the_same_key_the_field_shows() {
        var form = new CommissionForm();
        form.setCode("ICT2");
        form.setName("Bad\u202Ename");
        assertThatThrownBy(() -> FormValidation.validate(form)).isInstanceOfSatisfying(UserFacingException.class,
                e -> {
                    assertThat(e.messageKey()).isEqualTo("validation.hidden-characters");
                    assertThat(e.arguments()).containsExactly(new Checks.FieldName("commission.name"));
                });
        form.setName("A".repeat(201));
        assertThatThrownBy(() -> FormValidation.validate(form)).isInstanceOfSatisfying(UserFacingException.class,
                e -> assertThat(e.arguments()).containsExactly(new Checks.FieldName("commission.name"), 200));
        form.setName("Good name");
        form.setCode("1bad");
        assertThatThrownBy(() -> FormValidation.validate(form)).isInstanceOfSatisfying(UserFacingException.class,
                e -> assertThat(e.messageKey()).isEqualTo("commission.code.invalid"));
        form.setCode("ICT2");
        FormValidation.validate(form);
    }
}
