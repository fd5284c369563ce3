-- Comments that came from a Word file (docs/adr/090): the importing person is the author; the
-- Word comment's author (a name only, no person) and date are kept to be shown.
alter table document_comment add column word_author varchar(200);
alter table document_comment add column word_date timestamp with time zone;
