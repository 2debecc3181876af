package analyze

import "github.com/datelinehq/dateline"

// Article is Article(a, m) as a method, so that m.Article can be handed
// to the ingest pipeline (ingest.Options.Analyze) as it is.
func (m *Models) Article(a dateline.Article) dateline.Analysis {
	return Article(a, m)
}
