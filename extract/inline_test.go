package extract

import (
	"strings"
	"testing"
)

// TestInlineButton keeps the text of a button set inside a sentence (a
// side-note launcher on a name), spaced from its neighbours, and drops
// the buttons that stand on their own.
func TestInlineButton(t *testing.T) {
	para := "<p>Machine learning has become a critical way most parts of AI are done, said MIT Sloan professor" +
		"<button class=\"sidenote-button\">Thomas W. Malone,</button> the founding director of the center, " +
		"in an interview with the school's reporters last spring about the field and its future.</p>"
	page := "<html><head><title>Machine learning, explained</title></head><body><article><h1>Machine learning, explained</h1>" +
		"<div><button>Share this article</button></div>" + strings.Repeat(para, 3) +
		"<p>Its own sentence here <button>Read more</button></p></article></body></html>"
	a, err := Page([]byte(page), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Text, "said MIT Sloan professor Thomas W. Malone, the founding director") {
		t.Errorf("inline button text lost or run together:\n%s", a.Text)
	}
	for _, junk := range []string{"Share this article", "Read more"} {
		if strings.Contains(a.Text, junk) {
			t.Errorf("button %q kept:\n%s", junk, a.Text)
		}
	}
}
