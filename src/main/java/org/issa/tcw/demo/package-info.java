/** Realistic demo data for the embedded demo profile. */
@NullMarked
package org.issa.tcw.demo;

import org.jspecify.annotations.NullMarked;
