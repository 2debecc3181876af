package crawl

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/datelinehq/dateline/fetch"
	"golang.org/x/net/html"
)

// page fetches one pending item and hands it on. A page is handed on only
// under one URL: when it redirects to, or names as rel=canonical, a URL
// already seen, it is a duplicate and dropped.
func (c *crawler) page(ctx context.Context, it Item) result {
	resp, err := c.opts.Fetcher.Get(ctx, fetch.Request{URL: it.URL})
	if err != nil && ctx.Err() != nil {
		return result{item: it} // shutting down: it stays pending for the next run
	}
	// From here on the work is finished even during shutdown: a page
	// fetched is handled.
	ctx = context.WithoutCancel(ctx)
	if err != nil {
		return c.failed(ctx, it, err)
	}
	aliases := c.aliases(it, resp)
	if dup := c.duplicate(ctx, aliases); dup != "" {
		c.log.Debug("crawl: duplicate", "url", it.URL, "of", dup)
		c.done(ctx, it.URL)
		return result{item: it}
	}
	err = c.opts.Handle(ctx, Page{Item: it, URL: resp.URL, ContentType: resp.ContentType, Body: resp.Body, Fetched: resp.Fetched, Aliases: aliases})
	if errors.Is(err, ErrNotHandled) {
		c.log.Error("crawl: page left pending", "url", it.URL, "err", err)
		return result{item: it}
	}
	if err != nil {
		c.log.Warn("crawl: handling page", "url", it.URL, "err", err)
	}
	for _, alias := range aliases {
		if _, err := c.opts.State.See(ctx, alias); err != nil {
			c.log.Error("crawl: saving state", "url", alias, "err", err)
		}
	}
	c.done(ctx, it.URL)
	return result{item: it}
}

// aliases returns the other URLs a fetched page goes by: where its
// redirects ended and what its rel=canonical says.
func (c *crawler) aliases(it Item, resp *fetch.Response) []string {
	var out []string
	if final, err := fetch.Canonical(resp.URL); err == nil && final != it.URL {
		out = append(out, final)
	}
	if canon := canonicalLink(resp.Body, resp.URL); canon != "" && canon != it.URL && (len(out) == 0 || canon != out[0]) {
		out = append(out, canon)
	}
	return out
}

// duplicate returns the alias of the page that was seen before, if any.
// Aliases are only marked seen once the page is handed on, so that a page
// fetched but not handed on before a crash is not taken for its own
// duplicate after the restart.
func (c *crawler) duplicate(ctx context.Context, aliases []string) string {
	for _, alias := range aliases {
		if seen, err := c.opts.State.Seen(ctx, alias); err == nil && seen {
			return alias
		}
	}
	return ""
}

// failed records a failed fetch: a transient failure is retried later, up
// to MaxAttempts, anything else is given up.
func (c *crawler) failed(ctx context.Context, it Item, err error) result {
	var pe *fetch.PausedError
	if errors.As(err, &pe) { // nothing was sent: not an attempt
		it.NotBefore = pe.Until
		if serr := c.opts.State.Retry(ctx, it); serr == nil {
			return result{item: it, retry: true}
		}
	}
	it.Attempts++
	if it.Attempts < c.opts.MaxAttempts && transient(err) {
		wait := time.Minute << (it.Attempts - 1)
		var se *fetch.StatusError
		if errors.As(err, &se) && se.RetryAfter > 0 {
			wait = se.RetryAfter
		}
		it.NotBefore = time.Now().Add(wait)
		if serr := c.opts.State.Retry(ctx, it); serr == nil {
			c.log.Info("crawl: will retry", "url", it.URL, "err", err, "at", it.NotBefore)
			return result{item: it, retry: true}
		}
	}
	c.log.Warn("crawl: giving up", "url", it.URL, "attempts", it.Attempts, "err", err)
	if c.opts.Failed != nil {
		c.opts.Failed(it.URL, err)
	}
	c.done(ctx, it.URL)
	return result{item: it}
}

func (c *crawler) done(ctx context.Context, u string) {
	if err := c.opts.State.Done(ctx, u); err != nil {
		c.log.Error("crawl: saving state", "url", u, "err", err)
	}
}

// transient reports whether a failed fetch may succeed later: overload,
// server errors, network failures, robots.txt unreachable. Refusals by
// size, type, address or redirects, and client errors, will not change.
func transient(err error) bool {
	var se *fetch.StatusError
	if errors.As(err, &se) {
		return se.Code == http.StatusTooManyRequests || se.Code >= 500
	}
	for _, final := range []error{fetch.ErrTooLarge, fetch.ErrContentType, fetch.ErrRedirect, fetch.ErrPrivateAddress, fetch.ErrURL} {
		if errors.Is(err, final) {
			return false
		}
	}
	if errors.Is(err, fetch.ErrDisallowed) {
		return strings.Contains(err.Error(), "unavailable")
	}
	return true
}

// canonicalLink returns the canonical form of the page's
// <link rel="canonical">, or "" when it has none or names the site's root
// (sites that point every page at their home page would otherwise make all
// their articles duplicates of it).
func canonicalLink(body []byte, base string) string {
	z := html.NewTokenizer(bytes.NewReader(body[:min(len(body), 256<<10)]))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			if string(name) == "body" {
				return ""
			}
			if string(name) != "link" || !hasAttr {
				continue
			}
			var rel, href string
			for more := true; more; {
				var k, v []byte
				k, v, more = z.TagAttr()
				switch string(k) {
				case "rel":
					rel = strings.ToLower(string(v))
				case "href":
					href = string(v)
				}
			}
			if !strings.Contains(" "+rel+" ", " canonical ") || href == "" {
				continue
			}
			b, err := url.Parse(base)
			r, err2 := url.Parse(strings.TrimSpace(href))
			if err != nil || err2 != nil {
				return ""
			}
			u, err := fetch.Canonical(b.ResolveReference(r).String())
			if err != nil || strings.HasSuffix(u, "://"+hostKey(u)+"/") {
				return ""
			}
			return u
		}
	}
}
