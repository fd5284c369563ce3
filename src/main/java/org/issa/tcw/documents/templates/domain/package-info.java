@NullMarked
package org.issa.tcw.documents.templates.domain;

import org.jspecify.annotations.NullMarked;
