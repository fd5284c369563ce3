/** Technical commissions, memberships with roles, and CommissionAccess, the one place that answers 'may this person ... in commission C?'. */
@NullMarked
package org.issa.tcw.commission;

import org.jspecify.annotations.NullMarked;
