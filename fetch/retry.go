package fetch

import (
	"context"
	"errors"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// maxBackoff caps the wait between retries.
const maxBackoff = 5 * time.Minute

// retryAfter decides whether a failed attempt is tried again, and when.
// 429 and 503 with a Retry-After are retried once it has passed (the
// limiter holds the host until then); 5xx, 429 without Retry-After and
// network errors back off exponentially with jitter, and the host is held
// back as long so that other requests to it wait too. Refusals (robots,
// size, type, address, redirects) and 4xx are final.
func (f *Fetcher) retryAfter(ctx context.Context, err error, attempt int) (time.Duration, bool) {
	if f.opts.Retries < 0 || attempt >= f.opts.Retries || ctx.Err() != nil {
		return 0, false
	}
	for _, final := range []error{ErrDisallowed, ErrTooLarge, ErrContentType, ErrRedirect, ErrPrivateAddress, ErrURL, context.Canceled} {
		if errors.Is(err, final) {
			return 0, false
		}
	}
	var pe *PausedError
	if errors.As(err, &pe) {
		return 0, false
	}
	var se *StatusError
	if errors.As(err, &se) {
		switch se.Code {
		case http.StatusTooManyRequests, http.StatusServiceUnavailable:
			if se.RetryAfter > 0 {
				return 0, se.RetryAfter <= f.opts.MaxWait
			}
		case http.StatusInternalServerError, http.StatusBadGateway, http.StatusGatewayTimeout:
		default:
			return 0, false
		}
		wait := backoff(f.opts.BackoffBase, attempt)
		f.limit.pause(hostOf(se.URL), time.Now().Add(wait))
		return wait, true
	}
	return backoff(f.opts.BackoffBase, attempt), true
}

// backoff returns base·2^attempt, capped, with "equal jitter": half fixed,
// half random, so that clients that failed together do not retry together.
func backoff(base time.Duration, attempt int) time.Duration {
	d := base << min(attempt, 20)
	if d <= 0 || d > maxBackoff {
		d = maxBackoff
	}
	return d/2 + rand.N(d/2+1)
}

// parseRetryAfter reads a Retry-After value, delay-seconds or an HTTP date
// (RFC 9110 §10.2.3); 0 when absent or unreadable.
func parseRetryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if secs, err := strconv.Atoi(v); err == nil {
		if secs <= 0 {
			return 0
		}
		return time.Duration(min(secs, 86400)) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) {
		return min(t.Sub(now), 24*time.Hour)
	}
	return 0
}

// hostOf returns the host[:port] of a URL, as the limiter keys it.
func hostOf(rawURL string) string {
	rest, ok := strings.CutPrefix(rawURL, "https://")
	if !ok {
		rest, _ = strings.CutPrefix(rawURL, "http://")
	}
	host, _, _ := strings.Cut(rest, "/")
	host, _, _ = strings.Cut(host, "?")
	return host
}
