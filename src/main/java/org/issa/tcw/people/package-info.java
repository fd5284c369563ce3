/** Member institutions and the people who act for them. */
@NullMarked
package org.issa.tcw.people;

import org.jspecify.annotations.NullMarked;
