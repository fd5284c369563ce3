-- The search index's mapping fingerprint (ADR 072): written when a complete build of the index
-- finishes; at start a different fingerprint (the index was built by an older mapping) or none
-- rebuilds the index in the background. One row. Portable SQL (H2, PostgreSQL).
create table search_index_state (
    id           integer      primary key,
    mapping_hash varchar(64)  not null,
    built_at     timestamp with time zone not null
);
