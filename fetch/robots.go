package fetch

import (
	"bufio"
	"bytes"
	"strconv"
	"strings"
	"time"
)

// maxRobotsBytes is the part of a robots.txt file read: RFC 9309 §2.5 lets
// crawlers stop at 500 KiB.
const maxRobotsBytes = 500 << 10

// Robots is a parsed robots.txt file (RFC 9309, with the Crawl-delay and
// Sitemap extensions most sites use).
type Robots struct {
	groups   []robotsGroup
	sitemaps []string
}

// robotsGroup is the rules under one or more consecutive User-agent lines.
type robotsGroup struct {
	agents []string // lower case product tokens, "*" for all
	rules  []robotsRule
	delay  time.Duration // Crawl-delay; 0 when not given
}

type robotsRule struct {
	allow   bool
	pattern string // percent-encoding normalised
}

// Rules are the rules of a robots.txt that apply to one crawler.
type Rules struct {
	rules []robotsRule
	// Delay is the Crawl-delay asked of this crawler, 0 when none.
	Delay time.Duration
}

// allowAll and disallowAll stand for a missing robots.txt (RFC 9309 §2.3.1.3:
// 4xx means crawl freely) and an unreachable one (§2.3.1.4: 5xx or a network
// error means crawl nothing for now).
var (
	allowAll    = &Rules{}
	disallowAll = &Rules{rules: []robotsRule{{allow: false, pattern: "/"}}}
)

// ParseRobots reads a robots.txt file leniently: unknown lines, comments
// and rules before any User-agent are ignored, as RFC 9309 §2.2 asks.
func ParseRobots(data []byte) *Robots {
	if len(data) > maxRobotsBytes {
		data = data[:maxRobotsBytes]
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	r := &Robots{}
	var cur *robotsGroup
	inAgents := false // the previous line was a User-agent line
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 4096), maxRobotsBytes)
	for sc.Scan() {
		line, _, _ := strings.Cut(sc.Text(), "#")
		key, value, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		key = strings.ToLower(strings.TrimSpace(key))
		value = strings.TrimSpace(value)
		switch key {
		case "user-agent", "useragent", "user agent":
			if !inAgents {
				r.groups = append(r.groups, robotsGroup{})
				cur = &r.groups[len(r.groups)-1]
			}
			cur.agents = append(cur.agents, agentToken(value))
			inAgents = true
			continue
		case "allow", "disallow", "dissallow", "disalow":
			if cur != nil && value != "" {
				cur.rules = append(cur.rules, robotsRule{allow: key == "allow", pattern: normalizePattern(value)})
			}
		case "crawl-delay":
			if secs, err := strconv.ParseFloat(value, 64); cur != nil && err == nil && secs > 0 && secs < 86400 {
				cur.delay = time.Duration(secs * float64(time.Second))
			}
		case "sitemap":
			if value != "" {
				r.sitemaps = append(r.sitemaps, value)
			}
		}
		inAgents = false
	}
	return r
}

// agentToken reduces a User-agent value to its product token, lower case:
// "Googlebot/2.1 (+http://...)" is "googlebot".
func agentToken(v string) string {
	v = strings.ToLower(strings.TrimSpace(v))
	if i := strings.IndexAny(v, "/ \t"); i >= 0 {
		v = v[:i]
	}
	return v
}

// Sitemaps returns the Sitemap lines of the file, as written.
func (r *Robots) Sitemaps() []string { return r.sitemaps }

// For returns the rules for the crawler whose product token is agent: the
// groups naming it, merged, or else the "*" groups, merged (RFC 9309
// §2.2.1). With neither, everything is allowed.
func (r *Robots) For(agent string) *Rules {
	agent = agentToken(agent)
	var named, star Rules
	foundNamed, foundStar := false, false
	for _, g := range r.groups {
		for _, a := range g.agents {
			switch a {
			case agent:
				foundNamed = true
				named.rules = append(named.rules, g.rules...)
				named.Delay = max(named.Delay, g.delay)
			case "*":
				foundStar = true
				star.rules = append(star.rules, g.rules...)
				star.Delay = max(star.Delay, g.delay)
			default:
				continue
			}
			break
		}
	}
	switch {
	case foundNamed:
		return &named
	case foundStar:
		return &star
	}
	return allowAll
}

// Allowed reports whether a URL path (with its query, as sent on the
// request line) may be fetched. The rule with the longest matching pattern
// wins; between an Allow and a Disallow of the same length, Allow wins
// (RFC 9309 §2.2.2). /robots.txt itself is always allowed.
func (r *Rules) Allowed(pathQuery string) bool {
	if pathQuery == "" {
		pathQuery = "/"
	}
	if pathQuery == "/robots.txt" {
		return true
	}
	pathQuery = normalizePattern(pathQuery)
	best, allowed := -1, true
	for _, rule := range r.rules {
		if len(rule.pattern) < best || !matchPattern(rule.pattern, pathQuery) {
			continue
		}
		if len(rule.pattern) > best || rule.allow {
			best, allowed = len(rule.pattern), rule.allow
		}
	}
	return allowed
}

// matchPattern reports whether pattern matches a prefix of path; "*"
// matches any run of bytes and a final "$" anchors the end. It is the
// usual two-pointer wildcard match, linear in practice and O(len(p)·len(s))
// at worst, on inputs bounded by maxRobotsBytes and the URL length.
func matchPattern(pattern, path string) bool {
	anchored := strings.HasSuffix(pattern, "$")
	if anchored {
		pattern = pattern[:len(pattern)-1]
	}
	if !strings.Contains(pattern, "*") {
		if anchored {
			return path == pattern
		}
		return strings.HasPrefix(path, pattern)
	}
	if !anchored {
		pattern += "*"
	}
	p, s := 0, 0
	star, mark := -1, 0
	for s < len(path) {
		switch {
		case p < len(pattern) && pattern[p] == '*':
			star, mark = p, s
			p++
		case p < len(pattern) && pattern[p] == path[s]:
			p++
			s++
		case star >= 0:
			p = star + 1
			mark++
			s = mark
		default:
			return false
		}
	}
	for p < len(pattern) && pattern[p] == '*' {
		p++
	}
	return p == len(pattern)
}

// normalizePattern percent-encodes the bytes that URLs carry encoded
// (non-ASCII, blanks) and upper-cases existing escapes, so that a rule
// written with "é" matches a path sent as "%C3%A9" (RFC 9309 §2.2.2).
func normalizePattern(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]):
			b.WriteByte('%')
			b.WriteString(strings.ToUpper(s[i+1 : i+3]))
			i += 2
		case c >= 0x80 || c <= ' ':
			b.WriteString("%" + strings.ToUpper(strconv.FormatUint(uint64(c)|0x100, 16)[1:]))
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
