/** Administration views for institutions and people. */
@NullMarked
package org.issa.tcw.people.ui;

import org.jspecify.annotations.NullMarked;
