-- Suggestions on a document are marks inside its Yjs content, made in the editors; the server
-- learns of a new one by reading the document (documents.suggestions.SuggestionWatch, issue 15).
-- The suggestion ids already seen per document, and how far each document was read: a suggestion
-- not seen before is announced once (SuggestionAdded, in the transaction that records it here);
-- several nodes may read the same document, the key lets one of them through.
create table document_suggestion_seen (
    document_id    bigint       not null references document (id) on delete cascade,
    suggestion_id  varchar(80)  not null,
    seen_at        timestamp with time zone not null,
    constraint pk_document_suggestion_seen primary key (document_id, suggestion_id)
);

create table document_suggestion_scan (
    document_id  bigint  primary key references document (id) on delete cascade,
    scanned_seq  bigint  not null
);
