/** The login page. */
@NullMarked
package org.issa.tcw.security.ui;

import org.jspecify.annotations.NullMarked;
