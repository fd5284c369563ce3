package org.issa.tcw.search;

/** What a search hit is; each kind is one indexed entity (its JPA entity name). */
public enum ItemKind {
    DOCUMENT("Document"),
    THREAD("DiscussionThread"),
    POST("Post"),
    PROJECT("Project"),
    MILESTONE("Milestone"),
    PERSON("Person"),
    INSTITUTION("Institution"),
    COMMISSION("Commission");

    private final String entityName;

    ItemKind(String entityName) {
        this.entityName = entityName;
    }

    String entityName() {
        return entityName;
    }
}
