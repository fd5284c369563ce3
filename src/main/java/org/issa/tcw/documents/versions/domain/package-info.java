@NullMarked
package org.issa.tcw.documents.versions.domain;

import org.jspecify.annotations.NullMarked;
