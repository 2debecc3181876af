package pubdate

import "strings"

// classKind says what an element's class or id says about a date in it.
type classKind uint8

const (
	classNone classKind = iota
	classMeta           // post metadata or byline: may hold a date
	classDate           // a date or time
	classPub            // the publication date
	classMod            // the last-modified date
)

// What a fragment of a class name or id says, as bits.
const (
	wComment uint16 = 1 << iota
	wAside
	wFooter
	wArticle
	wHeader
	wPub
	wMod
	wDate
	wMeta
)

// classWords are the class and id fragments that matter, lower case, from
// WordPress and other common blog and news themes.
var classWords = []struct {
	frag string
	bits uint16
}{
	{"comment", wComment}, {"kommentar", wComment}, {"respond", wComment}, {"reply", wComment},
	{"disqus", wComment}, {"discussion", wComment}, {"antwort", wComment},

	{"sidebar", wAside}, {"widget", wAside}, {"related", wAside}, {"recent", wAside},
	{"navigation", wAside}, {"menu", wAside}, {"breadcrumb", wAside}, {"teaser", wAside},
	{"popular", wAside}, {"pagination", wAside}, {"similar", wAside}, {"newsticker", wAside},
	{"ticker", wAside},

	{"footer", wFooter},

	{"hentry", wArticle}, {"post", wArticle}, {"entry", wArticle}, {"article", wArticle},
	{"story", wArticle}, {"content", wArticle}, {"beitrag", wArticle}, {"artikel", wArticle},

	{"header", wHeader}, {"head", wHeader}, {"meta", wHeader | wMeta}, {"byline", wHeader | wMeta},
	{"info", wHeader | wMeta}, {"author", wMeta}, {"autor", wMeta},

	{"publish", wPub}, {"pubdate", wPub}, {"posted", wPub}, {"entry-date", wPub}, {"entry_date", wPub},
	{"post-date", wPub}, {"postdate", wPub}, {"post_date", wPub}, {"article-date", wPub},
	{"article_date", wPub}, {"created", wPub}, {"veroeffentlicht", wPub}, {"erstellt", wPub},

	{"updated", wMod}, {"modified", wMod}, {"aktualisiert", wMod}, {"lastmod", wMod},
	{"last-mod", wMod}, {"changed", wMod},

	{"date", wDate}, {"datum", wDate}, {"time", wDate}, {"zeit", wDate},
}

// classIndex lists classWords by first byte, with their second byte, so
// a class name is matched in one pass over its bytes.
var classIndex = func() (idx [256][]classEntry) {
	for i, w := range classWords {
		idx[w.frag[0]] = append(idx[w.frag[0]], classEntry{second: w.frag[1], word: uint8(i)})
	}
	return idx
}()

type classEntry struct {
	second byte  // the fragment's second byte
	word   uint8 // index in classWords
}

// classify reads an element's class and id. Each class name is read on
// its own; layout modifiers such as "with-sidebar", "has-comments" or
// "no-sidebars" describe the container, not what it holds, and are skipped.
func classify(class, id string) (flags uint16, kind classKind) {
	var bits uint16
	for len(class) > 0 {
		i := 0
		for i < len(class) && isClassSpace(class[i]) {
			i++
		}
		class = class[i:]
		j := 0
		for j < len(class) && !isClassSpace(class[j]) {
			j++
		}
		bits |= fragmentBits(class[:j])
		class = class[j:]
	}
	bits |= fragmentBits(strings.TrimSpace(id))
	if bits&wComment != 0 {
		flags |= cComment
	}
	if bits&wAside != 0 {
		flags |= cAside
	}
	if bits&wFooter != 0 {
		flags |= cFooter
	}
	if bits&wArticle != 0 {
		flags |= cArticle
	}
	if bits&wHeader != 0 {
		flags |= cHeader
	}
	switch {
	case bits&wPub != 0:
		kind = classPub
	case bits&wMod != 0:
		kind = classMod
	case bits&wDate != 0:
		kind = classDate
	case bits&wMeta != 0:
		kind = classMeta
	}
	return flags, kind
}

func lowerASCII(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

func isClassSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

// fragmentBits returns the bits of every classWords fragment in one class
// name (matched without regard to ASCII case).
func fragmentBits(tok string) uint16 {
	if tok == "" || len(tok) > 128 || isModifier(tok) {
		return 0
	}
	var bits uint16
	for i := 0; i+1 < len(tok); i++ {
		entries := classIndex[lowerASCII(tok[i])]
		if len(entries) == 0 {
			continue
		}
		c2 := lowerASCII(tok[i+1])
		for _, e := range entries {
			if e.second != c2 {
				continue
			}
			w := classWords[e.word]
			if len(tok)-i >= len(w.frag) && equalFoldASCII(tok[i:i+len(w.frag)], w.frag) {
				bits |= w.bits
			}
		}
	}
	return bits
}

// isModifier reports whether a class name is a layout modifier.
func isModifier(tok string) bool {
	for _, p := range [...]string{"with-", "has-", "no-", "without-", "not-"} {
		if len(tok) > len(p) && equalFoldASCII(tok[:len(p)], p) {
			return true
		}
	}
	return false
}

// trustForClass is the trust of a date in an element of the given kind.
func trustForClass(kind classKind, ctx uint16) int {
	t := 0
	switch kind {
	case classPub:
		t = trustClassPub
	case classMod:
		t = trustClassPub
	case classDate:
		t = trustClassDate
	case classMeta:
		t = trustClassMeta
	default:
		t = trustClassMeta
	}
	return t + placeBonus(ctx) - contextPenalty(ctx)
}

// contextPenalty lowers the trust of dates in comments, sidebars and
// footers outside the article.
func contextPenalty(ctx uint16) int {
	p := 0
	if ctx&cComment != 0 {
		p += 60
	}
	if ctx&cAside != 0 {
		p += 30
	}
	if ctx&cFooter != 0 && ctx&cArticle == 0 {
		p += 15
	}
	return p
}

// placeBonus raises dates in the article and its header.
func placeBonus(ctx uint16) int {
	b := 0
	if ctx&cHeader != 0 {
		b += 3
	}
	if ctx&cArticle != 0 {
		b += 3
	}
	return b
}
