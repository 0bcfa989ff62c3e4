-- Schema version 3: the wiki window pages through lists of up to 100,000
-- entities (ct_wiki_list_briefs), kind by kind and by title.
-- The title's name key (as in name.key) is kept on the entity row itself,
-- so one index holds the whole order and a page at row 50,000 walks the
-- index instead of sorting the table. The CASE gives the kinds the order of
-- CtEntityKind (films first, as in the dump); queries repeat it exactly
-- (KIND_ORDER in ct-wiki-browse.c) so that SQLite matches the index.
ALTER TABLE entity ADD COLUMN title_key TEXT NOT NULL DEFAULT '';
UPDATE entity SET title_key = (SELECT n.key FROM name n WHERE n.entity_id = entity.id AND n.is_alias = 0);
CREATE INDEX entity_browse ON entity (
  (CASE kind WHEN 'film' THEN 0 WHEN 'person' THEN 1 WHEN 'character' THEN 2 WHEN 'scene' THEN 3
             WHEN 'event' THEN 4 WHEN 'organization' THEN 5 ELSE 6 END),
  title_key);
