package storetest

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"unicode/utf8"

	"github.com/datelinehq/dateline"
)

// gold is the part of the seed's gold reading (corpus seed/*.gold.json)
// that stands in for the analysis stages in tests of the store, the API
// and the UI.
type gold struct {
	Entities []struct {
		Name     string   `json:"name"`
		Type     string   `json:"type"`
		Role     string   `json:"role"`
		Of       string   `json:"of"`
		Mentions []string `json:"mentions"`
	} `json:"entities"`
	Quotes []struct {
		Text    string `json:"text"`
		Speaker string `json:"speaker"`
		Cue     string `json:"cue"`
		Mention string `json:"speaker_mention"`
		Partial bool   `json:"partial"`
	} `json:"quotes"`
}

// GoldAnalyzer returns an analyser that finds, in any article, the
// entities and quotes of the gold file at path, with code-point offsets.
// Tests use it until the analysis package lands, so that entity pages and
// the quote finder can be checked on the seed article.
func GoldAnalyzer(path string) (func(dateline.Article) dateline.Analysis, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("gold analyzer: %w", err)
	}
	var g gold
	if err := json.Unmarshal(data, &g); err != nil {
		return nil, fmt.Errorf("gold analyzer %s: %w", path, err)
	}
	return func(a dateline.Article) dateline.Analysis {
		an := dateline.Analysis{Article: a, Analysed: true, Entities: []dateline.Entity{}, Quotes: []dateline.Quote{},
			Attributions: []dateline.Attribution{}, Events: []dateline.Event{}}
		ids := map[string]string{}
		for _, e := range g.Entities {
			var spans []dateline.Span
			for _, m := range e.Mentions {
				spans = append(spans, find(a.Text, m)...)
			}
			if len(spans) == 0 {
				continue
			}
			id := fmt.Sprintf("e%d", len(an.Entities)+1)
			ids[e.Name] = id
			an.Entities = append(an.Entities, dateline.Entity{ID: id, Name: e.Name, Type: e.Type, Role: e.Role, Affiliation: e.Of, Mentions: spans})
		}
		for _, q := range g.Quotes {
			spans := find(a.Text, q.Text)
			if len(spans) == 0 {
				continue
			}
			an.Quotes = append(an.Quotes, dateline.Quote{Text: q.Text, Start: spans[0].Start, End: spans[0].End,
				Speaker: ids[q.Speaker], SpeakerText: q.Mention, Cue: q.Cue, Partial: q.Partial})
		}
		return an
	}, nil
}

// find returns every occurrence of s in text as code-point spans.
func find(text, s string) []dateline.Span {
	var out []dateline.Span
	if s == "" {
		return nil
	}
	for off := 0; ; {
		i := strings.Index(text[off:], s)
		if i < 0 {
			return out
		}
		start := utf8.RuneCountInString(text[:off+i])
		out = append(out, dateline.Span{Text: s, Start: start, End: start + utf8.RuneCountInString(s)})
		off += i + len(s)
	}
}
