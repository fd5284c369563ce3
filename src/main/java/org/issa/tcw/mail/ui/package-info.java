/** The e-mail preferences page and the administrators' outbox page. */
@NullMarked
package org.issa.tcw.mail.ui;

import org.jspecify.annotations.NullMarked;
