// Package quote finds who said what in an article: direct quotations
// with their speakers, and every attribution relation — a source, a cue
// and the content attributed, direct or reported — in the manner of the
// PolNeAR corpus (Newell, Margolin and Ruths, 2018, "An attribution
// relations corpus for political news").
//
// Quotations are found by rules over quotation marks; attribution
// relations by a trained two-pass labeller (see Model). The package also
// reads and scores PolNeAR-format directories (LoadPolNeAR, Score).
package quote
