/** The discussion views: a commission's threads, one thread, the Markdown composer. */
@NullMarked
package org.issa.tcw.discussion.ui;

import org.jspecify.annotations.NullMarked;
