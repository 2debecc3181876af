-- The search index, keyed for cheap ranking and filtering (see search.go).
--
-- versions_fts was keyed by version ID, so every match had to be joined
-- to versions (rows holding whole texts) and then to articles before a
-- filter or a hit could be read: 85 ms for 35,000 matches at 100,000
-- articles. search_fts is keyed by the article's search key instead:
--
--   search_key = publication day as the integer YYYYMMDD << 32 | article ID
--
-- (undated articles have day 0), so the article ID is the key's low 32
-- bits, FTS5's rowid order is by day, and a date range is a rowid range
-- that FTS5 applies while it reads the index. The other filters are words
-- of a third column, tags, each after U+E000 (char(57344)) so that no
-- searched word can match one (see searchkey.go):
--
--   s<hex of the site in ASCII lower case>   (site = ? COLLATE NOCASE)
--   l<hex of the language in ASCII lower case>
--   e<entity ID>   for every entity the article mentions
--   q<entity ID>   for every speaker it quotes
--
-- search_tags keeps the tags as indexed: FTS5 needs the same values to
-- remove a row. Copies are not indexed (search_key NULL).
ALTER TABLE articles ADD COLUMN search_key INTEGER;
ALTER TABLE articles ADD COLUMN search_tags TEXT NOT NULL DEFAULT '';

UPDATE articles SET
	search_key = (CAST(replace(day, '-', '') AS INTEGER) << 32) | id,
	search_tags = trim(
		CASE WHEN site != '' THEN char(57344) || 's' || hex(lower(site)) ELSE '' END || ' ' ||
		CASE WHEN language != '' THEN char(57344) || 'l' || hex(lower(language)) ELSE '' END || ' ' ||
		coalesce((SELECT group_concat(char(57344) || 'e' || entity_id, ' ') FROM mentions WHERE article_id = articles.id), '') || ' ' ||
		coalesce((SELECT group_concat(t, ' ') FROM (SELECT DISTINCT char(57344) || 'q' || entity_id AS t FROM quotes
			WHERE article_id = articles.id AND entity_id IS NOT NULL)), ''))
WHERE copy_of IS NULL;

CREATE UNIQUE INDEX articles_search_key ON articles(search_key) WHERE search_key IS NOT NULL;

-- What search_fts indexes, for FTS5 to read back (snippets, rebuilds,
-- integrity checks): the current version of every indexed article.
CREATE VIEW search_docs AS
	SELECT a.search_key AS search_key, v.title AS title, v.text AS text, a.search_tags AS tags
	FROM articles a JOIN versions v ON v.id = a.version_id
	WHERE a.search_key IS NOT NULL;

CREATE VIRTUAL TABLE search_fts USING fts5(
	title, text, tags,
	content='search_docs', content_rowid='search_key',
	tokenize='unicode61 remove_diacritics 2'
);
INSERT INTO search_fts (search_fts) VALUES ('rebuild');

-- Superseded: versions_fts by search_fts, the site and day indexes by the
-- tags and the search key.
DROP TABLE versions_fts;
DROP INDEX articles_site;
DROP INDEX articles_day;
