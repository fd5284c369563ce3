package org.issa.tcw.documents;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits of the collaboration relay (properties {@code tcw.documents.*}).
 *
 * @param maxUpdateBytes     largest single update accepted (a big paste)
 * @param maxDocumentBytes   compacted state plus log above which no update is accepted
 * @param updatesPerSecond   sustained updates per second and person (all tabs together)
 * @param updatesBurst       updates a person may send at once before the rate applies
 * @param bytesPerMinute     sustained bytes per minute and person
 * @param compactAfterUpdates log length that triggers a background compaction
 * @param compactAfterBytes  log size that triggers a background compaction
 * @param renderDelayMillis  quiet time after an edit before the text and HTML are derived again
 */
@ConfigurationProperties("tcw.documents")
public record CollaborationLimits(Integer maxUpdateBytes, Long maxDocumentBytes, Integer updatesPerSecond,
        Integer updatesBurst, Long bytesPerMinute, Integer compactAfterUpdates, Integer compactAfterBytes,
        Integer renderDelayMillis) {

    public CollaborationLimits {
        maxUpdateBytes = maxUpdateBytes == null ? 5 * 1024 * 1024 : maxUpdateBytes;
        maxDocumentBytes = maxDocumentBytes == null ? 20L * 1024 * 1024 : maxDocumentBytes;
        updatesPerSecond = updatesPerSecond == null ? 50 : updatesPerSecond;
        updatesBurst = updatesBurst == null ? 300 : updatesBurst;
        bytesPerMinute = bytesPerMinute == null ? 30L * 1024 * 1024 : bytesPerMinute;
        compactAfterUpdates = compactAfterUpdates == null ? 500 : compactAfterUpdates;
        compactAfterBytes = compactAfterBytes == null ? 512 * 1024 : compactAfterBytes;
        renderDelayMillis = renderDelayMillis == null ? 3000 : renderDelayMillis;
    }
}
