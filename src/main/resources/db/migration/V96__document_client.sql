-- Who wrote what (docs/adr/090): each Yjs client id seen in a document's log, with the person
-- whose update first carried it. Yjs items carry their client id, so the comparison of versions
-- can colour inserted text per author; the log itself loses its per-update authors on compaction.
create table document_client (
    document_id bigint not null references document (id) on delete cascade,
    client_id   bigint not null,
    person_id   bigint not null references person (id) on delete cascade,
    primary key (document_id, client_id)
);
