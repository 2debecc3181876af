package quote

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// Pieces is a span that may be discontinuous: [start, end) pairs in code
// points, in text order. Brat joins such pieces with ';'.
type Pieces [][2]int

// Relation is one annotated attribution: a source (nil when the text
// gives none), a cue and the attributed content.
type Relation struct {
	Source, Cue, Content Pieces
}

// Doc is one annotated article: its text as code points and its
// attribution relations.
type Doc struct {
	Name      string
	Text      []rune
	Relations []Relation
}

// ErrNoDocs is returned when a directory holds no annotated article.
var ErrNoDocs = errors.New("no annotated articles")

// LoadPolNeAR reads a PolNeAR split: dir/text/<article>.txt beside
// dir/attributions/<article>_<annotator>.ann (brat standoff). Where an
// article has several annotators the first .ann in name order is used,
// so every run reads the same annotation. Documents come in name order.
func LoadPolNeAR(dir string) ([]Doc, error) {
	anns, err := filepath.Glob(filepath.Join(dir, "attributions", "*.ann"))
	if err != nil {
		return nil, fmt.Errorf("load polnear %s: %w", dir, err)
	}
	sort.Strings(anns)
	seen := map[string]bool{}
	var docs []Doc
	for _, ann := range anns {
		base := strings.TrimSuffix(filepath.Base(ann), ".ann")
		i := strings.LastIndexByte(base, '_')
		if i < 0 {
			continue
		}
		name := base[:i]
		if seen[name] {
			continue
		}
		seen[name] = true
		text, err := os.ReadFile(filepath.Join(dir, "text", name+".txt"))
		if err != nil {
			return nil, fmt.Errorf("load polnear %s: %w", name, err)
		}
		rels, err := readAnn(ann)
		if err != nil {
			return nil, fmt.Errorf("load polnear %s: %w", name, err)
		}
		docs = append(docs, Doc{Name: name, Text: []rune(string(text)), Relations: rels})
	}
	if len(docs) == 0 {
		return nil, fmt.Errorf("load polnear %s: %w", dir, ErrNoDocs)
	}
	return docs, nil
}

// readAnn parses the T and E lines of a brat file. T lines of the types
// Discuss and Discard, notes, and the continuation lines of multi-line
// span texts are skipped. Content2 (a second content span) joins Content.
func readAnn(path string) ([]Relation, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	spans := map[string]Pieces{}
	var events [][]string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64*1024), 4*1024*1024)
	for sc.Scan() {
		line := sc.Text()
		fields := strings.SplitN(line, "\t", 3)
		if len(fields) < 2 || len(fields[0]) < 2 {
			continue
		}
		switch fields[0][0] {
		case 'T':
			typ, ps, ok := parseSpan(fields[1])
			if ok && typ != "Discuss" && typ != "Discard" {
				spans[fields[0]] = ps
			}
		case 'E':
			events = append(events, strings.Fields(fields[1]))
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	var rels []Relation
	for _, args := range events {
		var r Relation
		for _, a := range args {
			role, id, ok := strings.Cut(a, ":")
			if !ok {
				continue
			}
			ps := spans[id]
			switch role {
			case "Source":
				r.Source = ps
			case "Cue":
				r.Cue = ps
			case "Content", "Content2":
				r.Content = append(r.Content, ps...)
			}
		}
		if len(r.Cue) == 0 && len(r.Content) == 0 {
			continue
		}
		sort.Slice(r.Content, func(i, j int) bool { return r.Content[i][0] < r.Content[j][0] })
		rels = append(rels, r)
	}
	return rels, nil
}

// parseSpan reads "Type 12 20;22 30".
func parseSpan(s string) (typ string, ps Pieces, ok bool) {
	typ, rest, ok := strings.Cut(s, " ")
	if !ok {
		return "", nil, false
	}
	for _, part := range strings.Split(rest, ";") {
		a, b, ok := strings.Cut(strings.TrimSpace(part), " ")
		if !ok {
			return "", nil, false
		}
		start, err1 := strconv.Atoi(a)
		end, err2 := strconv.Atoi(b)
		if err1 != nil || err2 != nil || end < start {
			return "", nil, false
		}
		ps = append(ps, [2]int{start, end})
	}
	return typ, ps, true
}
