package quote

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/datelinehq/dateline/segment"
)

func TestZZOv(t *testing.T) {
	root := os.Getenv("DATELINE_CORPUS")
	docs, err := LoadPolNeAR(filepath.Join(root, os.Getenv("ZZSPLIT")))
	if err != nil {
		t.Skip(err)
	}
	m, _ := Load()
	cnt := map[string]int{}
	for _, d := range docs {
		v := newView(d.Text, segment.Split(string(d.Text)))
		gk := map[string]bool{}
		for _, g := range d.Relations {
			gk[key(joinPieces(d.Text, g.Content))] = true
		}
		pred := v.toRelations(m.relations(v))
		role := func(r Relation, x int) Pieces {
			switch x {
			case 0:
				return r.Source
			case 1:
				return r.Cue
			}
			return r.Content
		}
		names := []string{"src", "cue", "cnt"}
		for i, p := range pred {
			for j, o := range pred {
				if i == j {
					continue
				}
				for a := 0; a < 3; a++ {
					for b := 0; b < 3; b++ {
						if a == 0 && b == 0 {
							continue
						}
						if overlap(role(p, a), role(o, b)) > 0 {
							if a == 2 && b == 0 || a == 2 && b == 2 {
								ss := func(p Pieces) string {
									out := ""
									for _, x := range p {
										out += "[" + string(d.Text[x[0]:x[1]]) + "]"
									}
									return out
								}
								fmt.Printf("EX %s/%s: %s|%s|%s gold=%v  ||| OTHER %s|%s|%s gold=%v\n", names[a], names[b], ss(p.Source), ss(p.Cue), ss(p.Content), gk[key(joinPieces(d.Text, p.Content))], ss(o.Source), ss(o.Cue), ss(o.Content), gk[key(joinPieces(d.Text, o.Content))])
							}
							cnt[fmt.Sprintf("%s of one in %s of other; contents gold %v/%v", names[a], names[b], gk[key(joinPieces(d.Text, p.Content))], gk[key(joinPieces(d.Text, o.Content))])]++
						}
					}
				}
			}
		}
	}
	for k, n := range cnt {
		fmt.Println(n, k)
	}
}
