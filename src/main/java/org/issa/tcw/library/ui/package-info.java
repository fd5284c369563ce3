@NullMarked
package org.issa.tcw.library.ui;

import org.jspecify.annotations.NullMarked;
