package org.issa.tcw.discussion;

import org.issa.tcw.base.Checks;
import org.issa.tcw.base.UserFacingException;
import org.jspecify.annotations.Nullable;

/**
 * A project, document or event a thread is attached to. The label is a snapshot of the record's
 * name, taken by the discussion services from the record itself when the thread is attached
 * ({@link AnchorTargets}); a label sent by a client is never stored. {@link #to(AnchorType, long)}
 * names an anchor by type and id only.
 */
public record Anchor(AnchorType type, long id, String label) {

    public Anchor {
        label = label.replace("\u0000", "").trim();
        if (label.length() > 300) {
            label = label.substring(0, 300);
        }
    }

    /** An anchor named by type and id, for a service to check and label. */
    public static Anchor to(AnchorType type, long id) {
        return new Anchor(type, id, "");
    }

    /**
     * The anchor a person chose in a form: none when no type is chosen; a type needs an id.
     *
     * @throws UserFacingException if a type is chosen without an id
     */
    public static @Nullable Anchor chosen(@Nullable AnchorType type, @Nullable Number id) {
        if (type == null) {
            return null;
        }
        if (id == null) {
            throw new UserFacingException("validation.required", new Checks.FieldName("discussion.move.id"));
        }
        return to(type, id.longValue());
    }
}
