package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/httpapi"
	"github.com/datelinehq/dateline/ingest"
	"github.com/datelinehq/dateline/input"
	"github.com/datelinehq/dateline/web"
)

// envToken names the environment variable holding the ingest token, so it
// need not appear in the process list.
const envToken = "DATELINE_TOKEN"

func runServe(ctx context.Context, e env, args []string) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: dateline serve [flags]")
		fmt.Fprintln(e.stderr, "Serves the knowledge base: the web UI at /, the JSON API at /api/ (see /api/openapi.json).")
		fs.PrintDefaults()
	}
	db := fs.String("db", defaultDB(), "database `file` (default from $"+envDB+" or $XDG_DATA_HOME)")
	addr := fs.String("addr", "127.0.0.1:8080", "`host:port` to listen on; loopback unless you mean to share it")
	// The default is read after parsing so that -h never prints the token.
	token := fs.String("token", "", "token that POST /api/ingest requires (default $"+envToken+"; none: ingest refused)")
	maxBody := fs.Int64("max-body", httpapi.DefaultMaxBody, "largest request body in `bytes`")
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: unexpected argument %q", errUsage, fs.Arg(0))
	}
	if *token == "" {
		*token = os.Getenv(envToken)
	}
	store, err := openDB(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()
	log := slog.New(slog.NewTextHandler(e.stderr, nil))
	h, err := handler(store, *token, *maxBody, log)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	fmt.Fprintf(e.stderr, "dateline serve: %s on http://%s/ (ingest %s)\n", *db, ln.Addr(), map[bool]string{true: "enabled with token", false: "disabled: no token"}[*token != ""])
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil {
		return fmt.Errorf("serve: shutdown: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	return nil
}

// handler mounts the API at /api/ and /healthz and the UI everywhere else.
func handler(store dateline.Store, token string, maxBody int64, log *slog.Logger) (http.Handler, error) {
	analyse, err := analyzer()
	if err != nil {
		return nil, err
	}
	p := ingest.New(ingest.Options{Store: store, Analyze: analyse, Logger: log})
	api := httpapi.New(httpapi.Options{
		Store: store, Token: token, MaxBody: maxBody, Logger: log,
		Ingest: func(ctx context.Context, source, url, contentType string, body []byte) (dateline.PutResult, error) {
			return p.Page(ctx, input.Item{Source: source, URL: url, ContentType: contentType, Body: body})
		},
	})
	ui, err := web.New(web.Options{Store: store, Logger: log})
	if err != nil {
		return nil, err
	}
	mux := http.NewServeMux()
	mux.Handle("/api/", api)
	mux.Handle("/healthz", api)
	mux.Handle("/", ui)
	return mux, nil
}
