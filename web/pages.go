package web

import (
	"fmt"
	"html/template"
	"net/http"
	"strconv"
	"strings"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/dedup"
)

// searchPage is the data of search.html.
type searchPage struct {
	Title   string
	Q       dateline.SearchQuery
	Result  *dateline.SearchResult
	Filters []filter
	Months  []Bar
	Prev    template.URL
	Next    template.URL
	// Query is the raw search box text.
	Query string
	// Stats is filled on the home page only: counting is not free.
	Stats dateline.StoreStats
	// FacetLink returns the current search with one parameter changed.
	FacetLink func(key, value string) template.URL
}

// filter is an active filter shown as a removable chip.
type filter struct {
	Label  string
	Value  string
	Remove template.URL
}

// searchParams are the query parameters a search page keeps across links.
var searchParams = []struct{ key, label string }{
	{"q", "words"}, {"site", "site"}, {"lang", "language"}, {"from", "from"}, {"to", "to"}, {"entity", "entity"}, {"speaker", "speaker"},
}

func (u *UI) search(w http.ResponseWriter, r *http.Request) {
	qs := r.URL.Query()
	q := dateline.SearchQuery{
		Text: qs.Get("q"), Site: qs.Get("site"), Language: qs.Get("lang"), From: qs.Get("from"), To: qs.Get("to"),
		Entity: qs.Get("entity"), Speaker: qs.Get("speaker"), Limit: 20, Facets: true,
	}
	var err error
	if q.Offset, err = intParam(r, "offset"); err != nil {
		u.fail(w, r, err)
		return
	}
	res, err := u.store.Search(r.Context(), q)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	// with returns the current search with key set to value ("" removes
	// it), back on the first page.
	with := func(key, value string) template.URL {
		var params []string
		for _, p := range searchParams {
			v := qs.Get(p.key)
			if p.key == key {
				v = value
			}
			params = append(params, p.key, v)
		}
		return link("/", params...)
	}
	page := searchPage{Title: "Search", Q: q, Result: res, Query: q.Text, FacetLink: with}
	if q.Text != "" {
		page.Title = q.Text + " — search"
	}
	for _, p := range searchParams[1:] {
		if v := qs.Get(p.key); v != "" {
			label := v
			if p.key == "entity" || p.key == "speaker" {
				if id, err := strconv.ParseInt(v, 10, 64); err == nil {
					if e, err := u.store.Entity(r.Context(), id); err == nil {
						label = e.Name
					}
				}
			}
			page.Filters = append(page.Filters, filter{Label: p.label, Value: label, Remove: with(p.key, "")})
		}
	}
	if res.Facets != nil {
		page.Months = bars(res.Facets.Months, func(c dateline.Count) template.URL {
			params := []string{}
			for _, p := range searchParams {
				params = append(params, p.key, qs.Get(p.key))
			}
			params = append(params, "from", c.Value+"-01", "to", c.Value+"-31")
			return link("/", params...)
		})
	}
	pageLink := func(offset int) template.URL {
		params := []string{}
		for _, p := range searchParams {
			params = append(params, p.key, qs.Get(p.key))
		}
		if offset > 0 {
			params = append(params, "offset", strconv.Itoa(offset))
		}
		return link("/", params...)
	}
	if q.Offset > 0 {
		page.Prev = pageLink(max(0, q.Offset-q.Limit))
	}
	if q.Offset+len(res.Hits) < res.Total && q.Offset+q.Limit <= dateline.MaxOffset {
		page.Next = pageLink(q.Offset + q.Limit)
	}
	if q.Text == "" { // the home page says what the store holds
		if page.Stats, err = u.store.Stats(r.Context()); err != nil {
			u.fail(w, r, err)
			return
		}
	}
	u.render(w, r, http.StatusOK, "search.html", page)
}

// articlePage is the data of article.html.
type articlePage struct {
	Title      string
	A          *dateline.StoredArticle
	Paragraphs []Paragraph
	Entities   []articleEntity
	Quotes     []articleQuote
}

type articleEntity struct {
	dateline.Entity
	StoreID  int64
	Mentions int
}

type articleQuote struct {
	dateline.Quote
	N         int
	SpeakerID int64
	Speaker   string
}

func (u *UI) article(w http.ResponseWriter, r *http.Request) {
	id, err := idParam(r)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	a, err := u.store.Article(r.Context(), id)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	p := articlePage{Title: displayTitle(a.Title, a.Text), A: a, Paragraphs: highlight(a)}
	names := map[string]string{}
	for _, e := range a.Entities {
		names[e.ID] = e.Name
		p.Entities = append(p.Entities, articleEntity{Entity: e, StoreID: a.EntityIDs[e.ID], Mentions: len(e.Mentions)})
	}
	for i, q := range a.Quotes {
		sp := names[q.Speaker]
		if sp == "" {
			sp = q.SpeakerText
		}
		p.Quotes = append(p.Quotes, articleQuote{Quote: q, N: i + 1, SpeakerID: a.EntityIDs[q.Speaker], Speaker: sp})
	}
	u.render(w, r, http.StatusOK, "article.html", p)
}

// versionsPage is the data of versions.html.
type versionsPage struct {
	Title    string
	ID       int64
	Versions []versionView
}

type versionView struct {
	dateline.Version
	Changes []dedup.Change
}

func (u *UI) versions(w http.ResponseWriter, r *http.Request) {
	id, err := idParam(r)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	vs, err := u.store.Versions(r.Context(), id)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	p := versionsPage{Title: "Versions of " + displayTitle(vs[len(vs)-1].Title, vs[len(vs)-1].Text), ID: id}
	for i, v := range vs {
		vv := versionView{Version: v}
		if i > 0 {
			prev := append([]string{vs[i-1].Title}, strings.Split(vs[i-1].Text, "\n\n")...)
			cur := append([]string{v.Title}, strings.Split(v.Text, "\n\n")...)
			for _, c := range dedup.Changes(prev, cur) {
				if c.Op != "=" {
					vv.Changes = append(vv.Changes, c)
				}
			}
		}
		p.Versions = append(p.Versions, vv)
	}
	u.render(w, r, http.StatusOK, "versions.html", p)
}

// entitiesPage is the data of entities.html.
type entitiesPage struct {
	Title    string
	Query    string
	Type     string
	Types    []string
	Entities []dateline.EntitySummary
}

// entityTypes are the types the analysis gives entities.
var entityTypes = []string{"PERSON", "ORG", "PLACE", "NORP", "EVENT", "MISC"}

func (u *UI) entities(w http.ResponseWriter, r *http.Request) {
	q := dateline.EntityQuery{Text: r.URL.Query().Get("q"), Type: r.URL.Query().Get("type"), Limit: 100}
	ents, err := u.store.Entities(r.Context(), q)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	u.render(w, r, http.StatusOK, "entities.html", entitiesPage{Title: "Entities", Query: q.Text, Type: q.Type, Types: entityTypes, Entities: ents})
}

// entityPage is the data of entity.html.
type entityPage struct {
	Title    string
	E        *dateline.EntityProfile
	Timeline []Bar
	Search   template.URL
}

func (u *UI) entity(w http.ResponseWriter, r *http.Request) {
	id, err := idParam(r)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	e, err := u.store.Entity(r.Context(), id)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	p := entityPage{Title: e.Name, E: e, Search: link("/", "entity", fmt.Sprint(id))}
	p.Timeline = bars(e.Timeline, func(c dateline.Count) template.URL {
		if c.Value == "" {
			return link("/", "entity", fmt.Sprint(id))
		}
		return link("/", "entity", fmt.Sprint(id), "from", c.Value+"-01", "to", c.Value+"-31")
	})
	u.render(w, r, http.StatusOK, "entity.html", p)
}

// quotesPage is the data of quotes.html.
type quotesPage struct {
	Title   string
	Speaker string
	Query   string
	Quotes  []dateline.QuoteHit
	Prev    template.URL
	Next    template.URL
}

func (u *UI) quotes(w http.ResponseWriter, r *http.Request) {
	q := dateline.QuoteQuery{Speaker: r.URL.Query().Get("speaker"), Text: r.URL.Query().Get("q"), Limit: 30}
	var err error
	if q.Offset, err = intParam(r, "offset"); err != nil {
		u.fail(w, r, err)
		return
	}
	hits, err := u.store.Quotes(r.Context(), q)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	p := quotesPage{Title: "Quotes", Speaker: q.Speaker, Query: q.Text, Quotes: hits}
	if q.Offset > 0 {
		p.Prev = link("/quotes", "speaker", q.Speaker, "q", q.Text, "offset", strconv.Itoa(max(0, q.Offset-q.Limit)))
	}
	if len(hits) == q.Limit && q.Offset+q.Limit <= dateline.MaxOffset {
		p.Next = link("/quotes", "speaker", q.Speaker, "q", q.Text, "offset", strconv.Itoa(q.Offset+q.Limit))
	}
	u.render(w, r, http.StatusOK, "quotes.html", p)
}
