package quote

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/datelinehq/dateline/segment"
)

func TestZZRec(t *testing.T) {
	root := os.Getenv("DATELINE_CORPUS")
	docs, err := LoadPolNeAR(filepath.Join(root, os.Getenv("ZZSPLIT")))
	if err != nil {
		t.Skip(err)
	}
	m, _ := Load()
	type st struct{ gold, found, miss int }
	by := map[string]*st{}
	for _, d := range docs {
		v := newView(d.Text, segment.Split(string(d.Text)))
		pred := v.toRelations(m.relations(v))
		for _, g := range d.Relations {
			if len(g.Cue) == 0 {
				continue
			}
			// last word of cue (head verb often)
			ws := strings.Fields(strings.ToLower(string(d.Text[g.Cue[0][0]:g.Cue[0][1]])))
			if len(ws) == 0 {
				continue
			}
			w := ws[0]
			if by[w] == nil {
				by[w] = &st{}
			}
			by[w].gold++
			f := false
			for _, p := range pred {
				if overlap(p.Cue, g.Cue) > 0 {
					f = true
				}
			}
			if f {
				by[w].found++
			} else {
				by[w].miss++
			}
		}
	}
	type kv struct {
		w string
		s *st
	}
	var l []kv
	for w, s := range by {
		l = append(l, kv{w, s})
	}
	sort.Slice(l, func(i, j int) bool { return l[i].s.miss > l[j].s.miss })
	for _, x := range l[:40] {
		fmt.Printf("R %-12s gold %3d found %3d miss %3d\n", x.w, x.s.gold, x.s.found, x.s.miss)
	}
}
