package org.issa.tcw.discussion;

import org.issa.tcw.base.Checks;

/**
 * A project, document or event a thread is attached to. The label is a snapshot taken when the
 * thread is attached (the discussion feature does not read other features' records).
 */
public record Anchor(AnchorType type, long id, String label) {

    public Anchor {
        Checks.requireText(label, 300, "discussion.anchor");
        label = label.replace("\u0000", "").trim();
    }
}
