package dedup

import (
	"net/url"
	"sort"
	"strings"
)

// trackingParams are query parameters that say how a reader arrived, not
// which page they read; they are dropped from URL keys.
var trackingParams = map[string]bool{
	"fbclid": true, "gclid": true, "dclid": true, "msclkid": true, "yclid": true,
	"mc_cid": true, "mc_eid": true, "igshid": true, "ref": true, "ref_src": true,
	"cmpid": true, "cmp": true, "ito": true, "ns_mchannel": true, "ns_source": true,
	"ns_campaign": true, "ns_linkname": true, "ns_fee": true, "share": true,
	"smid": true, "smtyp": true, "src": true, "output": true, "amp": true,
}

// URLKey normalises a URL into an identity key: lowercase scheme and host,
// no "www.", no default port, no fragment, no tracking parameters
// (utm_*, fbclid, ...), sorted query, no trailing slash, and "/amp" or
// "index.html" endings removed. http and https count as one. It returns ""
// for anything that is not an absolute http(s) URL.
func URLKey(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Host == "" {
		return ""
	}
	scheme := strings.ToLower(u.Scheme)
	if scheme != "http" && scheme != "https" {
		return ""
	}
	host := strings.ToLower(u.Hostname())
	host = strings.TrimPrefix(host, "www.")
	host = strings.TrimPrefix(host, "amp.")
	if p := u.Port(); p != "" && p != "80" && p != "443" {
		host += ":" + p
	}
	path := u.EscapedPath()
	for _, suffix := range []string{"/amp", "/index.html", "/index.htm", "/"} {
		path = strings.TrimSuffix(path, suffix)
	}
	q := u.Query()
	var keys []string
	for k := range q {
		lk := strings.ToLower(k)
		if strings.HasPrefix(lk, "utm_") || trackingParams[lk] {
			continue
		}
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var params []string
	for _, k := range keys {
		vs := q[k]
		sort.Strings(vs)
		for _, v := range vs {
			params = append(params, url.QueryEscape(k)+"="+url.QueryEscape(v))
		}
	}
	key := "url:" + host + path
	if len(params) > 0 {
		key += "?" + strings.Join(params, "&")
	}
	return key
}
