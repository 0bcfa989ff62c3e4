-- Schema version 2: the full-text index ranks by column.
-- A word in the title counts most, then aliases, summary and the body
-- (notes or post text). As the table's own rank, `ORDER BY rank LIMIT n` is
-- sorted inside FTS5 and snippets are made for those n rows only.
INSERT INTO search (search, rank) VALUES ('rank', 'bm25(10.0, 6.0, 3.0, 1.0)');
