package org.issa.tcw.documents.exchange;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits on Word files to import (properties {@code tcw.documents.import.*}): anything above is
 * refused before it is read.
 *
 * @param maxBytes         largest file accepted (the upload itself)
 * @param maxExpandedBytes largest total of its unpacked parts (a zip bomb stops here)
 * @param maxEntries       most parts a file may have
 */
@ConfigurationProperties("tcw.documents.import")
public record ImportLimits(Long maxBytes, Long maxExpandedBytes, Integer maxEntries) {

    public ImportLimits {
        maxBytes = maxBytes == null ? 20L * 1024 * 1024 : maxBytes;
        maxExpandedBytes = maxExpandedBytes == null ? 200L * 1024 * 1024 : maxExpandedBytes;
        maxEntries = maxEntries == null ? 5_000 : maxEntries;
    }
}
