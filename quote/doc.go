// Package quote finds who said what in an article: direct quotations
// with their speakers, and every attribution relation — a source, a cue
// and the content attributed, direct or reported — in the manner of the
// PolNeAR corpus (Newell, Margolin and Ruths, 2018, "An attribution
// relations corpus for political news").
//
// # How
//
// Model.Find takes the text, its sentences (package segment) and its
// entities, and derives none of them again. Attribution relations come
// from a trained labeller in two passes (Model): first the cues, tagged
// BIO over units — sentences joined where a quotation runs across them —
// then, for each cue, its source and content, tagged BIO among the tokens
// of the cue's unit (and of the next, when that opens with a quotation
// mark) with features that say where each token lies relative to that
// cue: side, distance, quotation marks, sentence ends and other cues in
// between. Both passes are linear-chain models trained by the averaged
// structured perceptron (Collins 2002). Rules add what the labeller,
// trained on running prose, misses: quotations signed after a dash
// ("” ― Jane Doe") and scare quotes named by a verb ("described by the
// White House as “historic”").
//
// Quotations are found by rules over quotation marks, straight or curly,
// in one pass: a paragraph that ends inside a quotation ends it there,
// unless the next paragraph reopens it (the continued-quote convention);
// unbalanced and nested marks degrade to shorter quotations, never to a
// panic or to quadratic time. A quotation's speaker is the source of the
// relation whose content covers it; sources are resolved to entities by
// overlap with a mention (persons first), pronouns by the speaker chain
// (the last person source within three sentences, else the last person
// mention that opens its sentence), role nouns ("the spokesperson") by
// the entities' roles.
//
// # Measured
//
// On PolNeAR dev (84 articles), exact match, `dateline eval quotes`:
// source F1 71.3, cue F1 68.0, content F1 52.8, direct-quote speaker
// accuracy 87.2. (Span pieces that only white space parts count as one
// piece, as brat's line-by-line selection splits them.) Published
// anchors (test split): BiLSTM-CRF 69.6/66.7/59.0, BERT-CRF
// 82.2/74.9/71.0.
//
// Speed, `GOMAXPROCS=1 go test ./quote -run XXX -bench Find`: about
// 1.5 ms CPU per 935-token article (≈ 600,000 tokens per CPU-second).
//
// # Rebuilding the model
//
// The model (model.bin.gz, about 2.7 MB, embedded) is trained by the
// project's own code from the shared corpus, deterministically (a fixed
// shuffling seed: the same corpus gives the same bytes), keeping the best
// of 12 epochs on dev:
//
//	GOMAXPROCS=1 go run ./cmd/dateline train quotes   # writes quote/model.bin.gz, under a minute
//	go run ./cmd/dateline eval quotes                 # scores it on quotes/polnear/dev
//
// The corpus is found through $DATELINE_CORPUS or ../shared/corpus
// (--corpus overrides); it is never copied into the repository.
//
// The package also reads and scores PolNeAR-format directories
// (LoadPolNeAR, Score, Evaluate).
package quote
