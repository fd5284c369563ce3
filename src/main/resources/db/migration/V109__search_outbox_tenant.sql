-- Search on several nodes (ADR 071, 073): Hibernate Search 8.2's outbox-polling entities also map a
-- tenant id on both tables, which V91 left out (found by running the search-cluster profile against
-- OpenSearch: "Column TENANT_ID not found"). Unused without multi-tenancy; nullable. Portable SQL.
alter table hsearch_outbox_event add column tenant_id varchar(256);
alter table hsearch_agent add column tenant_id varchar(256);
