-- Who deleted what (docs/adr/091). A Yjs delete set names the deleted items (by the client and
-- clock of whoever wrote them), not who deleted them; the update that carried it was someone's
-- (document_update.author_id) until compaction merges the log. So the runs of items each stored
-- update deletes are recorded with its author before the log is compacted (and when a comparison
-- is asked for), first deleter first: runs already recorded are not claimed again. person_id null:
-- deleted before recording began (read from the compacted state), "not recorded".
create table document_deletion (
    document_id bigint not null references document (id) on delete cascade,
    client_id   bigint not null,
    clock       bigint not null,
    len         bigint not null,
    person_id   bigint references person (id) on delete set null,
    seq         bigint not null,
    deleted_at  timestamp with time zone,
    primary key (document_id, client_id, clock)
);

-- How far each document's log has been read for deletions (the last update's seq).
create table document_deletion_mark (
    document_id bigint primary key references document (id) on delete cascade,
    seq         bigint not null
);
