/**
 * Versions of documents (docs/adr/026): named, automatic (daily, and on request of other
 * features) and kept before a restore; compared visually in the browser and as a text summary on
 * the server; restored as a new change through the collaboration relay.
 */
@NullMarked
package org.issa.tcw.documents.versions;

import org.jspecify.annotations.NullMarked;
