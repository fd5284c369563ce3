@NullMarked
package org.issa.tcw.documents.versions.ui;

import org.jspecify.annotations.NullMarked;
