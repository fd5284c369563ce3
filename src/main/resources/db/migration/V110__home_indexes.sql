-- The home page (docs/adr/080): "documents I edited" looks up a person's updates, "milestones I
-- own" a person's open milestones; without these the lookups scan the whole tables.
create index ix_document_update_author on document_update (author_id, document_id);
create index ix_milestone_owner on milestone (owner_person_id, due_date);
