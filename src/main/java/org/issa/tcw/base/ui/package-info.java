/** The application shell, navigation, error handling, translations and shared UI components. */
@NullMarked
package org.issa.tcw.base.ui;

import org.jspecify.annotations.NullMarked;
