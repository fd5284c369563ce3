package org.issa.tcw.base.search;

import java.util.List;

/** The names of the index fields every searchable entity shares, so one query spans all kinds. */
public final class SearchFields {

    /** What an item is (DOCUMENT, POST, ...): a keyword, for the kind facet. */
    public static final String KIND = "kind";
    /** PUBLIC (every signed-in person) or COMMISSION (readers of {@link #COMMISSION} only). */
    public static final String SCOPE = "scope";
    /** The commission whose readers may find the item: the permission key. */
    public static final String COMMISSION = "commission";
    /** False for what must never be found (hidden or deleted posts, inactive people). */
    public static final String VISIBLE = "visible";
    public static final String TITLE = "title";
    public static final String BODY = "body";
    public static final String LANGUAGE = "language";
    /** A document's workflow stage (DRAFT, INTERNAL_REVIEW, ...): only documents have one. */
    public static final String STAGE = "stage";
    public static final String TRIENNIUM = "triennium";
    public static final String DATE = "date";
    /** The parent to link to: a post's thread, a milestone's project. */
    public static final String PARENT = "parent";
    /** Where in its parent the item is: a post's sequence number in its thread (links go by it). */
    public static final String POSITION = "position";
    /** A commission's code (links go by code). */
    public static final String CODE = "code";

    public static final String SCOPE_PUBLIC = "PUBLIC";
    public static final String SCOPE_COMMISSION = "COMMISSION";

    /** The analyzers of {@link SearchAnalysis}: one accent-folding without stemming, one per working language. */
    public static final String FOLDED = "folded";
    public static final List<String> LANGUAGES = List.of("en", "fr", "es", "de");

    private SearchFields() {
    }

    /** The field analysed for one working language, e.g. {@code body_fr}. */
    public static String inLanguage(String field, String language) {
        return field + "_" + language;
    }
}
