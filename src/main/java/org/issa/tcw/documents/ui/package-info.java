/** Documents' views and the server half of the {@code <tcw-editor>} web component. */
@NullMarked
package org.issa.tcw.documents.ui;

import org.jspecify.annotations.NullMarked;
