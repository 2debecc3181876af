-- Articles: one row per story as dateline knows it. The current version's
-- title, site, language and day are copied here for filters and lists.
CREATE TABLE articles (
	id INTEGER PRIMARY KEY,
	url TEXT NOT NULL DEFAULT '',
	site TEXT NOT NULL DEFAULT '',
	language TEXT NOT NULL DEFAULT '',
	day TEXT NOT NULL DEFAULT '',            -- publication day YYYY-MM-DD, '' when unknown
	title TEXT NOT NULL DEFAULT '',
	version_id INTEGER NOT NULL DEFAULT 0,   -- current version
	versions INTEGER NOT NULL DEFAULT 0,
	copy_of INTEGER REFERENCES articles(id), -- set for syndicated copies
	simhash INTEGER NOT NULL DEFAULT 0,
	band0 INTEGER NOT NULL DEFAULT 0,
	band1 INTEGER NOT NULL DEFAULT 0,
	band2 INTEGER NOT NULL DEFAULT 0,
	band3 INTEGER NOT NULL DEFAULT 0,
	ingested TEXT NOT NULL
);
CREATE INDEX articles_site ON articles(site, day) WHERE copy_of IS NULL;
CREATE INDEX articles_day ON articles(day) WHERE copy_of IS NULL;
CREATE INDEX articles_copy_of ON articles(copy_of) WHERE copy_of IS NOT NULL;
CREATE INDEX articles_band0 ON articles(band0) WHERE simhash != 0 AND copy_of IS NULL;
CREATE INDEX articles_band1 ON articles(band1) WHERE simhash != 0 AND copy_of IS NULL;
CREATE INDEX articles_band2 ON articles(band2) WHERE simhash != 0 AND copy_of IS NULL;
CREATE INDEX articles_band3 ON articles(band3) WHERE simhash != 0 AND copy_of IS NULL;

-- Keys: every identity (normalised URL, source name) that leads to an article.
CREATE TABLE keys (
	key TEXT PRIMARY KEY,
	article_id INTEGER NOT NULL REFERENCES articles(id)
) WITHOUT ROWID;
CREATE INDEX keys_article ON keys(article_id);

-- Versions: every content an article has had. doc is the analysis as JSON
-- without the text, which is kept in its own column for full-text search.
CREATE TABLE versions (
	id INTEGER PRIMARY KEY,
	article_id INTEGER NOT NULL REFERENCES articles(id),
	n INTEGER NOT NULL,
	hash TEXT NOT NULL,
	title TEXT NOT NULL,
	text TEXT NOT NULL,
	doc BLOB NOT NULL,
	ingested TEXT NOT NULL,
	UNIQUE (article_id, n)
);
CREATE INDEX versions_hash ON versions(hash);

-- Only current versions of original articles are indexed.
CREATE VIRTUAL TABLE versions_fts USING fts5(
	title, text,
	content='versions', content_rowid='id',
	tokenize='unicode61 remove_diacritics 2'
);

-- Entities are store-wide: one row per type and lowercased name.
CREATE TABLE entities (
	id INTEGER PRIMARY KEY,
	key TEXT NOT NULL UNIQUE,
	name TEXT NOT NULL,
	type TEXT NOT NULL,
	kind TEXT NOT NULL DEFAULT '',
	articles INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX entities_articles ON entities(articles DESC);
CREATE INDEX entities_name ON entities(name COLLATE NOCASE);

-- Mentions: which current articles mention which entity, with the role given.
CREATE TABLE mentions (
	entity_id INTEGER NOT NULL REFERENCES entities(id),
	article_id INTEGER NOT NULL REFERENCES articles(id),
	role TEXT NOT NULL DEFAULT '',
	affiliation TEXT NOT NULL DEFAULT '',
	count INTEGER NOT NULL,
	day TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (entity_id, article_id)
) WITHOUT ROWID;
CREATE INDEX mentions_article ON mentions(article_id);
CREATE INDEX mentions_entity_day ON mentions(entity_id, day);

CREATE TABLE quotes (
	id INTEGER PRIMARY KEY,
	article_id INTEGER NOT NULL REFERENCES articles(id),
	entity_id INTEGER REFERENCES entities(id),
	speaker_text TEXT NOT NULL DEFAULT '',
	text TEXT NOT NULL,
	cue TEXT NOT NULL DEFAULT '',
	start INTEGER NOT NULL,
	end INTEGER NOT NULL,
	day TEXT NOT NULL DEFAULT ''
);
CREATE INDEX quotes_article ON quotes(article_id);
CREATE INDEX quotes_entity ON quotes(entity_id, day);

CREATE VIRTUAL TABLE quotes_fts USING fts5(
	text, content='quotes', content_rowid='id',
	tokenize='unicode61 remove_diacritics 2'
);
