package fetch

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/http/httptrace"
	"net/url"
	"strings"
	"time"

	"github.com/datelinehq/dateline/warc"
)

// once makes one HTTP request, in its turn. It returns the response, or
// the next URL when the answer is a redirect.
func (f *Fetcher) once(ctx context.Context, u *url.URL, req Request) (*Response, string, error) {
	release, err := f.limit.acquire(ctx, u.Host, f.opts.MaxWait)
	if err != nil {
		return nil, "", err
	}
	defer release()
	ctx, cancel := context.WithTimeout(ctx, f.opts.Timeout)
	defer cancel()

	var remote string
	ctx = httptrace.WithClientTrace(ctx, &httptrace.ClientTrace{
		GotConn: func(c httptrace.GotConnInfo) { remote = c.Conn.RemoteAddr().String() },
	})
	hreq, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, "", fmt.Errorf("%w: %v", ErrURL, err)
	}
	hreq.Header.Set("User-Agent", f.opts.UserAgent)
	hreq.Header.Set("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,application/rss+xml,application/atom+xml,application/feed+json,application/json;q=0.8,text/plain;q=0.5,*/*;q=0.1")
	hreq.Header.Set("Accept-Encoding", "gzip, deflate")
	if req.ETag != "" {
		hreq.Header.Set("If-None-Match", req.ETag)
	}
	if req.LastModified != "" {
		hreq.Header.Set("If-Modified-Since", req.LastModified)
	}
	start := time.Now()
	hresp, err := f.client.Do(hreq)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return nil, "", err
	}
	defer hresp.Body.Close()
	if hresp.ContentLength > f.opts.MaxBytes {
		return nil, "", fmt.Errorf("%w: Content-Length %d, over %d", ErrTooLarge, hresp.ContentLength, f.opts.MaxBytes)
	}
	raw, err := readCapped(hresp.Body, f.opts.MaxBytes)
	if err != nil {
		return nil, "", err
	}
	f.opts.Logger.Debug("fetch", "url", u.String(), "status", hresp.StatusCode, "bytes", len(raw), "took", time.Since(start))
	if a := f.opts.Archive; a != nil {
		if err := a.record(hreq, hresp, raw, remote, start); err != nil {
			f.opts.Logger.Warn("fetch: archiving", "url", u.String(), "err", err)
		}
	}
	return f.answer(u, hresp, raw, req.anyType)
}

// answer interprets a response whose body has been read.
func (f *Fetcher) answer(u *url.URL, hresp *http.Response, raw []byte, anyType bool) (*Response, string, error) {
	code := hresp.StatusCode
	resp := &Response{
		URL: u.String(), Status: code, Header: hresp.Header, ContentType: hresp.Header.Get("Content-Type"),
		ETag: hresp.Header.Get("ETag"), LastModified: hresp.Header.Get("Last-Modified"), Fetched: time.Now(),
	}
	switch {
	case code == http.StatusNotModified:
		resp.NotModified = true
		return resp, "", nil
	case code == 301 || code == 302 || code == 303 || code == 307 || code == 308:
		loc := hresp.Header.Get("Location")
		next, err := u.Parse(loc)
		if loc == "" || err != nil {
			return nil, "", fmt.Errorf("%w: HTTP %d with bad Location %q", ErrRedirect, code, loc)
		}
		next.Fragment = ""
		return nil, next.String(), nil
	case code/100 != 2:
		se := &StatusError{URL: u.String(), Code: code, RetryAfter: parseRetryAfter(hresp.Header.Get("Retry-After"), time.Now())}
		if se.RetryAfter > 0 && (code == http.StatusTooManyRequests || code == http.StatusServiceUnavailable) {
			f.limit.pause(u.Host, time.Now().Add(se.RetryAfter))
		}
		return nil, "", se
	}
	body, err := decodeBody(raw, hresp.Header, u.Path, f.opts.MaxBytes)
	if err != nil {
		return nil, "", err
	}
	if mt := mediaType(resp.ContentType); !anyType && !isText(mt, body) {
		return nil, "", fmt.Errorf("%w: %s", ErrContentType, mt)
	}
	resp.Body = body
	return resp, "", nil
}

// readCapped reads r to its end, or fails with ErrTooLarge after max bytes
// without reading much further.
func readCapped(r io.Reader, max int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, fmt.Errorf("reading body: %w", err)
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("%w: body over %d bytes", ErrTooLarge, max)
	}
	return data, nil
}

// decodeBody undoes the Content-Encoding, and the gzip of a .gz file sent
// as such (sitemap.xml.gz), reading at most max decoded bytes: a small
// body that inflates past the cap (a decompression bomb) is refused.
func decodeBody(raw []byte, h http.Header, path string, max int64) ([]byte, error) {
	enc := strings.Join(h.Values("Content-Encoding"), ",")
	mt := mediaType(h.Get("Content-Type"))
	if (mt == "application/gzip" || mt == "application/x-gzip" || strings.HasSuffix(path, ".gz")) &&
		bytes.HasPrefix(raw, []byte{0x1f, 0x8b}) && !strings.Contains(enc, "gzip") {
		enc += ",gzip"
	}
	enc = strings.Trim(enc, ", ")
	if enc == "" || strings.EqualFold(enc, "identity") {
		return raw, nil
	}
	r, err := warc.DecodeContent(bytes.NewReader(raw), enc)
	if err != nil {
		return nil, fmt.Errorf("decoding body: %w", err)
	}
	body, err := readCapped(r, max)
	if errors.Is(err, ErrTooLarge) {
		return nil, fmt.Errorf("%w: %d bytes decompress past %d", ErrTooLarge, len(raw), max)
	}
	return body, err
}

// mediaType returns the lower-case media type of a Content-Type value.
func mediaType(contentType string) string {
	if mt, _, err := mime.ParseMediaType(contentType); err == nil {
		return mt
	}
	mt, _, _ := strings.Cut(contentType, ";")
	return strings.ToLower(strings.TrimSpace(mt))
}

// isText reports whether a body of the media type is one dateline reads:
// HTML, XML (feeds, sitemaps), JSON (JSON Feed) or plain text. Untyped and
// gzip bodies are sniffed by the WHATWG rules.
func isText(mt string, body []byte) bool {
	switch {
	case strings.HasPrefix(mt, "text/"), strings.HasSuffix(mt, "+xml"), strings.HasSuffix(mt, "+json"),
		mt == "application/xml", mt == "application/json", mt == "application/xhtml+xml":
		return true
	case mt == "", mt == "application/octet-stream", mt == "binary/octet-stream", mt == "application/gzip", mt == "application/x-gzip":
		return strings.HasPrefix(http.DetectContentType(body), "text/")
	}
	return false
}
