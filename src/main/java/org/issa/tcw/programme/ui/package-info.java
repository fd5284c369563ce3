/** Triennium and priority administration, programme tree, project page, secretariat dashboard, timeline. */
@NullMarked
package org.issa.tcw.programme.ui;

import org.jspecify.annotations.NullMarked;
