/** Commission and membership entities and their repositories (private to the feature). */
@NullMarked
package org.issa.tcw.commission.domain;

import org.jspecify.annotations.NullMarked;
