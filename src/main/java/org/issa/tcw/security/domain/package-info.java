/** Local demo accounts (embedded demo profile only). */
@NullMarked
package org.issa.tcw.security.domain;

import org.jspecify.annotations.NullMarked;
