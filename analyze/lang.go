package analyze

import (
	"strings"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/lang"
)

// Language returns the article's language (ISO 639-1, "und" when unknown)
// and whether it is English, the one language the models cover. The
// language extract found is trusted when it is not English; when it is
// English or absent the text is checked too, since pages often declare
// "en" whatever they hold (package lang: writing system, then stop
// words).
func Language(a dateline.Article) (string, bool) {
	declared := strings.ToLower(a.Language)
	if i := strings.IndexAny(declared, "-_"); i >= 0 {
		declared = declared[:i]
	}
	if declared != "" && declared != "en" {
		return declared, false
	}
	guess := lang.Detect(a.Text)
	if guess == "" {
		guess = "und"
	}
	switch {
	case guess == "en":
		return "en", true
	case guess == "und" && declared == "en":
		return "en", true
	case guess == "und":
		// Too little text to tell: analyse it as English.
		return "und", true
	}
	return guess, false
}
