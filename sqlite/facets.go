package sqlite

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"

	"github.com/datelinehq/dateline"
)

// facetSize is how many values each facet lists.
const facetSize = 10

// facets counts the window's rows by site, language, month and entity.
// Everything but the entities' names is in the rows already.
func (s *Store) facets(ctx context.Context, window []windowRow) (*dateline.Facets, error) {
	sites, langs, months := map[string]int{}, map[string]int{}, map[string]int{}
	entities := map[int64]int{}
	for _, w := range window {
		if w.ref.Site != "" {
			sites[w.ref.Site]++
		}
		if w.ref.Language != "" {
			langs[w.ref.Language]++
		}
		if len(w.ref.Published) >= 7 {
			months[w.ref.Published[:7]]++
		}
		eachEntityTag(w.tags, func(id int64) { entities[id]++ })
	}
	f := &dateline.Facets{
		Sites:     topCounts(sites, facetSize),
		Languages: topCounts(langs, facetSize),
		Months:    topCounts(months, 0),
	}
	sort.Slice(f.Months, func(i, j int) bool { return f.Months[i].Value < f.Months[j].Value })
	var err error
	if f.Entities, err = s.topEntities(ctx, entities); err != nil {
		return nil, fmt.Errorf("facets: %w", err)
	}
	return f, nil
}

// maxTied bounds how many entities tied at the facet's cut are looked up
// to break the tie.
const maxTied = 200

// topEntities returns the facetSize entities with the largest counts;
// ties go to the entity more articles mention, as on the entities page.
// A window of 1,000 articles names some 20,000 entities, so the cut is
// found from a histogram of the counts rather than by sorting them all.
func (s *Store) topEntities(ctx context.Context, counts map[int64]int) ([]dateline.EntityCount, error) {
	out := []dateline.EntityCount{}
	if len(counts) == 0 {
		return out, nil
	}
	var hist []int
	for _, c := range counts {
		for len(hist) <= c {
			hist = append(hist, 0)
		}
		hist[c]++
	}
	cut, above := len(hist)-1, 0
	for ; cut > 1 && above+hist[cut] < facetSize; cut-- {
		above += hist[cut]
	}
	ids := make([]int64, 0, facetSize)
	for id, c := range counts {
		if c >= cut {
			ids = append(ids, id)
		}
	}
	sort.Slice(ids, func(i, j int) bool {
		if counts[ids[i]] != counts[ids[j]] {
			return counts[ids[i]] > counts[ids[j]]
		}
		return ids[i] < ids[j]
	})
	idJSON, _ := json.Marshal(ids[:min(len(ids), facetSize+maxTied)])
	found, err := s.entityCounts(ctx, `SELECT id, name, type, kind, articles, 0 FROM entities
		WHERE id IN (SELECT value FROM json_each(?))`, string(idJSON))
	if err != nil {
		return nil, err
	}
	for i := range found {
		found[i].Count = counts[found[i].ID]
	}
	sort.Slice(found, func(i, j int) bool {
		a, b := found[i], found[j]
		if a.Count != b.Count {
			return a.Count > b.Count
		}
		if a.Articles != b.Articles {
			return a.Articles > b.Articles
		}
		return a.ID < b.ID
	})
	return append(out, found[:min(facetSize, len(found))]...), nil
}

// topCounts sorts counts, largest first, and keeps n (0: all).
func topCounts(m map[string]int, n int) []dateline.Count {
	out := make([]dateline.Count, 0, len(m))
	for v, c := range m {
		out = append(out, dateline.Count{Value: v, Count: c})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Value < out[j].Value
	})
	if n > 0 && len(out) > n {
		out = out[:n]
	}
	return out
}

// entityCounts runs a query selecting id, name, type, kind, articles, count.
func (s *Store) entityCounts(ctx context.Context, query string, args ...any) ([]dateline.EntityCount, error) {
	rows, err := s.read.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []dateline.EntityCount{}
	for rows.Next() {
		var e dateline.EntityCount
		if err := rows.Scan(&e.ID, &e.Name, &e.Type, &e.Kind, &e.Articles, &e.Count); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}
