/**
 * Discussion threads of a commission (optionally attached to a project, document or event): posts
 * in Markdown rendered safely, mentions, reactions, unread tracking, watch levels, moderation and
 * live delivery. Other features use the services, records and events of this package only.
 */
@NullMarked
package org.issa.tcw.discussion;

import org.jspecify.annotations.NullMarked;
