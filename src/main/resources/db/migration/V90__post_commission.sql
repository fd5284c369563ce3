-- The search's permission key on posts (ADR 070): the commission of the post's thread, which never
-- changes, kept on the post so the index holds it without a join.
alter table discussion_post add column commission_id bigint;
update discussion_post set commission_id = (select t.commission_id from discussion_thread t where t.id = discussion_post.thread_id);
alter table discussion_post alter column commission_id set not null;
create index ix_discussion_post_commission on discussion_post (commission_id);
