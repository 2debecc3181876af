package dedup

import (
	"math/bits"
	"strings"
	"testing"

	"github.com/datelinehq/dateline"
)

func TestURLKey(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"tracking and www", "https://www.Example.com/news/a/?utm_source=x&id=2&fbclid=z#top", "url:example.com/news/a?id=2"},
		{"http equals https", "http://example.com/news/a", "url:example.com/news/a"},
		{"default port", "https://example.com:443/a/index.html", "url:example.com/a"},
		{"amp", "https://example.com/a/amp", "url:example.com/a"},
		{"sorted query", "https://example.com/a?b=2&a=1", "url:example.com/a?a=1&b=2"},
		{"not http", "file:///tmp/a.html", ""},
		{"relative", "/a/b", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := URLKey(tt.in); got != tt.want {
				t.Errorf("URLKey(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestKeysFallBackToSource(t *testing.T) {
	got := Keys(&dateline.Article{Source: "a/b.txt"})
	if len(got) != 1 || got[0] != "source:a/b.txt" {
		t.Errorf("Keys = %q, want [source:a/b.txt]", got)
	}
	got = Keys(&dateline.Article{Source: "a/b.txt", URL: "https://x.org/a", CanonicalURL: "https://x.org/a?utm_medium=m"})
	if len(got) != 1 || got[0] != "url:x.org/a" {
		t.Errorf("Keys = %q, want [url:x.org/a]", got)
	}
}

func TestHashIgnoresFormatting(t *testing.T) {
	a := Hash("Title", "Hello,   world.\n\nSecond paragraph!")
	b := Hash("title", "hello world second paragraph")
	if a != b {
		t.Errorf("hashes differ for the same words: %s %s", a, b)
	}
	if a == Hash("Title", "hello world third paragraph") {
		t.Error("hashes equal for different words")
	}
}

const story = `US President Donald Trump and Russian President Vladimir Putin began high-level talks in Anchorage on Friday, with the war in Ukraine and prospects of a ceasefire dominating the agenda. Putin is joined by Foreign Minister Sergey Lavrov and foreign policy aide Yury Ushakov, while Trump is accompanied by Secretary of State Marco Rubio and special envoy Steve Witkoff. Ahead of the meeting, reporters pressed Putin about the possibility of a Ukraine ceasefire. Though he appeared to mouth a response, his words were unclear. Earlier, Trump and Putin exchanged greetings on the red carpet, shook hands, posed for photos and departed together in the presidential limousine for the summit venue, avoiding questions from the press. The White House announced prior to the leaders' arrival that the initially planned one-on-one session had been expanded to include senior advisers from both sides.`

func TestSimHash(t *testing.T) {
	edited := strings.Replace(story, "on Friday", "on Friday (local time)", 1) + " Reporting by Wire Staff."
	other := `The city council voted on Tuesday to expand the bus network to the northern suburbs, adding three routes and a night service that had been requested by residents for years. The plan, which costs an estimated twelve million, will be paid for by a new parking levy and a grant from the regional transport authority, officials said at a briefing after the vote.`
	d := bits.OnesCount64(SimHash(story) ^ SimHash(edited))
	if d > dateline.NearDistance {
		t.Errorf("edited copy is %d bits away, want <= %d", d, dateline.NearDistance)
	}
	if d := bits.OnesCount64(SimHash(story) ^ SimHash(other)); d <= dateline.NearDistance {
		t.Errorf("unrelated story is %d bits away, want > %d", d, dateline.NearDistance)
	}
	if SimHash("too short to compare") != 0 {
		t.Error("short text got a SimHash")
	}
}

func TestBandsPigeonhole(t *testing.T) {
	h := SimHash(story)
	flipped := h ^ (1 << 3) ^ (1 << 20) ^ (1 << 40)
	a, b := Bands(h), Bands(flipped)
	same := 0
	for i := range a {
		if a[i] == b[i] {
			same++
		}
	}
	if same == 0 {
		t.Error("hashes 3 bits apart share no band")
	}
}

func TestChanges(t *testing.T) {
	got := Changes([]string{"a", "b", "c"}, []string{"a", "c", "d"})
	want := []Change{{"=", "a"}, {"-", "b"}, {"=", "c"}, {"+", "d"}}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for i := range got {
		if got[i] != want[i] {
			t.Errorf("change %d: got %v, want %v", i, got[i], want[i])
		}
	}
}
