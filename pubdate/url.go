package pubdate

import "strings"

// dateFromURL reads a date from the path of u. Many CMSs put the
// publication day in the path (/2016/12/23/slug, /2016-12-23-slug,
// /20161223/). Some put only the month (/2016/12/slug); that is not used:
// it is the folder the page was filed in, and pages are updated later.
func dateFromURL(u string) (stamp, bool) {
	path := urlPath(u)
	if path == "" {
		return stamp{}, false
	}
	var buf [64]token
	toks := tokenize(buf[:0], path, 256)
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.kind != tNum || (i > 0 && toks[i-1].kind == tNum) {
			continue
		}
		if t.n == 8 && !(i+1 < len(toks) && toks[i+1].kind == tNum) {
			if st, ok := compact(t.v); ok && boundary(toks, i-1) && boundary(toks, i+1) {
				return st, true
			}
			continue
		}
		if t.n <= 2 && boundary(toks, i-1) && i+4 < len(toks) {
			// 29-10-2021 or 29.10.2021
			sep := toks[i+1]
			if sep.kind == tPunct && (sep.s == "-" || sep.s == ".") && punctAt(toks, i+3, sep.s) {
				m, ok1 := numAt(toks, i+2, 1, 2)
				y, ok2 := numAt(toks, i+4, 4, 4)
				st := stamp{y: y, m: m, d: t.v}
				if ok1 && ok2 && boundary(toks, i+5) && st.valid() {
					return st, true
				}
			}
		}
		if t.n != 4 || !boundary(toks, i-1) || i+2 >= len(toks) {
			continue
		}
		sep := toks[i+1]
		if sep.kind != tPunct || (sep.s != "/" && sep.s != "-" && sep.s != "_" && sep.s != ".") {
			continue
		}
		m, ok := numAt(toks, i+2, 1, 2)
		if !ok {
			continue
		}
		if punctAt(toks, i+3, sep.s) {
			// The day ends the component, or has two digits: in
			// /2023/10/3-fragen the 3 belongs to the slug.
			if d, ok := numAt(toks, i+4, 1, 2); ok && boundary(toks, i+5) && (toks[i+4].n == 2 || i+5 >= len(toks) || toks[i+5].s == "/") {
				st := stamp{y: t.v, m: m, d: d}
				if st.valid() {
					return st, true
				}
			}
		}
	}
	return stamp{}, false
}

// boundary reports whether toks[i] ends a path component (or is outside).
func boundary(toks []token, i int) bool {
	if i < 0 || i >= len(toks) {
		return true
	}
	return toks[i].kind == tPunct
}

// urlPath returns the path and query of u, skipping the scheme and host.
// A Wayback Machine address (web.archive.org/web/<timestamp>/<url>) is
// read as the archived address: its time stamp is the capture date.
func urlPath(u string) string {
	for k := 0; k < 3; k++ {
		if i := strings.Index(u, "://"); i >= 0 {
			u = u[i+3:]
		}
		host, rest, _ := strings.Cut(u, "/")
		if !strings.HasSuffix(host, "archive.org") || !strings.HasPrefix(rest, "web/") {
			return "/" + rest
		}
		rest = rest[len("web/"):]
		if j := strings.IndexByte(rest, '/'); j >= 0 {
			u = rest[j+1:]
		} else {
			return ""
		}
	}
	return ""
}
