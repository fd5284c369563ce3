/** The notification entity and its repository (private to the feature). */
@NullMarked
package org.issa.tcw.notification.domain;

import org.jspecify.annotations.NullMarked;
