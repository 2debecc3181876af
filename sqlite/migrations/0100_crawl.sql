-- The crawl state of `dateline watch` (crawl.State), kept beside the
-- articles so that a fetched page is stored and marked done in one
-- transaction. Numbered apart from the store's own migrations.

-- Feeds (and sitemaps, OPML lists, home pages) polled, with what is
-- remembered between polls.
CREATE TABLE crawl_feeds (
	url TEXT PRIMARY KEY,
	state TEXT NOT NULL -- crawl.FeedState as JSON
) WITHOUT ROWID;

-- Every URL ever queued, fetched or known as an alias of a fetched page.
CREATE TABLE crawl_seen (
	url TEXT PRIMARY KEY
) WITHOUT ROWID;

-- Pages still to fetch, in the order they were queued.
CREATE TABLE crawl_pending (
	seq INTEGER PRIMARY KEY,
	url TEXT NOT NULL UNIQUE,
	item TEXT NOT NULL -- crawl.Item as JSON
);
