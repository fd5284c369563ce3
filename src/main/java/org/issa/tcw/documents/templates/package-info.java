/**
 * Templates to start a document from (ADR 029): per document kind and working language, a document
 * owned by no commission, shipped with the application and edited by the secretariat.
 */
@NullMarked
package org.issa.tcw.documents.templates;

import org.jspecify.annotations.NullMarked;
