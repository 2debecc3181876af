package pubdate

import (
	"golang.org/x/net/html"
)

// maxTextTokens bounds the free-text pass over one page.
const maxTextTokens = 200000

// Words that, just before a date, say which date it is ("Veröffentlicht
// am 23.12.2016", "Posted on", "Aktualisiert:"). Lower case, folded.
var (
	pubCues = []string{"veroffentlicht", "publiziert", "erstellt", "geschrieben", "gepostet", "geposted",
		"posted", "published", "publie", "publicado", "pubblicato", "erschienen", "datum", "date",
		"written", "created", "eingestellt", "verfasst", "online"}
	modCues = []string{"aktualisiert", "updated", "update", "geandert", "modified", "stand", "zuletzt",
		"bearbeitet", "revised", "actualizado", "last"}
)

// textPass scans the kept text nodes for dates written in prose, e.g.
// "Dieser Artikel wurde am 14. Dezember 2015 geschrieben".
func (c *collector) textPass() {
	var buf []token
	total := 0
	for _, ref := range c.texts {
		if total >= maxTextTokens {
			return
		}
		buf = tokenize(buf[:0], ref.n.Data, maxTextTokens-total)
		total += len(buf)
		for i := 0; i < len(buf); i++ {
			st, end, ok := matchDate(buf, i, c.dayFirst)
			if !ok {
				continue
			}
			cue := cueBefore(buf, i)
			if cue == cueNone && i < 3 {
				cue = cueInText(precedingText(ref.n))
			}
			trust := trustText
			mod := false
			switch cue {
			case cuePub:
				trust = trustTextCue
			case cueMod:
				trust = trustTextCue
				mod = true
			}
			c.cands = append(c.cands, cand{st: st, from: "text", trust: trust + placeBonus(ref.ctx) - contextPenalty(ref.ctx), mod: mod, shown: true, ctx: ref.ctx, order: ref.order})
			i = end - 1
		}
	}
}

const (
	cueNone = iota
	cuePub
	cueMod
)

// cueBefore looks at up to four words before toks[i] for a cue.
func cueBefore(toks []token, i int) int {
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		if toks[k].kind != tWord {
			continue
		}
		if c := cueWord(toks[k].s); c != cueNone {
			return c
		}
	}
	return cueNone
}

func cueWord(w string) int {
	if len(w) < 4 || len(w) > 20 {
		return cueNone
	}
	var buf [24]byte
	f := string(fold(buf[:], w))
	for _, p := range modCues {
		if len(f) >= len(p) && f[:len(p)] == p {
			return cueMod
		}
	}
	for _, p := range pubCues {
		if len(f) >= len(p) && f[:len(p)] == p {
			return cuePub
		}
	}
	return cueNone
}

// cueInText finds the last cue word in s.
func cueInText(s string) int {
	var buf [16]token
	toks := tokenize(buf[:0], s, 0)
	return cueBefore(toks, len(toks))
}

// precedingText returns the text just before n (its previous sibling's or
// its parent's previous sibling's), at most 64 bytes. It looks at a few
// nodes only, so that a page of many dates stays linear.
func precedingText(n *html.Node) string {
	for hops := 0; n != nil && hops < 3; hops++ {
		steps := 0
		for p := n.PrevSibling; p != nil && steps < 4; p, steps = p.PrevSibling, steps+1 {
			s := tailText(p, 64)
			if len(s) > 0 && hasLetter(s) {
				return s
			}
		}
		n = n.Parent
	}
	return ""
}

// tailText returns the last text node's data of n, cut to max bytes.
func tailText(n *html.Node, max int) string {
	for steps := 0; n != nil && steps < 16; steps++ {
		switch n.Type {
		case html.TextNode:
			s := n.Data
			if len(s) > max {
				s = s[len(s)-max:]
			}
			return s
		case html.ElementNode:
			n = n.LastChild
		default:
			return ""
		}
	}
	return ""
}

func hasLetter(s string) bool {
	for i := 0; i < len(s); i++ {
		if isASCIILetter(s[i]) || s[i] >= 0x80 {
			return true
		}
	}
	return false
}
