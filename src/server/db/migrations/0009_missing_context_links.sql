-- Missing episodes meet the contexts capability (0004_contexts.sql). A place or person named in a return
-- or a return interview can now point at an existing place or person of concern, and "where the child
-- was found" can be recorded as a graded link on the child's network. Until now no context id could be
-- stored (the server refused every one), so every existing value is NULL and the constraints below hold.

-- The context record a mention names, and the place the child went missing from, must exist.
ALTER TABLE missing_mentions
  ADD CONSTRAINT missing_mentions_context_fk FOREIGN KEY (context_id) REFERENCES contexts (id);
ALTER TABLE missing_episodes
  ADD CONSTRAINT missing_episodes_missing_from_place_fk FOREIGN KEY (missing_from_place_id) REFERENCES contexts (id);

-- The contexts link recorded from this mention ("record this place as a link"), once one is. The link
-- itself lives in context_links with its source and grading; this only says where it came from, so the
-- same mention is not recorded twice.
ALTER TABLE missing_mentions
  ADD COLUMN context_link_id uuid REFERENCES context_links (id),
  ADD CONSTRAINT missing_mentions_link_needs_context CHECK (context_link_id IS NULL OR context_id IS NOT NULL);

CREATE INDEX missing_mentions_context_idx ON missing_mentions (context_id) WHERE context_id IS NOT NULL;
