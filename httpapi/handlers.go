package httpapi

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/dedup"
)

// fail writes err, logging it when it is the server's fault.
func (a *API) fail(w http.ResponseWriter, r *http.Request, err error) {
	if !errors.Is(err, dateline.ErrNotFound) && !errors.Is(err, dateline.ErrInvalid) && !errors.Is(err, errBadParam) {
		a.log.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	}
	writeError(w, r, err)
}

// intParam reads an integer query parameter; "" gives 0.
func intParam(r *http.Request, name string) (int, error) {
	v := r.URL.Query().Get(name)
	if v == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		return 0, fmt.Errorf("%w: %s must be an integer", errBadParam, name)
	}
	return n, nil
}

func idParam(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return 0, fmt.Errorf("%w: id must be a positive integer", errBadParam)
	}
	return id, nil
}

func boolParam(r *http.Request, name string) bool {
	v := r.URL.Query().Get(name)
	return v == "1" || v == "true" || v == "yes"
}

// SearchQuery reads the search parameters shared by the API and the web
// UI: q, site, lang, from, to, entity, speaker, limit, offset.
func SearchQuery(r *http.Request) (dateline.SearchQuery, error) {
	q := r.URL.Query()
	sq := dateline.SearchQuery{
		Text: q.Get("q"), Site: q.Get("site"), Language: q.Get("lang"),
		From: q.Get("from"), To: q.Get("to"), Entity: q.Get("entity"), Speaker: q.Get("speaker"),
	}
	var err error
	if sq.Limit, err = intParam(r, "limit"); err != nil {
		return sq, err
	}
	if sq.Offset, err = intParam(r, "offset"); err != nil {
		return sq, err
	}
	return sq, nil
}

func (a *API) search(w http.ResponseWriter, r *http.Request) {
	q, err := SearchQuery(r)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	q.Facets = boolParam(r, "facets")
	res, err := a.opts.Store.Search(r.Context(), q)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, res)
}

func (a *API) article(w http.ResponseWriter, r *http.Request) {
	id, err := idParam(r)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	art, err := a.opts.Store.Article(r.Context(), id)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, art)
}

// VersionChanges is one version and what changed since the one before.
type VersionChanges struct {
	dateline.Version
	Changes []dedup.Change `json:"changes,omitempty"`
}

func (a *API) versions(w http.ResponseWriter, r *http.Request) {
	id, err := idParam(r)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	vs, err := a.opts.Store.Versions(r.Context(), id)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"versions": Changes(vs)})
}

// Changes pairs each version with its paragraph diff from the previous.
func Changes(vs []dateline.Version) []VersionChanges {
	out := make([]VersionChanges, len(vs))
	for i, v := range vs {
		out[i].Version = v
		if i > 0 {
			prev := append([]string{vs[i-1].Title}, strings.Split(vs[i-1].Text, "\n\n")...)
			cur := append([]string{v.Title}, strings.Split(v.Text, "\n\n")...)
			out[i].Changes = dedup.Changes(prev, cur)
		}
	}
	return out
}

func (a *API) entities(w http.ResponseWriter, r *http.Request) {
	limit, err := intParam(r, "limit")
	if err != nil {
		a.fail(w, r, err)
		return
	}
	q := r.URL.Query()
	res, err := a.opts.Store.Entities(r.Context(), dateline.EntityQuery{Text: q.Get("q"), Type: q.Get("type"), Limit: limit})
	if err != nil {
		a.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"entities": res})
}

func (a *API) entity(w http.ResponseWriter, r *http.Request) {
	id, err := idParam(r)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	p, err := a.opts.Store.Entity(r.Context(), id)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, p)
}

// QuoteQuery reads the quote finder's parameters: speaker, q, limit, offset.
func QuoteQuery(r *http.Request) (dateline.QuoteQuery, error) {
	q := dateline.QuoteQuery{Speaker: r.URL.Query().Get("speaker"), Text: r.URL.Query().Get("q")}
	var err error
	if q.Limit, err = intParam(r, "limit"); err != nil {
		return q, err
	}
	q.Offset, err = intParam(r, "offset")
	return q, err
}

func (a *API) quotes(w http.ResponseWriter, r *http.Request) {
	q, err := QuoteQuery(r)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	res, err := a.opts.Store.Quotes(r.Context(), q)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"quotes": res})
}

// IngestRequest is the JSON form of POST /api/ingest. A body of any other
// type is taken as the page itself, with url and source as query
// parameters.
type IngestRequest struct {
	Source      string `json:"source"`
	URL         string `json:"url"`
	ContentType string `json:"content_type"`
	// Body is the page: HTML or plain text.
	Body string `json:"body"`
}

func (a *API) ingest(w http.ResponseWriter, r *http.Request) {
	if a.opts.Ingest == nil {
		a.fail(w, r, errForbidden)
		return
	}
	if !a.authorized(r) {
		a.fail(w, r, errUnauthorized)
		return
	}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	req := IngestRequest{Source: r.URL.Query().Get("source"), URL: r.URL.Query().Get("url"), ContentType: r.Header.Get("Content-Type"), Body: string(body)}
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt == "application/json" {
		req = IngestRequest{}
		if err := json.Unmarshal(body, &req); err != nil {
			a.fail(w, r, fmt.Errorf("%w: body: %v", errBadParam, err))
			return
		}
	}
	if strings.TrimSpace(req.Body) == "" {
		a.fail(w, r, fmt.Errorf("%w: empty page", errBadParam))
		return
	}
	if req.Source == "" {
		req.Source = req.URL
	}
	if req.Source == "" {
		req.Source = "api:" + dedup.Hash("", req.Body)[:16]
	}
	res, err := a.opts.Ingest(r.Context(), req.Source, req.URL, req.ContentType, []byte(req.Body))
	if err != nil {
		a.fail(w, r, err)
		return
	}
	status := http.StatusOK
	if res.Outcome == dateline.Added || res.Outcome == dateline.Revised || res.Outcome == dateline.Copy {
		status = http.StatusCreated
	}
	writeJSON(w, status, res)
}
