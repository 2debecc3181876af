package analyze

import (
	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/entity"
	"github.com/datelinehq/dateline/event"
	"github.com/datelinehq/dateline/quote"
)

// quoteStage finds quotes, attributions and events (issue #4) from the
// text's sentences and entities as the entity stage left them.
func quoteStage(q *quote.Model) Stage {
	return func(d *entity.Doc, an *dateline.Analysis) {
		p := d.Parts[0]
		an.Quotes, an.Attributions = q.Find(p.Runes, p.Sentences, d.Entities)
		an.Events = event.Find(p.Runes, p.Sentences, d.Entities, an.Attributions, an.Published)
	}
}
