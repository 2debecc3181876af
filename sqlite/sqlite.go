// Package sqlite is the dateline.Store kept in one SQLite file, through the
// pure-Go driver modernc.org/sqlite (no cgo), with FTS5 for full-text
// search.
//
// One connection writes and several read, in WAL mode, so searches run
// while an ingest is saving. Each Put is one transaction: a process killed
// at any point leaves every article either fully saved or absent.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"runtime"
	"sort"
	"strings"
	"time"

	"github.com/datelinehq/dateline"
	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

var _ dateline.Store = (*Store)(nil)

//go:embed migrations/*.sql
var migrations embed.FS

// Store is a dateline.Store in one SQLite file.
type Store struct {
	write *sql.DB // one connection: SQLite allows one writer
	read  *sql.DB
	now   func() time.Time
	// rankWindow is the constant rankWindow; tests make it small.
	rankWindow int
}

// Open opens (creating if need be) the database at path and brings its
// schema up to date.
func Open(ctx context.Context, path string) (*Store, error) {
	if path == "" || path == ":memory:" || strings.HasPrefix(path, "file:") {
		return nil, fmt.Errorf("open store: %w: a file path is needed (readers and writer share it)", dateline.ErrInvalid)
	}
	pragmas := "_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_pragma=foreign_keys(ON)"
	dsn := "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + pragmas
	write, err := sql.Open("sqlite", dsn+"&_txlock=immediate")
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	write.SetMaxOpenConns(1)
	s := &Store{write: write, now: time.Now, rankWindow: rankWindow}
	if err := s.migrate(ctx); err != nil {
		write.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	read, err := sql.Open("sqlite", dsn+"&_pragma=query_only(1)")
	if err != nil {
		write.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	read.SetMaxOpenConns(max(4, runtime.GOMAXPROCS(0)))
	read.SetMaxIdleConns(max(4, runtime.GOMAXPROCS(0)))
	s.read = read
	return s, nil
}

// Close closes both pools; WAL content is checkpointed by SQLite when the
// last connection closes.
func (s *Store) Close() error {
	return errors.Join(s.read.Close(), s.write.Close())
}

// migrate applies the embedded migrations not yet recorded, in name order,
// each in its own transaction.
func (s *Store) migrate(ctx context.Context) error {
	if _, err := s.write.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY)`); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	names, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	sort.Strings(names)
	for _, name := range names {
		if err := s.migrateOne(ctx, name); err != nil {
			return fmt.Errorf("migrate %s: %w", name, err)
		}
	}
	return nil
}

func (s *Store) migrateOne(ctx context.Context, name string) error {
	tx, err := s.write.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM migrations WHERE name = ?`, name).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return nil
	}
	body, err := fs.ReadFile(migrations, name)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, string(body)); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO migrations (name) VALUES (?)`, name); err != nil {
		return err
	}
	return tx.Commit()
}

// Ping runs the cheapest query there is on a reading connection.
func (s *Store) Ping(ctx context.Context) error {
	var one int
	if err := s.read.QueryRowContext(ctx, `SELECT 1`).Scan(&one); err != nil {
		return fmt.Errorf("ping: %w", err)
	}
	return nil
}

// Stats counts rows.
func (s *Store) Stats(ctx context.Context) (dateline.StoreStats, error) {
	var st dateline.StoreStats
	err := s.read.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM articles WHERE copy_of IS NULL),
		(SELECT count(*) FROM articles WHERE copy_of IS NOT NULL),
		(SELECT count(*) FROM versions),
		(SELECT count(*) FROM entities WHERE articles > 0),
		(SELECT count(*) FROM quotes)`).Scan(&st.Articles, &st.Copies, &st.Versions, &st.Entities, &st.Quotes)
	if err != nil {
		return st, fmt.Errorf("stats: %w", err)
	}
	return st, nil
}

// timeFormat is how times are kept: sortable text, UTC.
const timeFormat = "2006-01-02T15:04:05.000Z"

func parseTime(s string) time.Time {
	t, _ := time.Parse(timeFormat, s)
	return t
}

// Check verifies the database file and both full-text indexes against
// their tables; the crash-safety test runs it after killing an ingest.
func (s *Store) Check(ctx context.Context) error {
	var res string
	if err := s.write.QueryRowContext(ctx, `PRAGMA integrity_check`).Scan(&res); err != nil {
		return fmt.Errorf("check: %w", err)
	}
	if res != "ok" {
		return fmt.Errorf("check: integrity: %s", res)
	}
	// Both indexes must agree with their content (rank 1): search_fts's
	// is the view search_docs of what it indexes, quotes_fts's every quote.
	for _, c := range []struct {
		table string
		rank  int
	}{{"search_fts", 1}, {"quotes_fts", 1}} {
		if _, err := s.write.ExecContext(ctx, `INSERT INTO `+c.table+` (`+c.table+`, rank) VALUES ('integrity-check', ?)`, c.rank); err != nil {
			return fmt.Errorf("check %s: %w", c.table, err)
		}
	}
	return nil
}
