/** Triennium administration. */
@NullMarked
package org.issa.tcw.programme.ui;

import org.jspecify.annotations.NullMarked;
