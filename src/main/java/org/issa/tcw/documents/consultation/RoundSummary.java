package org.issa.tcw.documents.consultation;

import java.util.Map;
import org.issa.tcw.people.Region;

/** How many contributions a round received: in all, per institution, per region, per tag; how many are disposed of. */
public record RoundSummary(int contributions, int disposed, Map<String, Integer> perInstitution,
        Map<Region, Integer> perRegion, Map<CommentTag, Integer> perTag) {
}
