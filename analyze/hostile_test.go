package analyze

import (
	"strings"
	"testing"
	"time"

	"github.com/datelinehq/dateline"
)

// words makes n words of prose without punctuation, names among them.
func words(n int) string {
	vocab := strings.Fields("the minister said that Vladimir Putin and officials in Moscow would meet Donald Trump near Anchorage while he told reporters about talks with the Kremlin")
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(vocab[(i*7+i/13)%len(vocab)])
	}
	return b.String()
}

// TestHostile runs inputs that break naive pipelines: none may panic, and
// each must say clearly what became of it.
func TestHostile(t *testing.T) {
	m := models(t)
	caps := strings.ToUpper("Russian President Vladimir Putin met US President Donald Trump in Anchorage. He told reporters the talks went well.")
	tests := []struct {
		name     string
		article  dateline.Article
		analysed bool
		note     string
	}{
		{"empty", dateline.Article{}, false, "no text to analyse"},
		{"blank", dateline.Article{Text: " \n\n\t "}, false, "no text to analyse"},
		{"all capitals", dateline.Article{Text: caps, Language: "en"}, true, ""},
		{"control characters and emoji", dateline.Article{Text: "Putin \x00\x01\x1b[31m met 🇺🇸 Trump 😀😀 in\u200b Anchorage\ufeff.\u0007 \U0001F600 He said \u202e hello."}, true, ""},
		{"declared German", dateline.Article{Text: "Der russische Präsident Wladimir Putin traf Donald Trump in Anchorage.", Language: "de"}, false, "language de not analysed"},
		{"undeclared French", dateline.Article{Text: "Le président russe Vladimir Poutine a rencontré Donald Trump à Anchorage, en Alaska, pour des discussions sur la guerre en Ukraine. Les deux dirigeants se sont serré la main et ont posé pour des photos."}, false, "language fr not analysed"},
		{"Russian declared en", dateline.Article{Text: "Президент России Владимир Путин встретился с Дональдом Трампом на Аляске.", Language: "en"}, false, "language ru not analysed"},
		{"invalid UTF-8", dateline.Article{Text: "Putin \xff\xfe met Trump in \xc3 Anchorage."}, true, ""},
		{"one long word", dateline.Article{Text: strings.Repeat("A", 100000)}, true, ""},
		{"punctuation only", dateline.Article{Text: strings.Repeat("“‘—,.!? ", 5000)}, true, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			an := Article(tt.article, m)
			if an.Analysed != tt.analysed || an.Note != tt.note {
				t.Errorf("analysed %v note %q, want %v %q", an.Analysed, an.Note, tt.analysed, tt.note)
			}
			if an.Entities == nil || an.Quotes == nil || an.Attributions == nil || an.Events == nil {
				t.Errorf("nil list in the result")
			}
			checkOffsets(t, an)
		})
	}
	t.Run("all capitals finds names", func(t *testing.T) {
		an := Article(dateline.Article{Text: caps}, m)
		if len(an.Entities) == 0 {
			t.Errorf("no entities in capitals")
		}
	})
}

// TestLongParagraphLinear analyses a 1 MB paragraph without punctuation
// and checks that four times the text takes about four times as long.
func TestLongParagraphLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("long input")
	}
	m := models(t)
	text := words(180000) // over 1 MB
	if len(text) < 1<<20 {
		t.Fatalf("text is %d bytes", len(text))
	}
	quarter := text[:len(text)/4]
	time1 := func(s string) time.Duration {
		start := time.Now()
		an := Article(dateline.Article{Text: s}, m)
		if !an.Analysed || len(an.Entities) == 0 {
			t.Errorf("%d bytes: analysed %v, %d entities", len(s), an.Analysed, len(an.Entities))
		}
		checkOffsets(t, an)
		return time.Since(start)
	}
	time1(quarter) // warm up
	q := time1(quarter)
	f := time1(text)
	t.Logf("1/4 MB %v, 1 MB %v (ratio %.1f)", q, f, float64(f)/float64(q))
	if f > 8*q+time.Second {
		t.Errorf("1 MB took %v, a quarter %v: not linear", f, q)
	}
}

func checkOffsets(t *testing.T, an dateline.Analysis) {
	t.Helper()
	runes := []rune(an.Text)
	for _, e := range an.Entities {
		for _, s := range e.Mentions {
			if s.Start < 0 || s.End > len(runes) || s.Start >= s.End || string(runes[s.Start:s.End]) != s.Text {
				t.Fatalf("%s: mention %q [%d,%d) does not index the text", e.Name, s.Text, s.Start, s.End)
			}
		}
	}
}

// FuzzArticle feeds arbitrary text and header fields to the analysis: it
// must not panic, and every mention must index the text.
func FuzzArticle(f *testing.F) {
	f.Add("US President Donald Trump met Russian President Vladimir Putin. “I may leave,” he told reporters.", "Trump, Putin Begin ‘Historic’ Summit", "Alaska")
	f.Add("Kremlin spokesperson Dmitry Peskov, the Kremlin's spokesman, said he would.", "", "MOSCOW")
	f.Add("\x00\xff He she HE, Mr. . , President", "President", ",,")
	f.Add("Jane Doe, chief executive of Acme Corp, is joined by aide John Roe and Foreign Minister X.", "A B C", "Paris, France")
	m, err := loadModels()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text, title, dl string) {
		an := Article(dateline.Article{Text: text, Title: title, Subtitle: title, Dateline: dl, Language: "en"}, m)
		checkOffsets(t, an)
	})
}
