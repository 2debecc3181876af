// Package pos tags words with their part of speech: noun, proper noun,
// verb by form (base, past, present, participle, gerund), modal,
// adjective, adverb, preposition, "to", determiner, pronoun, wh-word,
// conjunction, number, particle, other (tags.go).
//
// The quote stage reads the tags: a verb's form and the words around
// it say much of whether it is a cue, and where a source's noun phrase
// or a content's clause starts and ends (package quote, lexicon.go).
//
// # How
//
// A greedy averaged perceptron, left to right over each sentence: the
// word, its suffixes and first letter, its shape, the words either side
// and the two tags before it. A text's distinct words are scored
// once each (tagger.go), so tagging costs little beside the stages that
// read it.
//
// # Measured
//
// Trained on the POS columns of GMB's train file (Voice of America news,
// tags mostly machine-made) and CoNLL-2003's eng.train (Reuters), with
// Penn Treebank tags mapped to this package's:
//
//	gmb/dev.conll         98.33% of 105,396 tokens
//	conll2003/eng.testa   94.92% of  51,362 tokens
//
// (CoNLL-2003's tags come from another tagger, with habits of its own;
// GMB dev is the closer measure of the tags' consistency.)
// TestAccuracy guards these figures. Speed: `GOMAXPROCS=1 go test ./pos
// -run '^$' -bench Tag`.
//
// # Rebuilding the model
//
// The model (model.bin.gz, about 0.9 MB, embedded) is trained by the
// project's own code from the shared corpus, deterministically (a fixed
// shuffling seed; rows written in key order):
//
//	go run ./cmd/dateline train pos   # writes pos/model.bin.gz, about 10 seconds
//
// The quote model reads these tags: retrain it after the tagger
// (go run ./cmd/dateline train quotes).
package pos
