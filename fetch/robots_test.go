package fetch

import (
	"testing"
	"time"
)

const robotsFile = `# a comment
User-agent: *
Disallow: /private/
Allow: /private/open
Disallow: /*.pdf$
Disallow: /search?q=
Crawl-delay: 2

User-agent: dateline
User-agent: otherbot
Disallow: /no-dateline/
Allow: /no-dateline/yes$
Disallow: /tmp*/x
Crawl-delay: 0.5

User-agent: Dateline/1.0
Disallow: /also-merged

Sitemap: https://example.com/sitemap.xml
`

func TestRobots(t *testing.T) {
	r := ParseRobots([]byte(robotsFile))
	tests := []struct {
		name, agent, path string
		want              bool
	}{
		{"star group disallow", "somebot", "/private/x", false},
		{"star group longer allow", "somebot", "/private/open/1", true},
		{"dollar anchor", "somebot", "/a/b.pdf", false},
		{"dollar anchor not at end", "somebot", "/a/b.pdf?x=1", true},
		{"query", "somebot", "/search?q=news", false},
		{"named group replaces star", "dateline", "/private/x", true},
		{"named group", "dateline", "/no-dateline/page", false},
		{"named allow anchored", "dateline", "/no-dateline/yes", true},
		{"named allow anchored, longer path", "dateline", "/no-dateline/yes/2", false},
		{"wildcard middle", "dateline", "/tmp123/x/y", false},
		{"wildcard middle no match", "dateline", "/tmp123/y", true},
		{"merged group of same agent", "dateline/2.0 (+contact)", "/also-merged", false},
		{"robots.txt always allowed", "dateline", "/robots.txt", true},
		{"case-insensitive agent", "DATELINE", "/no-dateline/", false},
		{"root", "dateline", "/", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := r.For(tt.agent).Allowed(tt.path); got != tt.want {
				t.Errorf("For(%q).Allowed(%q): got %v, want %v", tt.agent, tt.path, got, tt.want)
			}
		})
	}
	if d := r.For("dateline").Delay; d != 500*time.Millisecond {
		t.Errorf("dateline crawl-delay: got %v, want 500ms", d)
	}
	if d := r.For("x").Delay; d != 2*time.Second {
		t.Errorf("star crawl-delay: got %v, want 2s", d)
	}
	if s := r.Sitemaps(); len(s) != 1 || s[0] != "https://example.com/sitemap.xml" {
		t.Errorf("sitemaps: got %v", s)
	}
}

func TestRobotsEdges(t *testing.T) {
	tests := []struct {
		name, file, path string
		want             bool
	}{
		{"empty file allows", "", "/x", true},
		{"no matching group allows", "User-agent: other\nDisallow: /\n", "/x", true},
		{"disallow all", "User-agent: *\nDisallow: /\n", "/x", false},
		{"empty disallow allows", "User-agent: *\nDisallow:\n", "/x", true},
		{"equal length: allow wins", "User-agent: *\nDisallow: /page\nAllow: /page\n", "/page", true},
		{"rules before user-agent ignored", "Disallow: /\nUser-agent: *\nAllow: /\n", "/x", true},
		{"utf-8 pattern matches encoded path", "User-agent: *\nDisallow: /café\n", "/caf%c3%a9/1", false},
		{"crlf lines", "User-agent: *\r\nDisallow: /a\r\n", "/a", false},
		{"many stars", "User-agent: *\nDisallow: /*a*a*a*a*a*a*b\n", "/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ParseRobots([]byte(tt.file)).For("dateline").Allowed(tt.path); got != tt.want {
				t.Errorf("Allowed(%q): got %v, want %v", tt.path, got, tt.want)
			}
		})
	}
}

func FuzzRobots(f *testing.F) {
	f.Add([]byte(robotsFile), "/private/x")
	f.Fuzz(func(t *testing.T, file []byte, path string) {
		start := time.Now()
		ParseRobots(file).For("dateline").Allowed(path)
		if d := time.Since(start); d > 2*time.Second {
			t.Fatalf("took %v", d)
		}
	})
}
