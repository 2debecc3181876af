package crawl

import (
	"context"
	"fmt"
	"sync"
)

// Memory is a State held in memory, lost when the process ends. File
// builds on it.
type Memory struct {
	mu      sync.Mutex
	closed  bool
	feeds   map[string]FeedState
	seen    map[string]bool
	pending map[string]Item
	order   []string // pending URLs in the order added, with done ones left in until compacted
}

var _ State = (*Memory)(nil)

// NewMemory returns an empty Memory.
func NewMemory() *Memory {
	return &Memory{feeds: map[string]FeedState{}, seen: map[string]bool{}, pending: map[string]Item{}}
}

// check fails when the state is closed or ctx is done; callers hold mu.
func (m *Memory) check(ctx context.Context, op string) error {
	if m.closed {
		return fmt.Errorf("%s: %w", op, ErrClosed)
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	return nil
}

func (m *Memory) Feed(ctx context.Context, url string) (FeedState, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if err := m.check(ctx, "feed"); err != nil {
		return FeedState{}, err
	}
	f, ok := m.feeds[url]
	if !ok {
		return FeedState{}, fmt.Errorf("feed %s: %w", url, ErrNotFound)
	}
	return f, nil
}

func (m *Memory) Feeds(ctx context.Context) ([]FeedState, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if err := m.check(ctx, "feeds"); err != nil {
		return nil, err
	}
	out := make([]FeedState, 0, len(m.feeds))
	for _, f := range m.feeds {
		out = append(out, f)
	}
	return out, nil
}

func (m *Memory) PutFeed(ctx context.Context, f FeedState) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if err := m.check(ctx, "put feed"); err != nil {
		return err
	}
	m.feeds[f.URL] = f
	return nil
}

func (m *Memory) Add(ctx context.Context, items []Item) ([]Item, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if err := m.check(ctx, "add"); err != nil {
		return nil, err
	}
	return m.add(items), nil
}

func (m *Memory) add(items []Item) []Item {
	var added []Item
	for _, it := range items {
		if m.seen[it.URL] {
			continue
		}
		m.seen[it.URL] = true
		m.pending[it.URL] = it
		m.order = append(m.order, it.URL)
		added = append(added, it)
	}
	return added
}

func (m *Memory) Seen(ctx context.Context, url string) (bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if err := m.check(ctx, "seen"); err != nil {
		return false, err
	}
	return m.seen[url], nil
}

func (m *Memory) See(ctx context.Context, url string) (bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if err := m.check(ctx, "see"); err != nil {
		return false, err
	}
	return m.see(url), nil
}

func (m *Memory) see(url string) bool {
	if m.seen[url] {
		return false
	}
	m.seen[url] = true
	return true
}

func (m *Memory) Pending(ctx context.Context) ([]Item, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if err := m.check(ctx, "pending"); err != nil {
		return nil, err
	}
	m.compact()
	out := make([]Item, 0, len(m.order))
	for _, u := range m.order {
		out = append(out, m.pending[u])
	}
	return out, nil
}

// compact drops done URLs from order.
func (m *Memory) compact() {
	kept := m.order[:0]
	for _, u := range m.order {
		if _, ok := m.pending[u]; ok {
			kept = append(kept, u)
		}
	}
	m.order = kept
}

func (m *Memory) Retry(ctx context.Context, it Item) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if err := m.check(ctx, "retry"); err != nil {
		return err
	}
	return m.retry(it)
}

func (m *Memory) retry(it Item) error {
	if _, ok := m.pending[it.URL]; !ok {
		return fmt.Errorf("retry %s: %w", it.URL, ErrNotFound)
	}
	m.pending[it.URL] = it
	return nil
}

func (m *Memory) Done(ctx context.Context, url string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if err := m.check(ctx, "done"); err != nil {
		return err
	}
	m.done(url)
	return nil
}

func (m *Memory) done(url string) {
	m.seen[url] = true
	delete(m.pending, url)
	if len(m.order) > 1024 && len(m.order) > 2*len(m.pending) {
		m.compact()
	}
}

func (m *Memory) Close() error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.closed = true
	return nil
}
