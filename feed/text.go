package feed

import (
	"html"
	"net/url"
	"strings"
)

// cleanText turns a title as feeds write it into plain text: tags removed
// (an HTML title escaped once arrives here as markup), entities decoded
// (a title escaped twice still holds them), white space collapsed.
func cleanText(s string) string {
	if strings.ContainsRune(s, '<') {
		s = stripTags(s)
	}
	if strings.ContainsRune(s, '&') {
		s = html.UnescapeString(s)
	}
	return strings.Join(strings.Fields(s), " ")
}

// stripTags drops everything between '<' and the next '>'.
func stripTags(s string) string {
	var b strings.Builder
	in := false
	for _, r := range s {
		switch {
		case r == '<':
			in = true
		case r == '>' && in:
			in = false
			b.WriteByte(' ')
		case !in:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// resolve makes ref absolute against base. It returns "" for references
// that are not http(s) links once resolved (mailto:, javascript:, junk),
// since nothing downstream can fetch them.
func resolve(base, ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return ""
	}
	u, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	if b, err := url.Parse(strings.TrimSpace(base)); err == nil && base != "" {
		u = b.ResolveReference(u)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	return u.String()
}

// withBase returns the base in force inside n: its xml:base resolved
// against the outer base.
func withBase(base string, n *node) string {
	for _, a := range n.attrs {
		if a.Name.Local == "base" && (a.Name.Space == "xml" || a.Name.Space == "http://www.w3.org/XML/1998/namespace") {
			if r := resolve(base, a.Value); r != "" {
				return r
			}
		}
	}
	return base
}
