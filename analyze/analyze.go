// Package analyze is the understanding stage of the pipeline: it reads an
// extracted article and finds who and what it is about (package entity)
// and, from the same sentences, tokens and entities, who said what and
// what happened (issue #4). `dateline analyze`, the ingest pipeline and
// the quotes work all call Article, so that they agree.
package analyze

import (
	"errors"
	"fmt"
	"sync"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/entity"
	"github.com/datelinehq/dateline/gazetteer"
	"github.com/datelinehq/dateline/ner"
	"github.com/datelinehq/dateline/quote"
)

// Stage is a later understanding stage — quotes, attributions, events: it
// reads the document the entity stage built (the same sentences, tokens
// and entities, never derived again) and adds its findings to the
// analysis. It must be safe to call from several goroutines.
type Stage func(d *entity.Doc, an *dateline.Analysis)

// Models are what analysis needs loaded: the ner tagger and the
// gazetteer, plus the later stages to run. Load once and share; they are
// read-only and safe for concurrent use.
type Models struct {
	entity.Models
	// Stages run in order after the entities are found.
	Stages []Stage
}

// Load loads the shipped ner model, gazetteer and quote model. They load
// side by side, since a one-page run spends most of its time here.
func Load() (*Models, error) {
	var (
		wg         sync.WaitGroup
		t          *ner.Tagger
		g          *gazetteer.Gazetteer
		q          *quote.Model
		tErr, gErr error
		qErr       error
	)
	wg.Go(func() { t, tErr = ner.Load() })
	wg.Go(func() { g, gErr = gazetteer.Load() })
	wg.Go(func() { q, qErr = quote.Load() })
	wg.Wait()
	if err := errors.Join(tErr, gErr, qErr); err != nil {
		return nil, fmt.Errorf("load analysis models: %w", err)
	}
	// Issue #4: quotes, attributions and events run as a stage.
	return &Models{Models: entity.Models{Tagger: t, Places: g}, Stages: []Stage{quoteStage(q)}}, nil
}

// Article analyses an article's Text (and its title, standfirst and
// dateline, for entities named only there). Articles not in English are
// returned with Analysed false and a Note naming the language, rather
// than with what English models would make of them. Every list of the
// result is non-nil, so that JSON shows [] rather than null.
func Article(a dateline.Article, m *Models) dateline.Analysis {
	an := dateline.Analysis{
		Article:      a,
		Entities:     []dateline.Entity{},
		Quotes:       []dateline.Quote{},
		Attributions: []dateline.Attribution{},
		Events:       []dateline.Event{},
	}
	lang, ok := Language(a)
	if an.Language == "" && lang != "und" {
		an.Language = lang
	}
	switch {
	case !ok:
		an.Note = "language " + lang + " not analysed"
		return an
	case !hasWords(a.Text):
		an.Note = "no text to analyse"
		return an
	}
	an.Analysed = true
	d := entity.Find(a.Text, entity.Header{Title: a.Title, Subtitle: a.Subtitle, Dateline: a.Dateline}, &m.Models)
	an.Entities = d.Entities

	// ---- Issue #4: quotes, attributions and events -------------------
	// They are found here, from d: its Parts[0] holds the text's
	// sentences and tokens (code-point offsets), the ner tags, and for
	// each token the mention and entity it belongs to (d.EntityAt);
	// d.Mentions include pronouns resolved to persons. Header parts
	// (title, subtitle) follow, for quotes in a standfirst. For example:
	//
	//	an.Quotes = quote.Find(d)
	//	an.Attributions = quote.Attributions(d)
	//	an.Events = event.Find(d, a.Published)
	for _, s := range m.Stages {
		s(d, &an)
	}
	// -------------------------------------------------------------------
	return an
}

func hasWords(s string) bool {
	for _, r := range s {
		if r > ' ' {
			return true
		}
	}
	return false
}
