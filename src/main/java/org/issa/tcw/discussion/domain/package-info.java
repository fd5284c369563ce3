/** Thread, post, reaction, mention, read-marker and watch entities and their repositories (private to the feature). */
@NullMarked
package org.issa.tcw.discussion.domain;

import org.jspecify.annotations.NullMarked;
