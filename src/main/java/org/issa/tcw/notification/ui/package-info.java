/** The bell in the top bar and the list of one's notifications. */
@NullMarked
package org.issa.tcw.notification.ui;

import org.jspecify.annotations.NullMarked;
