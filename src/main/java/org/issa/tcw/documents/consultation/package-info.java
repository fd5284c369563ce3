/**
 * Consultation rounds on a document (docs/adr/063): the chair opens a round for an audience (the
 * commission, several commissions, the contact people of every member institution or of chosen
 * ones) with a deadline; the participants read the draft and answer by anchored comments and
 * suggestions only ({@link org.issa.tcw.documents.DocumentGrants}); the round closes by itself once,
 * whatever the number of nodes (ADR 064); the chair and secretariat dispose of every comment, and
 * the disposition log is exported as XLSX and PDF.
 */
@NullMarked
package org.issa.tcw.documents.consultation;

import org.jspecify.annotations.NullMarked;
