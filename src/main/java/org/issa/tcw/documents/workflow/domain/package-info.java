@NullMarked
package org.issa.tcw.documents.workflow.domain;

import org.jspecify.annotations.NullMarked;
