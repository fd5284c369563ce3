@NullMarked
package org.issa.tcw.documents.workflow.ui;

import org.jspecify.annotations.NullMarked;
