-- Language versions (X5, ADR 062): a document that is the translation of another (its source), the
-- version of the source it was made from (kept when linked) and the source's log position then:
-- when the source's log has gone further, the translation is flagged "source changed since".
create table document_translation (
    document_id       bigint        primary key references document (id) on delete cascade,
    source_id         bigint        not null references document (id) on delete cascade,
    source_version_id bigint        references document_version (id) on delete set null,
    source_seq        bigint        not null,
    linked_by         bigint        references person (id) on delete set null,
    linked_at         timestamp with time zone not null,
    constraint ck_document_translation_self check (document_id <> source_id)
);
create index ix_document_translation_source on document_translation (source_id);
