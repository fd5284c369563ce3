/** Trienniums (and, later, work programmes, projects and milestones). */
@NullMarked
package org.issa.tcw.programme;

import org.jspecify.annotations.NullMarked;
