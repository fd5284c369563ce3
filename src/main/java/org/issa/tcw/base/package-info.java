/** Shared kernel: the exceptions every feature uses to tell the user what went wrong. */
@NullMarked
package org.issa.tcw.base;

import org.jspecify.annotations.NullMarked;
