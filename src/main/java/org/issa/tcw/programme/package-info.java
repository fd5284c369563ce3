/** Trienniums, programme priorities, work programmes with their approval, projects, milestones, exports and calendar feeds. */
@NullMarked
package org.issa.tcw.programme;

import org.jspecify.annotations.NullMarked;
