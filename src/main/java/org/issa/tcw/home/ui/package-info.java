/** The home page ({@code /}): one block per kind of work that needs the reader. */
@NullMarked
package org.issa.tcw.home.ui;

import org.jspecify.annotations.NullMarked;
