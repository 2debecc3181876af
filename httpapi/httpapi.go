// Package httpapi serves the knowledge base as a JSON API over a
// dateline.Store: search, articles, entities, quotes and, for holders of
// the token, ingestion. Errors are JSON objects whose status comes from
// one table (errorStatus); every request is bounded in size and in the
// work it may ask of the store.
package httpapi

import (
	"context"
	"crypto/subtle"
	_ "embed"
	"log/slog"
	"net/http"
	"strings"

	"github.com/datelinehq/dateline"
)

// IngestFunc saves one page handed in by a client. source names it, url is
// its address when known, contentType its HTTP type when known. An error
// wrapping dateline.ErrInvalid (a page that is not an article) is the
// client's; any other is the server's.
type IngestFunc func(ctx context.Context, source, url, contentType string, body []byte) (dateline.PutResult, error)

// Options configures the API. Store is required.
type Options struct {
	Store dateline.Store
	// Ingest handles POST /api/ingest; nil refuses it.
	Ingest IngestFunc
	// Token must be presented (Authorization: Bearer TOKEN) to ingest;
	// empty refuses every ingest, so a server is read-only unless its
	// operator chose a token.
	Token string
	// MaxBody caps a request body; 0 means DefaultMaxBody.
	MaxBody int64
	// MaxConcurrent caps requests served at once; more get 503 at once
	// rather than queueing behind slow queries. 0 means DefaultMaxConcurrent.
	MaxConcurrent int
	// Logger receives failed requests; nil discards.
	Logger *slog.Logger
}

// Defaults for Options.
const (
	DefaultMaxBody       = 8 << 20
	DefaultMaxConcurrent = 64
	// MaxURLBytes caps a request's query string.
	MaxURLBytes = 4096
)

//go:embed openapi.json
var openapi []byte

// API is an http.Handler for /api/ and /healthz.
type API struct {
	opts Options
	log  *slog.Logger
	mux  *http.ServeMux
	sem  chan struct{}
}

// New returns the API handler.
func New(opts Options) *API {
	if opts.MaxBody <= 0 {
		opts.MaxBody = DefaultMaxBody
	}
	if opts.MaxConcurrent <= 0 {
		opts.MaxConcurrent = DefaultMaxConcurrent
	}
	a := &API{opts: opts, log: opts.Logger, mux: http.NewServeMux(), sem: make(chan struct{}, opts.MaxConcurrent)}
	if a.log == nil {
		a.log = slog.New(slog.DiscardHandler)
	}
	a.mux.HandleFunc("GET /healthz", a.health)
	a.mux.HandleFunc("GET /api/search", a.search)
	a.mux.HandleFunc("GET /api/articles/{id}", a.article)
	a.mux.HandleFunc("GET /api/articles/{id}/versions", a.versions)
	a.mux.HandleFunc("GET /api/entities", a.entities)
	a.mux.HandleFunc("GET /api/entities/{id}", a.entity)
	a.mux.HandleFunc("GET /api/quotes", a.quotes)
	a.mux.HandleFunc("POST /api/ingest", a.ingest)
	a.mux.HandleFunc("GET /api/openapi.json", a.openapi)
	a.mux.HandleFunc("/api/", a.unknown)
	return a
}

// ServeHTTP applies the limits every route shares, then routes.
func (a *API) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("X-Content-Type-Options", "nosniff")
	defer func() {
		if v := recover(); v != nil {
			a.log.Error("panic", "path", r.URL.Path, "panic", v)
			writeError(w, r, errInternal)
		}
	}()
	if len(r.URL.RawQuery) > MaxURLBytes {
		writeError(w, r, errURLTooLong)
		return
	}
	select {
	case a.sem <- struct{}{}:
		defer func() { <-a.sem }()
	default:
		writeError(w, r, errBusy)
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, a.opts.MaxBody)
	a.mux.ServeHTTP(w, r)
}

// unknown answers paths no route serves: 405 when the path exists for
// another method, else 404, both as JSON.
func (a *API) unknown(w http.ResponseWriter, r *http.Request) {
	for _, m := range []string{http.MethodGet, http.MethodPost} {
		if m == r.Method {
			continue
		}
		probe := r.Clone(r.Context())
		probe.Method = m
		if _, pattern := a.mux.Handler(probe); pattern != "/api/" && pattern != "" {
			w.Header().Set("Allow", m)
			writeError(w, r, errMethod)
			return
		}
	}
	writeError(w, r, errNoRoute)
}

func (a *API) health(w http.ResponseWriter, r *http.Request) {
	if err := a.opts.Store.Ping(r.Context()); err != nil {
		a.log.Error("health", "err", err)
		writeError(w, r, errUnavailable)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"status": "ok"})
}

func (a *API) openapi(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	w.Write(openapi)
}

// authorized checks the bearer token in constant time.
func (a *API) authorized(r *http.Request) bool {
	if a.opts.Token == "" {
		return false
	}
	got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok {
		got = r.Header.Get("X-Dateline-Token")
	}
	return subtle.ConstantTimeCompare([]byte(strings.TrimSpace(got)), []byte(a.opts.Token)) == 1
}
