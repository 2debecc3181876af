package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/sqlite"
	"github.com/datelinehq/dateline/storetest"
)

func TestStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) dateline.Store {
		s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "test.db"))
		if err != nil {
			t.Fatal(err)
		}
		return s
	})
}

func TestReopenKeepsData(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "test.db")
	s, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	res, err := s.Put(ctx, storetest.Doc("https://a.example/x", "Kept", storetest.Text("kept", 1)))
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = sqlite.Open(ctx, path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer s.Close()
	a, err := s.Article(ctx, res.ID)
	if err != nil || a.Title != "Kept" {
		t.Fatalf("after reopen: %v %v", a, err)
	}
}

func TestCheck(t *testing.T) {
	ctx := context.Background()
	s, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	d := storetest.Doc("https://a.example/x", "One", storetest.Text("one", 1))
	if _, err := s.Put(ctx, d); err != nil {
		t.Fatal(err)
	}
	d2 := storetest.Doc("https://a.example/x", "One, revised", storetest.Text("one", 1))
	if _, err := s.Put(ctx, d2); err != nil {
		t.Fatal(err)
	}
	if err := s.Check(ctx); err != nil {
		t.Errorf("Check: %v", err)
	}
}
