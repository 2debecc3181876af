package fetch

import (
	"errors"
	"testing"
)

func TestCanonical(t *testing.T) {
	tests := []struct{ in, want string }{
		{"HTTPS://News.Example.COM:443/a/b?utm_source=rss&utm_medium=x#top", "https://news.example.com/a/b"},
		{"http://example.com", "http://example.com/"},
		{"http://example.com:8080/x?b=2&a=1&fbclid=abc&gclid=1", "http://example.com:8080/x?a=1&b=2"},
		{"https://example.com/a/./b/../c/", "https://example.com/a/c/"},
		{"https://example.com/a?id=1&id=0", "https://example.com/a?id=1&id=0"},
		{"https://example.com/caf%C3%A9?q=a%20b", "https://example.com/caf%C3%A9?q=a%20b"},
		{"https://example.com./x?", "https://example.com/x"},
		{"https://example.com/x?UTM_Campaign=1&page=2", "https://example.com/x?page=2"},
	}
	for _, tt := range tests {
		got, err := Canonical(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("Canonical(%q): got %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
	for _, bad := range []string{"ftp://x/", "mailto:a@b", "/relative", "http://", "::"} {
		if _, err := Canonical(bad); !errors.Is(err, ErrURL) {
			t.Errorf("Canonical(%q): got %v, want ErrURL", bad, err)
		}
	}
}
