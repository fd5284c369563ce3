-- The secretariat's weekly overview (ADR 047): one row per week (its Monday), inserted in the
-- transaction that queues that week's overview e-mails. Several nodes may try; the key lets one
-- through, so each week's overview goes once.
create table mail_overview_week (
    week_start  date          primary key,
    created_at  timestamp with time zone not null,
    recipients  integer       not null
);
