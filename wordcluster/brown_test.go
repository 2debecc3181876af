package wordcluster

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

// TestBrownLossUpdates checks the O(1) incremental loss updates against
// mutual information recomputed from scratch after every step.
func TestBrownLossUpdates(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	words := strings.Fields("a b c d e f g h i j k l")
	var sents [][]string
	for range 200 {
		var s []string
		for range 10 {
			s = append(s, words[min(rng.IntN(len(words)), rng.IntN(len(words)))])
		}
		sents = append(sents, s)
	}
	checks := 0
	check := func(b *brown) {
		K := b.k
		mi := b.mutualInformation(-1, -1)
		for i := range K {
			for j := i + 1; j < K; j++ {
				if !b.active[i] || !b.active[j] {
					continue
				}
				checks++
				want := mi - b.mutualInformation(i, j)
				if got := b.loss[i*K+j]; math.Abs(got-want) > 1e-9 {
					t.Errorf("loss of merging %d and %d: got %g, want %g", i, j, got, want)
				}
			}
		}
	}
	clusterWords(sents, 4, 1, check)
	if checks == 0 {
		t.Fatal("no loss checked")
	}
}

// mutualInformation recomputes the mutual information between adjacent
// clusters from scratch, as if slots a and c (c >= 0) were merged.
func (b *brown) mutualInformation(a, c int) float64 {
	K := b.k
	p := append([]float64(nil), b.p...)
	pl := append([]float64(nil), b.pl...)
	pr := append([]float64(nil), b.pr...)
	if c >= 0 {
		for d := range K {
			p[a*K+d] += p[c*K+d]
		}
		for d := range K {
			p[d*K+a] += p[d*K+c]
		}
		pl[a] += pl[c]
		pr[a] += pr[c]
	}
	s := 0.0
	for i := range K {
		for j := range K {
			if b.active[i] && b.active[j] && i != c && j != c {
				s += qv(p[i*K+j], pl[i], pr[j])
			}
		}
	}
	return s
}

func TestBrownGroupsSimilarWords(t *testing.T) {
	var sents [][]string
	for _, subj := range []string{"the cat", "the dog", "a cat", "a dog", "the bird", "a bird"} {
		for _, verb := range []string{"runs", "sleeps", "eats", "walks"} {
			for _, end := range []string{"today", "now", "here"} {
				sents = append(sents, strings.Fields(subj+" "+verb+" "+end))
			}
		}
	}
	cl := Brown(sents, 3, 1)
	if cl["cat"] != cl["dog"] || cl["runs"] != cl["eats"] {
		t.Errorf("cat %v dog %v runs %v eats %v: want cat with dog, runs with eats", cl["cat"], cl["dog"], cl["runs"], cl["eats"])
	}
	if cl["cat"] == cl["runs"] {
		t.Errorf("cat and runs share cluster %v", cl["cat"])
	}
}
