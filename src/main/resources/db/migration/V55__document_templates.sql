-- Templates to start a document from (ADR 029): one document per kind and working language, owned
-- by no commission (commission_id null) and edited by the secretariat in the ordinary editor.
alter table document alter column commission_id drop not null;

create table document_template (
    document_id  bigint       not null primary key references document (id) on delete cascade,
    kind         varchar(30)  not null,
    language     varchar(2)   not null,
    constraint document_template_kind_language_uq unique (kind, language)
);
