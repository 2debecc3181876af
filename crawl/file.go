package crawl

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// File is a State kept in memory and journalled to a file: every change
// is appended as one JSON line, in one write, before the call returns. A
// process killed at any moment leaves at most a torn last line, which the
// next Open drops; the state before that line is intact. Open rewrites the
// journal as a snapshot, so that it does not grow without bound across
// runs.
//
// Writes reach the operating system, not the disk: File survives the
// crash of its process, not of the machine, unless Sync is called.
type File struct {
	mem  *Memory
	path string
	f    *os.File
}

var _ State = (*File)(nil)

// entry is one journal line; exactly one field is set.
type entry struct {
	Feed  *FeedState `json:"feed,omitempty"`
	Add   []Item     `json:"add,omitempty"`
	See   string     `json:"see,omitempty"`
	Retry *Item      `json:"retry,omitempty"`
	Done  string     `json:"done,omitempty"`
}

// OpenFile opens or creates the state journal at path.
func OpenFile(path string) (*File, error) {
	mem := NewMemory()
	if err := replay(path, mem); err != nil {
		return nil, fmt.Errorf("open state %s: %w", path, err)
	}
	if err := snapshot(path, mem); err != nil {
		return nil, fmt.Errorf("open state %s: %w", path, err)
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		return nil, fmt.Errorf("open state: %w", err)
	}
	return &File{mem: mem, path: path, f: f}, nil
}

// replay applies the journal's complete lines to mem.
func replay(path string, mem *Memory) error {
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64<<10), 256<<20)
	line := 0
	for sc.Scan() {
		line++
		var e entry
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			if !bytes.HasSuffix(data, []byte("\n")) && !sc.Scan() {
				break // the torn last line of a killed process
			}
			return fmt.Errorf("line %d: %w", line, err)
		}
		mem.apply(e)
	}
	return sc.Err()
}

// apply makes one journal entry's change.
func (m *Memory) apply(e entry) {
	switch {
	case e.Feed != nil:
		m.feeds[e.Feed.URL] = *e.Feed
	case e.Add != nil:
		m.add(e.Add)
	case e.See != "":
		m.see(e.See)
	case e.Retry != nil:
		m.retry(*e.Retry)
	case e.Done != "":
		m.done(e.Done)
	}
}

// snapshot rewrites the journal as the entries that rebuild mem, through a
// temporary file renamed into place so that a crash leaves the old or the
// new journal, never half of one.
func snapshot(path string, mem *Memory) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".tmp*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	w := bufio.NewWriter(tmp)
	enc := json.NewEncoder(w)
	for _, f := range mem.feeds {
		enc.Encode(entry{Feed: &f})
	}
	for u := range mem.seen {
		if _, ok := mem.pending[u]; !ok {
			enc.Encode(entry{See: u})
		}
	}
	mem.compact()
	for _, u := range mem.order {
		it := mem.pending[u]
		enc.Encode(entry{Add: []Item{it}})
	}
	if err := w.Flush(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// log appends one entry in one write.
func (s *File) log(op string, e entry) error {
	line, err := json.Marshal(e)
	if err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	if _, err := s.f.Write(append(line, '\n')); err != nil {
		return fmt.Errorf("%s: writing state: %w", op, err)
	}
	return nil
}

func (s *File) Feed(ctx context.Context, url string) (FeedState, error) {
	return s.mem.Feed(ctx, url)
}

func (s *File) Feeds(ctx context.Context) ([]FeedState, error) { return s.mem.Feeds(ctx) }

func (s *File) Seen(ctx context.Context, url string) (bool, error) { return s.mem.Seen(ctx, url) }

func (s *File) Pending(ctx context.Context) ([]Item, error) { return s.mem.Pending(ctx) }

func (s *File) PutFeed(ctx context.Context, f FeedState) error {
	return s.locked(ctx, "put feed", func() error {
		s.mem.feeds[f.URL] = f
		return s.log("put feed", entry{Feed: &f})
	})
}

func (s *File) Add(ctx context.Context, items []Item) ([]Item, error) {
	var added []Item
	err := s.locked(ctx, "add", func() error {
		if added = s.mem.add(items); len(added) == 0 {
			return nil
		}
		return s.log("add", entry{Add: added})
	})
	return added, err
}

func (s *File) See(ctx context.Context, url string) (bool, error) {
	var isNew bool
	err := s.locked(ctx, "see", func() error {
		if isNew = s.mem.see(url); !isNew {
			return nil
		}
		return s.log("see", entry{See: url})
	})
	return isNew, err
}

func (s *File) Retry(ctx context.Context, it Item) error {
	return s.locked(ctx, "retry", func() error {
		if err := s.mem.retry(it); err != nil {
			return err
		}
		return s.log("retry", entry{Retry: &it})
	})
}

func (s *File) Done(ctx context.Context, url string) error {
	return s.locked(ctx, "done", func() error {
		s.mem.done(url)
		return s.log("done", entry{Done: url})
	})
}

// locked runs fn under the memory's lock, so that the order of journal
// lines is the order of the changes.
func (s *File) locked(ctx context.Context, op string, fn func() error) error {
	s.mem.mu.Lock()
	defer s.mem.mu.Unlock()
	if err := s.mem.check(ctx, op); err != nil {
		return err
	}
	return fn()
}

// Sync flushes the journal to the disk.
func (s *File) Sync() error {
	if err := s.f.Sync(); err != nil {
		return fmt.Errorf("sync state: %w", err)
	}
	return nil
}

// Close syncs and closes the journal.
func (s *File) Close() error {
	s.mem.mu.Lock()
	defer s.mem.mu.Unlock()
	if s.mem.closed {
		return nil
	}
	s.mem.closed = true
	err := errors.Join(s.f.Sync(), s.f.Close())
	if err != nil {
		return fmt.Errorf("close state: %w", err)
	}
	return nil
}
