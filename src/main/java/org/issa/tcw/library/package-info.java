/**
 * The library of published outputs (`/library`): every published document of every commission,
 * filtered by commission, kind, language, triennium and priority, with Word/PDF downloads; and the
 * publications section of a commission page. Reads through documents.workflow, documents.exchange,
 * programme and commission services only.
 */
@NullMarked
package org.issa.tcw.library;

import org.jspecify.annotations.NullMarked;
