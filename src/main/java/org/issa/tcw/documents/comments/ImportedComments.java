package org.issa.tcw.documents.comments;

/** How many imported comments were stored, and how many were left out (no text to sit on). */
public record ImportedComments(int stored, int leftOut) {
}
