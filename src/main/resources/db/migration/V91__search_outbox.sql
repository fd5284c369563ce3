-- Search on several nodes (ADR 071): the tables of Hibernate Search's outbox-polling coordination,
-- used only with the search-cluster profile (Elasticsearch/OpenSearch backend). With the embedded
-- Lucene default they stay empty. Names as Hibernate Search 8.2 maps them (HSEARCH_OUTBOX_EVENT,
-- HSEARCH_AGENT), columns through Spring's snake_case naming; ids are UUIDs.
create table hsearch_outbox_event (
    id             uuid          not null primary key,
    entity_name    varchar(256)  not null,
    entity_id      varchar(256)  not null,
    entity_id_hash integer       not null,
    payload        bytea         not null,
    retries        integer       not null,
    process_after  timestamp(6) with time zone not null,
    status         smallint      not null
);
create index hsearch_outbox_event_hash on hsearch_outbox_event (entity_id_hash);
create index hsearch_outbox_event_status on hsearch_outbox_event (status);
create index hsearch_outbox_event_after on hsearch_outbox_event (process_after);

create table hsearch_agent (
    id                   uuid         not null primary key,
    type                 smallint     not null,
    name                 varchar(255) not null,
    expiration           timestamp(6) with time zone not null,
    state                smallint     not null,
    total_shard_count    integer,
    assigned_shard_index integer,
    payload              bytea
);
