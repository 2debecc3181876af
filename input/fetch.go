package input

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Bounds on one fetch.
const (
	fetchTimeout = 30 * time.Second // from dialling to the last byte of the body
	dialTimeout  = 10 * time.Second
	maxRedirects = 10
)

// errRedirect reports a redirect chain that was refused.
var errRedirect = errors.New("redirect refused")

func isURL(arg string) bool {
	s := strings.ToLower(arg)
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")
}

// fetch reads one http(s) URL as a page.
func (w *walker) fetch(rawURL string) error {
	it, err := w.get(rawURL)
	if err != nil {
		return w.fail(rawURL, err)
	}
	return w.send(it)
}

func (w *walker) get(rawURL string) (Item, error) {
	req, err := http.NewRequestWithContext(w.ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return Item{}, err
	}
	if req.URL.Host == "" {
		return Item{}, errors.New("URL has no host")
	}
	req.Header.Set("User-Agent", w.opts.UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,*/*;q=0.1")
	resp, err := w.httpClient().Do(req)
	if err != nil {
		return Item{}, fetchError(rawURL, err)
	}
	defer resp.Body.Close()
	it := Item{Source: rawURL, URL: resp.Request.URL.String(), ContentType: resp.Header.Get("Content-Type")}
	if resp.StatusCode/100 != 2 {
		return Item{}, fmt.Errorf("HTTP %s", resp.Status)
	}
	mt := mediaType(it.ContentType)
	if !typeUnknown(mt) && !pageTypes[mt] {
		return Item{}, fmt.Errorf("%w (%s)", ErrNotPage, mt)
	}
	max := w.opts.MaxBytes
	if resp.ContentLength > max {
		return Item{}, fmt.Errorf("%w: Content-Length %d, over %d", ErrTooLarge, resp.ContentLength, max)
	}
	// The transport has undone any gzip coding it asked for; the cap
	// applies to the decoded bytes, which bounds a decompression bomb.
	body, err := readCapped(resp.Body, max)
	if err != nil {
		return Item{}, fmt.Errorf("reading body: %w", err)
	}
	if typeUnknown(mt) {
		if st := sniffedType(body); !pageTypes[st] {
			return Item{}, fmt.Errorf("%w (%s, sniffed)", ErrNotPage, st)
		}
	}
	it.Body = body
	return it, nil
}

// httpClient returns the walk's client, made on first use. It does not use
// a proxy: one would connect on our behalf, past the address check, and a
// library does not read the environment.
func (w *walker) httpClient() *http.Client {
	if w.client != nil {
		return w.client
	}
	dialer := &net.Dialer{Timeout: dialTimeout, KeepAlive: 30 * time.Second}
	if !w.opts.AllowPrivate {
		dialer.Control = refusePrivate
	}
	w.client = &http.Client{
		Transport: &http.Transport{
			DialContext:            dialer.DialContext,
			ForceAttemptHTTP2:      true,
			TLSHandshakeTimeout:    dialTimeout,
			MaxResponseHeaderBytes: 1 << 20,
			IdleConnTimeout:        30 * time.Second,
		},
		Timeout:       fetchTimeout,
		CheckRedirect: checkRedirect,
	}
	return w.client
}

// checkRedirect follows at most maxRedirects redirects, to http(s) only,
// and stops at the first loop.
func checkRedirect(req *http.Request, via []*http.Request) error {
	if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
		return fmt.Errorf("%w: redirect to a %s: URL", errRedirect, req.URL.Scheme)
	}
	next := req.URL.String()
	for _, v := range via {
		if v.URL.String() == next {
			return fmt.Errorf("%w: redirect loop back to %s", errRedirect, next)
		}
	}
	if len(via) >= maxRedirects {
		return fmt.Errorf("%w: stopped after %d redirects", errRedirect, maxRedirects)
	}
	return nil
}

// fetchError makes an error of http.Client.Do fit on one line after the
// URL: it drops the `Get "URL":` wrapper, keeps the URL when a redirect led
// elsewhere, and puts an address refusal plainly.
func fetchError(source string, err error) error {
	var ue *url.Error
	if !errors.As(err, &ue) {
		return err
	}
	inner := ue.Err
	if errors.Is(inner, errRedirect) {
		return inner
	}
	var ae *addrError
	if errors.As(inner, &ae) {
		inner = ae
	}
	if ue.URL != source {
		return fmt.Errorf("fetching %s: %w", ue.URL, inner)
	}
	return inner
}
