package org.issa.tcw.discussion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.issa.tcw.base.UserFacingException;
import org.junit.jupiter.api.Test;

/** The anchor chosen in the "move thread" form: no type is no anchor; a type needs an id. */
class AnchorTest {

    @Test
    void no_type_chosen_is_no_anchor() {
        assertThat(Anchor.chosen(null, 5)).isNull();
        assertThat(Anchor.chosen(null, null)).isNull();
    }

    @Test
    void a_type_without_an_id_is_refused_with_a_translated_key() {
        assertThatThrownBy(() -> Anchor.chosen(AnchorType.PROJECT, null)).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("validation.required");
    }

    @Test
    void a_type_and_an_id_name_an_anchor_for_the_service_to_label() {
        assertThat(Anchor.chosen(AnchorType.EVENT, 7)).isEqualTo(Anchor.to(AnchorType.EVENT, 7));
    }
}
