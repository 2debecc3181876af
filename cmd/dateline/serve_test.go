package main

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
)

// TestHandlerMountsAPIAndUI checks the composition serve runs: the API at
// /api/ and /healthz, the UI elsewhere, and ingest guarded by the token.
func TestHandlerMountsAPIAndUI(t *testing.T) {
	store, err := openDB(context.Background(), filepath.Join(t.TempDir(), "serve.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	h, err := handler(store, "secret", 1<<20, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	defer srv.Close()
	tests := []struct {
		method, path, token string
		status              int
		contentType         string
	}{
		{"GET", "/healthz", "", 200, "application/json"},
		{"GET", "/", "", 200, "text/html"},
		{"GET", "/api/search?q=x", "", 200, "application/json"},
		{"GET", "/api/openapi.json", "", 200, "application/json"},
		{"GET", "/api/nope", "", 404, "application/json"},
		{"GET", "/nope", "", 404, "text/html"},
		{"POST", "/api/ingest", "", 401, "application/json"},
		{"POST", "/api/ingest", "secret", 201, "application/json"},
	}
	page := "<html><head><title>Harbour</title></head><body><article><h1>Harbour</h1><p>" +
		strings.Repeat("The harbour reopened after repairs to the sea wall, officials said on Monday. ", 8) + "</p></article></body></html>"
	for _, tt := range tests {
		req, _ := http.NewRequest(tt.method, srv.URL+tt.path, strings.NewReader(page))
		req.Header.Set("Content-Type", "text/html")
		if tt.token != "" {
			req.Header.Set("Authorization", "Bearer "+tt.token)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != tt.status || !strings.HasPrefix(resp.Header.Get("Content-Type"), tt.contentType) {
			t.Errorf("%s %s: %d %s, want %d %s: %.200s", tt.method, tt.path, resp.StatusCode, resp.Header.Get("Content-Type"), tt.status, tt.contentType, body)
		}
	}
}
