// Package web is dateline's reading interface: search with facets, article
// pages with entities and quotes marked and linked, entity pages and a
// quote finder. Pages are rendered on the server with html/template, so
// every piece of article text is escaped by the template engine; the
// little CSS and JavaScript there is are embedded files, and a strict
// Content-Security-Policy refuses everything else.
package web

import (
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"strconv"

	"github.com/datelinehq/dateline"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// Options configures the UI. Store is required.
type Options struct {
	Store dateline.Store
	// Logger receives failed requests; nil discards.
	Logger *slog.Logger
}

// UI is the http.Handler for the web interface.
type UI struct {
	store dateline.Store
	log   *slog.Logger
	pages map[string]*template.Template
	mux   *http.ServeMux
}

// csp allows only this server's own scripts and styles: an article that
// carries markup cannot run or load anything even if it slipped through.
const csp = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

// New parses the templates and returns the UI.
func New(opts Options) (*UI, error) {
	u := &UI{store: opts.Store, log: opts.Logger, pages: map[string]*template.Template{}, mux: http.NewServeMux()}
	if u.log == nil {
		u.log = slog.New(slog.DiscardHandler)
	}
	names, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		return nil, fmt.Errorf("web: %w", err)
	}
	for _, n := range names {
		if n == "templates/layout.html" {
			continue
		}
		t, err := template.New("layout.html").Funcs(funcs).ParseFS(templateFS, "templates/layout.html", n)
		if err != nil {
			return nil, fmt.Errorf("web: parse %s: %w", n, err)
		}
		u.pages[n[len("templates/"):]] = t
	}
	static, err := fs.Sub(staticFS, "static")
	if err != nil {
		return nil, fmt.Errorf("web: %w", err)
	}
	u.mux.Handle("GET /static/", http.StripPrefix("/static/", http.FileServerFS(static)))
	u.mux.HandleFunc("GET /{$}", u.search)
	u.mux.HandleFunc("GET /articles/{id}", u.article)
	u.mux.HandleFunc("GET /articles/{id}/versions", u.versions)
	u.mux.HandleFunc("GET /entities", u.entities)
	u.mux.HandleFunc("GET /entities/{id}", u.entity)
	u.mux.HandleFunc("GET /quotes", u.quotes)
	u.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		u.fail(w, r, fmt.Errorf("page %w", dateline.ErrNotFound))
	})
	return u, nil
}

// ServeHTTP sets the security headers every page carries, then routes.
func (u *UI) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", csp)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Frame-Options", "DENY")
	u.mux.ServeHTTP(w, r)
}

// render executes a page template into w.
func (u *UI) render(w http.ResponseWriter, r *http.Request, status int, page string, data any) {
	t := u.pages[page]
	if t == nil {
		u.log.Error("no template", "page", page)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	if err := t.ExecuteTemplate(w, "layout.html", data); err != nil {
		u.log.Error("render", "page", page, "err", err)
	}
}

// errorPage is the data of error.html.
type errorPage struct {
	Title   string
	Status  int
	Message string
}

// fail renders an error page with the status the error calls for.
func (u *UI) fail(w http.ResponseWriter, r *http.Request, err error) {
	status, msg := http.StatusInternalServerError, "Something went wrong on our side."
	switch {
	case errors.Is(err, dateline.ErrNotFound):
		status, msg = http.StatusNotFound, "There is nothing here."
	case errors.Is(err, dateline.ErrInvalid), errors.Is(err, errBadParam):
		status, msg = http.StatusBadRequest, err.Error()
	default:
		u.log.Error("page failed", "path", r.URL.Path, "err", err)
	}
	u.render(w, r, status, "error.html", errorPage{Title: http.StatusText(status), Status: status, Message: msg})
}

var errBadParam = errors.New("bad parameter")

func idParam(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return 0, fmt.Errorf("%w: the id must be a positive number", errBadParam)
	}
	return id, nil
}

func intParam(r *http.Request, name string) (int, error) {
	v := r.URL.Query().Get(name)
	if v == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		return 0, fmt.Errorf("%w: %s must be a number", errBadParam, name)
	}
	return n, nil
}
