/** Dashboard, commission list and page, commission administration. */
@NullMarked
package org.issa.tcw.commission.ui;

import org.jspecify.annotations.NullMarked;
