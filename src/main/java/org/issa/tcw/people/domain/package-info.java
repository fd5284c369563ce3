/** Institution and person entities and their repositories (private to the feature). */
@NullMarked
package org.issa.tcw.people.domain;

import org.jspecify.annotations.NullMarked;
