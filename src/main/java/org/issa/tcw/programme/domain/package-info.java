/** Trienniums, priorities, work programmes, projects, milestones and their history (private to the feature). */
@NullMarked
package org.issa.tcw.programme.domain;

import org.jspecify.annotations.NullMarked;
