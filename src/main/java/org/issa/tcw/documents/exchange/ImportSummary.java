package org.issa.tcw.documents.exchange;

/**
 * What an import brought in and what it left out, for the short summary shown afterwards.
 *
 * @param images          pictures left out (the editor holds text only)
 * @param unsupported     other parts Word had that the editor has no place for (text boxes, unknown
 *                        styles, fields...), as counted by the converter's warnings
 * @param comments        Word comments and replies that became comments on the text
 * @param commentsLeftOut Word comments whose text did not come through (e.g. on a picture), or
 *                        replies to them
 */
public record ImportSummary(int headings, int paragraphs, int lists, int tables, int images, int unsupported,
        int comments, int commentsLeftOut) {

    ImportSummary withComments(int stored, int leftOut) {
        return new ImportSummary(headings, paragraphs, lists, tables, images, unsupported, stored, leftOut);
    }
}
