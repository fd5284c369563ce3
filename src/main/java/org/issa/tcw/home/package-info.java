/**
 * The home page: what needs the signed-in person, read from the features that own each part
 * (notifications, discussions, documents, consultations, the programme) through their services,
 * in a fixed number of statements (docs/adr/080).
 */
@NullMarked
package org.issa.tcw.home;

import org.jspecify.annotations.NullMarked;
