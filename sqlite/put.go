package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"math/bits"
	"net/url"
	"strings"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/dedup"
)

// Put saves one document in one transaction. Identity is decided in this
// order: a known key (unchanged when the content was seen under it, else a
// new version), known content under a new key (a duplicate: the key is
// added), a near-duplicate of an original (a linked copy), else a new
// article.
func (s *Store) Put(ctx context.Context, d *dateline.Document) (dateline.PutResult, error) {
	if len(d.Fingerprint.Keys) == 0 || d.Fingerprint.Hash == "" {
		return dateline.PutResult{}, fmt.Errorf("put: %w: document without keys or hash", dateline.ErrInvalid)
	}
	tx, err := s.write.BeginTx(ctx, nil)
	if err != nil {
		return dateline.PutResult{}, fmt.Errorf("put: %w", err)
	}
	defer tx.Rollback()
	res, err := s.put(ctx, tx, d)
	if err != nil {
		return res, fmt.Errorf("put %s: %w", d.Fingerprint.Keys[0], err)
	}
	if err := tx.Commit(); err != nil {
		return res, fmt.Errorf("put %s: commit: %w", d.Fingerprint.Keys[0], err)
	}
	return res, nil
}

// PutBatch saves ds in order in one transaction.
func (s *Store) PutBatch(ctx context.Context, ds []*dateline.Document) ([]dateline.PutResult, error) {
	for _, d := range ds {
		if len(d.Fingerprint.Keys) == 0 || d.Fingerprint.Hash == "" {
			return nil, fmt.Errorf("put batch: %w: document without keys or hash", dateline.ErrInvalid)
		}
	}
	tx, err := s.write.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("put batch: %w", err)
	}
	defer tx.Rollback()
	out := make([]dateline.PutResult, 0, len(ds))
	for _, d := range ds {
		res, err := s.put(ctx, tx, d)
		if err != nil {
			return nil, fmt.Errorf("put batch: %s: %w", d.Fingerprint.Keys[0], err)
		}
		out = append(out, res)
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("put batch: commit: %w", err)
	}
	return out, nil
}

func (s *Store) put(ctx context.Context, tx *sql.Tx, d *dateline.Document) (dateline.PutResult, error) {
	now := s.now().UTC().Format(timeFormat)
	fp := d.Fingerprint
	id, err := lookupKeys(ctx, tx, fp.Keys)
	if err != nil {
		return dateline.PutResult{}, err
	}
	if id != 0 {
		if err := addKeys(ctx, tx, id, fp.Keys); err != nil {
			return dateline.PutResult{}, err
		}
		var seen, current int
		err := tx.QueryRowContext(ctx, `SELECT
			(SELECT count(*) FROM versions WHERE article_id = ?1 AND hash = ?2),
			(SELECT versions FROM articles WHERE id = ?1)`, id, fp.Hash).Scan(&seen, &current)
		if err != nil {
			return dateline.PutResult{}, fmt.Errorf("find version: %w", err)
		}
		if seen > 0 {
			return dateline.PutResult{ID: id, Version: current, Outcome: dateline.Unchanged}, nil
		}
		return revise(ctx, tx, id, d, now)
	}

	err = tx.QueryRowContext(ctx, `SELECT article_id FROM versions WHERE hash = ? ORDER BY id LIMIT 1`, fp.Hash).Scan(&id)
	switch {
	case err == nil:
		if err := addKeys(ctx, tx, id, fp.Keys); err != nil {
			return dateline.PutResult{}, err
		}
		var current int
		if err := tx.QueryRowContext(ctx, `SELECT versions FROM articles WHERE id = ?`, id).Scan(&current); err != nil {
			return dateline.PutResult{}, fmt.Errorf("find article: %w", err)
		}
		return dateline.PutResult{ID: id, Version: current, Outcome: dateline.Duplicate}, nil
	case !errors.Is(err, sql.ErrNoRows):
		return dateline.PutResult{}, fmt.Errorf("find content: %w", err)
	}

	orig, err := nearest(ctx, tx, fp.SimHash)
	if err != nil {
		return dateline.PutResult{}, err
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO articles (copy_of, ingested) VALUES (?, ?)`, nullID(orig), now)
	if err != nil {
		return dateline.PutResult{}, fmt.Errorf("insert article: %w", err)
	}
	if id, err = res.LastInsertId(); err != nil {
		return dateline.PutResult{}, fmt.Errorf("insert article: %w", err)
	}
	if err := addKeys(ctx, tx, id, fp.Keys); err != nil {
		return dateline.PutResult{}, err
	}
	if _, err := saveVersion(ctx, tx, id, 1, d, now, orig == 0); err != nil {
		return dateline.PutResult{}, err
	}
	if orig != 0 {
		return dateline.PutResult{ID: id, Version: 1, Outcome: dateline.Copy, CopyOf: orig}, nil
	}
	return dateline.PutResult{ID: id, Version: 1, Outcome: dateline.Added}, nil
}

// revise adds a new current version to article id, moving the indexes
// from the old version to the new one.
func revise(ctx context.Context, tx *sql.Tx, id int64, d *dateline.Document, now string) (dateline.PutResult, error) {
	var n int
	var copyOf sql.NullInt64
	err := tx.QueryRowContext(ctx, `SELECT versions, copy_of FROM articles WHERE id = ?`, id).Scan(&n, &copyOf)
	if err != nil {
		return dateline.PutResult{}, fmt.Errorf("find article: %w", err)
	}
	if !copyOf.Valid {
		if err := unindex(ctx, tx, id); err != nil {
			return dateline.PutResult{}, err
		}
	}
	if _, err := saveVersion(ctx, tx, id, n+1, d, now, !copyOf.Valid); err != nil {
		return dateline.PutResult{}, err
	}
	return dateline.PutResult{ID: id, Version: n + 1, Outcome: dateline.Revised, CopyOf: copyOf.Int64}, nil
}

// saveVersion inserts version n of article id, makes it current and, for
// originals, indexes it.
func saveVersion(ctx context.Context, tx *sql.Tx, id int64, n int, d *dateline.Document, now string, index bool) (int64, error) {
	doc, err := encodeDoc(d.Analysis)
	if err != nil {
		return 0, err
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO versions (article_id, n, hash, title, text, doc, ingested) VALUES (?, ?, ?, ?, ?, ?, ?)`,
		id, n, d.Fingerprint.Hash, d.Title, d.Text, doc, now)
	if err != nil {
		return 0, fmt.Errorf("insert version: %w", err)
	}
	vid, err := res.LastInsertId()
	if err != nil {
		return 0, fmt.Errorf("insert version: %w", err)
	}
	b := dedup.Bands(d.Fingerprint.SimHash)
	_, err = tx.ExecContext(ctx, `UPDATE articles SET url = ?, site = ?, language = ?, day = ?, title = ?,
		version_id = ?, versions = ?, simhash = ?, band0 = ?, band1 = ?, band2 = ?, band3 = ? WHERE id = ?`,
		d.URL, site(&d.Article), d.Language, day(d.Published), d.Title,
		vid, n, int64(d.Fingerprint.SimHash), b[0], b[1], b[2], b[3], id)
	if err != nil {
		return 0, fmt.Errorf("update article: %w", err)
	}
	if index {
		if err := indexVersion(ctx, tx, id, d); err != nil {
			return 0, err
		}
	}
	return vid, nil
}

func lookupKeys(ctx context.Context, tx *sql.Tx, keys []string) (int64, error) {
	for _, k := range keys {
		var id int64
		err := tx.QueryRowContext(ctx, `SELECT article_id FROM keys WHERE key = ?`, k).Scan(&id)
		switch {
		case err == nil:
			return id, nil
		case !errors.Is(err, sql.ErrNoRows):
			return 0, fmt.Errorf("find key: %w", err)
		}
	}
	return 0, nil
}

func addKeys(ctx context.Context, tx *sql.Tx, id int64, keys []string) error {
	for _, k := range keys {
		if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO keys (key, article_id) VALUES (?, ?)`, k, id); err != nil {
			return fmt.Errorf("add key: %w", err)
		}
	}
	return nil
}

// nearest returns the original article whose SimHash is closest to h and
// within dateline.NearDistance, or 0. Candidates share a 16-bit band.
func nearest(ctx context.Context, tx *sql.Tx, h uint64) (int64, error) {
	if h == 0 {
		return 0, nil
	}
	b := dedup.Bands(h)
	rows, err := tx.QueryContext(ctx, `SELECT id, simhash FROM articles WHERE simhash != 0 AND copy_of IS NULL AND band0 = ?
		UNION SELECT id, simhash FROM articles WHERE simhash != 0 AND copy_of IS NULL AND band1 = ?
		UNION SELECT id, simhash FROM articles WHERE simhash != 0 AND copy_of IS NULL AND band2 = ?
		UNION SELECT id, simhash FROM articles WHERE simhash != 0 AND copy_of IS NULL AND band3 = ?`, b[0], b[1], b[2], b[3])
	if err != nil {
		return 0, fmt.Errorf("find near-duplicates: %w", err)
	}
	defer rows.Close()
	best, bestDist := int64(0), dateline.NearDistance+1
	for rows.Next() {
		var id, sh int64
		if err := rows.Scan(&id, &sh); err != nil {
			return 0, fmt.Errorf("find near-duplicates: %w", err)
		}
		if d := bits.OnesCount64(uint64(sh) ^ h); d < bestDist || (d == bestDist && id < best) {
			best, bestDist = id, d
		}
	}
	if err := rows.Err(); err != nil {
		return 0, fmt.Errorf("find near-duplicates: %w", err)
	}
	return best, nil
}

// encodeDoc keeps the analysis as JSON without the text, which has its own
// column; paragraphs are kept only when they cannot be split back out of it.
func encodeDoc(a dateline.Analysis) ([]byte, error) {
	if strings.Join(a.Paragraphs, "\n\n") == a.Text {
		a.Paragraphs = nil
	}
	a.Text = ""
	b, err := json.Marshal(a)
	if err != nil {
		return nil, fmt.Errorf("encode analysis: %w", err)
	}
	return b, nil
}

func decodeDoc(doc []byte, text string) (dateline.Analysis, error) {
	var a dateline.Analysis
	if err := json.Unmarshal(doc, &a); err != nil {
		return a, fmt.Errorf("decode analysis: %w", err)
	}
	a.Text = text
	if a.Paragraphs == nil && text != "" {
		a.Paragraphs = strings.Split(text, "\n\n")
	}
	return a, nil
}

// site names the publisher: the site name the page gives, else its host.
func site(a *dateline.Article) string {
	if a.SiteName != "" {
		return a.SiteName
	}
	for _, raw := range []string{a.CanonicalURL, a.URL} {
		if u, err := url.Parse(raw); err == nil && u.Hostname() != "" {
			return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
		}
	}
	return ""
}

// day returns the YYYY-MM-DD prefix of a publication date, or "".
func day(published string) string {
	if len(published) < 10 {
		return ""
	}
	d := published[:10]
	for i, c := range d {
		switch i {
		case 4, 7:
			if c != '-' {
				return ""
			}
		default:
			if c < '0' || c > '9' {
				return ""
			}
		}
	}
	return d
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}
