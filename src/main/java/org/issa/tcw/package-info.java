/** TC Workspace: the collaborative workspace of the Technical Commissions. */
@NullMarked
package org.issa.tcw;

import org.jspecify.annotations.NullMarked;
