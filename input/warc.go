package input

import (
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"

	"github.com/datelinehq/dateline/warc"
)

// walkWARC yields the pages of a WARC file: HTML, XHTML and text payloads
// of response records (HTTP 2xx) and resource records. Other records are
// skipped silently. A truncated or corrupt file yields the pages before the
// damage, then one error item for the file.
func (w *walker) walkWARC(name string, r io.Reader) error {
	wr := warc.NewReader(r)
	for {
		if err := w.ctx.Err(); err != nil {
			return err
		}
		rec, err := wr.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return w.fail(name, err)
		}
		it, ok, err := w.record(name, rec)
		var recErr *warc.RecordError
		switch {
		case errors.As(err, &recErr):
			return w.fail(name, recErr) // the file is damaged here: nothing after can be read
		case err != nil:
			err = w.fail(it.Source, err)
		case ok:
			err = w.send(it)
		}
		if err != nil {
			return err
		}
	}
}

// record reads the page in rec, if it holds one (ok). It refuses payloads
// over MaxBytes without reading them.
func (w *walker) record(name string, rec *warc.Record) (it Item, ok bool, err error) {
	it = Item{Source: name + "#" + rec.ID, URL: rec.TargetURI}
	if rec.ID == "" {
		it.Source = fmt.Sprintf("%s#%d", name, rec.Number)
	}
	max := w.opts.MaxBytes
	var payload io.Reader
	size := int64(-1) // the payload's size, when known before decoding
	switch rec.Type {
	case warc.TypeResponse:
		if !holdsHTTP(rec) {
			return it, false, nil // dns: and other non-HTTP captures
		}
		resp, err := warc.ReadResponse(rec.Body)
		if err != nil {
			return it, false, err
		}
		it.ContentType = resp.Header.Get("Content-Type")
		if resp.StatusCode/100 != 2 || !maybePage(it.ContentType) {
			return it, false, nil
		}
		if resp.Header.Get("Content-Encoding") == "" && resp.Header.Get("Transfer-Encoding") == "" {
			size = resp.BodyLength
		}
		if payload, err = resp.DecodedBody(); err != nil {
			return it, false, err
		}
	case warc.TypeResource:
		it.ContentType = rec.Header.Get("Content-Type")
		if !maybePage(it.ContentType) {
			return it, false, nil
		}
		payload, size = rec.Body, rec.ContentLength
	default:
		return it, false, nil
	}
	if size > max {
		return it, false, fmt.Errorf("%w: payload of %d bytes, over %d", ErrTooLarge, size, max)
	}
	body, err := readCapped(payload, max)
	if err != nil {
		return it, false, err
	}
	if typeUnknown(mediaType(it.ContentType)) && !pageTypes[sniffedType(body)] {
		return it, false, nil
	}
	it.Body = body
	return it, true, nil
}

// holdsHTTP reports whether a response record's block is an HTTP message:
// its Content-Type says so, or, when it has none, its target is an http(s)
// URL.
func holdsHTTP(rec *warc.Record) bool {
	ct := strings.ToLower(rec.Header.Get("Content-Type"))
	if ct != "" {
		return strings.HasPrefix(ct, "application/http")
	}
	u, err := url.Parse(rec.TargetURI)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https")
}

// maybePage reports whether a Content-Type names a page, or names nothing
// and leaves it to sniffing.
func maybePage(contentType string) bool {
	mt := mediaType(contentType)
	return pageTypes[mt] || typeUnknown(mt)
}
