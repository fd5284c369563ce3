/** Triennium entity and repository (private to the feature). */
@NullMarked
package org.issa.tcw.programme.domain;

import org.jspecify.annotations.NullMarked;
