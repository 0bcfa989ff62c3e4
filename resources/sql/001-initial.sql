-- Schema version 1 of wiki.continuity (DESIGN §4).
-- Run inside one transaction by ct-migrations.c; never edit a released
-- migration: add NNN-name.sql instead.

-- Entities. Titles are unique case-insensitively through name.key below
-- (SQLite's NOCASE only folds ASCII).
CREATE TABLE entity (
  id       INTEGER PRIMARY KEY,
  kind     TEXT    NOT NULL CHECK (kind IN ('film', 'person', 'character', 'scene',
                                            'event', 'organization', 'location')),
  title    TEXT    NOT NULL CHECK (length(title) > 0),
  slug     TEXT    NOT NULL UNIQUE,
  summary  TEXT,
  notes    TEXT,
  spoiler  INTEGER NOT NULL DEFAULT 0 CHECK (spoiler IN (0, 1))
);
CREATE INDEX entity_kind ON entity (kind);

-- Every name an entity answers to: its title (is_alias = 0) and aliases.
-- key: Unicode case-folded (lookup); fold: also without accents (completion).
CREATE TABLE name (
  id        INTEGER PRIMARY KEY,
  entity_id INTEGER NOT NULL REFERENCES entity (id) ON DELETE CASCADE,
  is_alias  INTEGER NOT NULL CHECK (is_alias IN (0, 1)),
  position  INTEGER NOT NULL,
  name      TEXT    NOT NULL,
  key       TEXT    NOT NULL,
  fold      TEXT    NOT NULL
);
CREATE UNIQUE INDEX name_title_key ON name (key) WHERE is_alias = 0;
CREATE INDEX name_key ON name (key);
CREATE INDEX name_fold ON name (fold);
CREATE INDEX name_entity ON name (entity_id, is_alias, position);

-- Facts: ordered key/value pairs; a value is text or a link by id.
CREATE TABLE fact (
  id        INTEGER PRIMARY KEY,
  entity_id INTEGER NOT NULL REFERENCES entity (id) ON DELETE CASCADE,
  position  INTEGER NOT NULL,
  key       TEXT    NOT NULL CHECK (length(key) > 0),
  text      TEXT,
  value_id  INTEGER REFERENCES entity (id),
  status    TEXT    NOT NULL DEFAULT 'confirmed'
                    CHECK (status IN ('confirmed', 'rumored', 'disputed')),
  source    TEXT,
  spoiler   INTEGER NOT NULL DEFAULT 0 CHECK (spoiler IN (0, 1)),
  CHECK ((text IS NULL) <> (value_id IS NULL)),
  UNIQUE (entity_id, position)
);
CREATE INDEX fact_key_value ON fact (key, value_id);
CREATE INDEX fact_value ON fact (value_id) WHERE value_id IS NOT NULL;
CREATE INDEX fact_entity_key ON fact (entity_id, key);

-- Credits: film x person x optional character x role.
CREATE TABLE credit (
  id           INTEGER PRIMARY KEY,
  film_id      INTEGER NOT NULL REFERENCES entity (id) ON DELETE CASCADE,
  person_id    INTEGER NOT NULL REFERENCES entity (id) ON DELETE CASCADE,
  character_id INTEGER REFERENCES entity (id) ON DELETE SET NULL,
  role         TEXT    NOT NULL CHECK (length(role) > 0),
  billing      INTEGER NOT NULL DEFAULT 0 CHECK (billing >= 0),
  status       TEXT    NOT NULL DEFAULT 'confirmed'
                       CHECK (status IN ('confirmed', 'rumored', 'disputed')),
  source       TEXT
);
CREATE UNIQUE INDEX credit_unique ON credit (film_id, person_id, ifnull(character_id, 0), role);
CREATE INDEX credit_film ON credit (film_id, billing);
CREATE INDEX credit_person ON credit (person_id);
CREATE INDEX credit_character ON credit (character_id) WHERE character_id IS NOT NULL;

-- Names mentioned in an entity's notes ([[X]], {{t: X}}), stored as name
-- keys and resolved when asked, so later renames and new entities count.
CREATE TABLE entity_mention (
  entity_id INTEGER NOT NULL REFERENCES entity (id) ON DELETE CASCADE,
  key       TEXT    NOT NULL,
  line      INTEGER NOT NULL
);
CREATE INDEX entity_mention_key ON entity_mention (key);
CREATE INDEX entity_mention_entity ON entity_mention (entity_id);

-- The post index: rebuilt from the *.md files, which are the truth.
CREATE TABLE post (
  id       INTEGER PRIMARY KEY,
  path     TEXT    NOT NULL UNIQUE,
  size     INTEGER NOT NULL,
  mtime    INTEGER NOT NULL,
  hash     TEXT    NOT NULL,
  title    TEXT    NOT NULL,
  date     TEXT,
  draft    INTEGER NOT NULL DEFAULT 0,
  spoilers INTEGER NOT NULL DEFAULT -1
);
CREATE INDEX post_date ON post (date);

CREATE TABLE post_tag (
  post_id  INTEGER NOT NULL REFERENCES post (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  tag      TEXT    NOT NULL
);
CREATE INDEX post_tag_post ON post_tag (post_id, position);
CREATE INDEX post_tag_tag ON post_tag (tag);

CREATE TABLE post_mention (
  post_id  INTEGER NOT NULL REFERENCES post (id) ON DELETE CASCADE,
  key      TEXT    NOT NULL,
  line     INTEGER NOT NULL
);
CREATE INDEX post_mention_key ON post_mention (key);
CREATE INDEX post_mention_post ON post_mention (post_id);

-- Full-text search over entities (rowid = entity id) and posts
-- (rowid = -post id). Diacritics removed so "Jose" finds "José".
CREATE VIRTUAL TABLE search USING fts5 (
  title, aliases, summary, body,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);
