/** The download menu and the Word import controls that the document pages embed. */
@NullMarked
package org.issa.tcw.documents.exchange.ui;

import org.jspecify.annotations.NullMarked;
