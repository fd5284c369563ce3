-- Milestones that follow their deliverable (X1, ADR 061): the stage of the linked document that
-- completes the milestone (APPROVED or PUBLISHED), and whether the milestone was completed by that
-- step (false again when a person completes or reopens it by hand: the manual override).
alter table milestone add column completes_on varchar(20) default 'APPROVED' not null;
alter table milestone add column done_by_document boolean default false not null;
alter table milestone_aud add column completes_on varchar(20);
alter table milestone_aud add column done_by_document boolean;
create index ix_milestone_document on milestone (document_id);
