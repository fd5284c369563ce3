@NullMarked
package org.issa.tcw.documents.consultation.ui;

import org.jspecify.annotations.NullMarked;
