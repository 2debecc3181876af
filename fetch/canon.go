package fetch

import (
	"errors"
	"fmt"
	"net/url"
	"path"
	"sort"
	"strings"
)

// trackingParams are query parameters that identify a campaign or a click,
// not a page; dropping them makes one article one URL. Sources: Google
// Analytics (utm_*, _ga, _gl, gclid and its kin), Meta (fbclid), Microsoft
// (msclkid), Mailchimp (mc_*), HubSpot (_hs*), Yandex (yclid), Instagram
// (igshid), X (twclid, ref_src), TikTok (ttclid), Marketo (mkt_tok), AT
// Internet (at_*), and the campaign codes of news sites (ocid, ncid, cmpid,
// ito, CMP).
var trackingParams = map[string]bool{
	"fbclid": true, "gclid": true, "gclsrc": true, "dclid": true, "gbraid": true, "wbraid": true,
	"msclkid": true, "mc_cid": true, "mc_eid": true, "yclid": true, "_ga": true, "_gl": true,
	"igshid": true, "twclid": true, "ttclid": true, "li_fat_id": true, "mkt_tok": true,
	"_hsenc": true, "_hsmi": true, "hsctatracking": true, "ref_src": true, "ref_url": true,
	"ocid": true, "ncid": true, "cmpid": true, "ito": true, "cmp": true, "smid": true,
	"at_medium": true, "at_campaign": true, "at_custom1": true, "at_custom2": true,
	"at_custom3": true, "at_custom4": true, "oly_anon_id": true, "oly_enc_id": true,
	"vero_id": true, "rb_clickid": true, "s_cid": true, "wt.mc_id": true, "__twitter_impression": true,
}

// ErrURL reports an address that cannot be fetched: not http(s), no host,
// unparseable.
var ErrURL = errors.New("not an http(s) URL")

// Canonical returns the form of an http(s) URL under which dateline
// records it: scheme and host in lower case, default port and fragment
// dropped, dot segments resolved, an empty path made "/", tracking
// parameters dropped and the rest sorted by name (stably, so repeated
// names keep their order). Two addresses of one page found in different
// feeds then compare equal.
func Canonical(raw string) (string, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return "", fmt.Errorf("canonical %q: %w: %v", raw, ErrURL, err)
	}
	u.Scheme = strings.ToLower(u.Scheme)
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", fmt.Errorf("canonical %q: %w", raw, ErrURL)
	}
	host := strings.TrimSuffix(strings.ToLower(u.Hostname()), ".")
	port := u.Port()
	if (u.Scheme == "http" && port == "80") || (u.Scheme == "https" && port == "443") {
		port = ""
	}
	if strings.Contains(host, ":") {
		host = "[" + host + "]"
	}
	if port != "" {
		host += ":" + port
	}
	u.Host = host
	u.Fragment, u.RawFragment = "", ""
	u.RawQuery = cleanQuery(u.RawQuery)
	u.ForceQuery = false
	p := u.EscapedPath()
	if p == "" {
		p = "/"
	}
	if strings.Contains(p, "/.") {
		clean := path.Clean(p)
		if strings.HasSuffix(p, "/") && clean != "/" {
			clean += "/"
		}
		p = clean
	}
	if err := u.UnmarshalBinary([]byte(u.Scheme + "://" + hostWithUser(u) + p + query(u.RawQuery))); err != nil {
		return "", fmt.Errorf("canonical %q: %w: %v", raw, ErrURL, err)
	}
	return u.String(), nil
}

func hostWithUser(u *url.URL) string {
	if u.User != nil {
		return u.User.String() + "@" + u.Host
	}
	return u.Host
}

func query(q string) string {
	if q == "" {
		return ""
	}
	return "?" + q
}

// cleanQuery drops tracking parameters and sorts the others by name. It
// works on the raw text so that the encoding of values is kept as sent.
func cleanQuery(raw string) string {
	if raw == "" {
		return ""
	}
	var kept []string
	for _, kv := range strings.FieldsFunc(raw, func(r rune) bool { return r == '&' || r == ';' }) {
		name, _, _ := strings.Cut(kv, "=")
		if n, err := url.QueryUnescape(name); err == nil {
			name = n
		}
		name = strings.ToLower(name)
		if trackingParams[name] || strings.HasPrefix(name, "utm_") {
			continue
		}
		kept = append(kept, kv)
	}
	sort.SliceStable(kept, func(i, j int) bool {
		a, _, _ := strings.Cut(kept[i], "=")
		b, _, _ := strings.Cut(kept[j], "=")
		return a < b
	})
	return strings.Join(kept, "&")
}
