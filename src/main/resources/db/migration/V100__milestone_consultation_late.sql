-- A milestone whose document's consultation is past its deadline without the chair ending it is
-- "at risk" (ADR 065). Derived from the consultation's deadlines and kept equal to them by the
-- programme (after each closing, extension or step, and by the daily check); not audited.
alter table milestone add column consultation_late boolean default false not null;
