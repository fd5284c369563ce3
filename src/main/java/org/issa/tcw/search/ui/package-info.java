/** The search field in the top bar and the results page {@code /search}. */
@NullMarked
package org.issa.tcw.search.ui;

import org.jspecify.annotations.NullMarked;
