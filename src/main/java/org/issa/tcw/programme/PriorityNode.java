package org.issa.tcw.programme;

import java.util.List;

/** A priority of the programme tree with the commission's projects under it. */
public record PriorityNode(PriorityRow priority, List<ProjectNode> projects) {
}
