-- A suggestion (track changes, ADR 025) can carry a comment thread: its first comment names the
-- suggestion's id instead of a text range (and keeps the suggestion's text as its quote); replies
-- are ordinary replies. The thread stays when the suggestion is accepted, rejected or withdrawn.
-- Portable SQL: runs unchanged on H2 and PostgreSQL.
alter table document_comment add column suggestion_id varchar(100);
alter table document_comment drop constraint ck_document_comment_anchor;
alter table document_comment add constraint ck_document_comment_anchor check (
    (parent_id is null and quote is not null and suggestion_id is null
        and anchor_from is not null and anchor_to is not null)
    or (parent_id is null and quote is not null and suggestion_id is not null
        and anchor_from is null and anchor_to is null)
    or (parent_id is not null and anchor_from is null and anchor_to is null and suggestion_id is null
        and resolved_at is null));
create index ix_document_comment_suggestion on document_comment (document_id, suggestion_id);
