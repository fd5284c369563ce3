-- Search on several nodes (ADR 071, 073, 074): Hibernate Search 8.2 maps the outbox event's status
-- and the agent's type and state as @Enumerated(STRING) (its generated schema: enum ('ABORTED',
-- 'PENDING') on H2, varchar(255) on PostgreSQL), so it writes their names
-- ('EVENT_PROCESSING_DYNAMIC_SHARDING', 'RUNNING', 'PENDING'); V91 made them smallint and the
-- first agent registration failed. The tables are empty unless the search-cluster profile ran,
-- and it could not run with these columns. No check constraint: the values are Hibernate Search's
-- to extend. The payload columns stay as V91 made them: bytea is what Hibernate Search's schema
-- uses on PostgreSQL (a byte[] of length 2^31-1), and H2 accepts its VARBINARY for the blob it
-- would generate there. Portable SQL (H2, PostgreSQL).
alter table hsearch_outbox_event alter column status set data type varchar(255);
alter table hsearch_agent alter column type set data type varchar(255);
alter table hsearch_agent alter column state set data type varchar(255);
