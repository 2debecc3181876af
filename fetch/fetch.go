package fetch

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/datelinehq/dateline/input"
)

// Options configures a Fetcher. The zero value is polite and usable.
type Options struct {
	// UserAgent replaces the whole User-Agent header; empty means
	// "dateline/0.1 (+https://github.com/datelinehq/dateline)" plus Contact.
	// Its product token is matched against robots.txt groups.
	UserAgent string
	// Contact is added to the default User-Agent (an e-mail address or a
	// URL) so that site owners can reach whoever runs the crawl.
	Contact string
	// HostRate is the most requests started per second to one host;
	// 0 means 1. A robots.txt Crawl-delay that asks for fewer wins.
	HostRate float64
	// HostConcurrency bounds requests in flight to one host; 0 means 2.
	HostConcurrency int
	// Concurrency bounds requests in flight in all; 0 means 32.
	Concurrency int
	// Timeout bounds one request, from dialling to the last body byte;
	// 0 means 30s.
	Timeout time.Duration
	// MaxBytes caps a response body, both as sent and once decompressed;
	// 0 means 16 MiB. A longer body is cut there and refused (ErrTooLarge).
	MaxBytes int64
	// MaxRedirects bounds a redirect chain; 0 means 10.
	MaxRedirects int
	// Retries is how often a failed request is tried again (network
	// errors, 5xx, 429); 0 means 3, negative means never.
	Retries int
	// BackoffBase is the wait before the first retry, doubled at each
	// further one (with jitter); 0 means 1s.
	BackoffBase time.Duration
	// MaxWait is the longest Retry-After waited out within one Get; a
	// longer one fails the Get with a StatusError carrying it, for the
	// caller to reschedule. 0 means 2 minutes.
	MaxWait time.Duration
	// RobotsTTL is how long a robots.txt is cached; 0 means 24h (RFC 9309
	// §2.4). An unreachable robots.txt is retried after a tenth of it, at
	// most 10 minutes.
	RobotsTTL time.Duration
	// IgnoreRobots skips robots.txt. For tests and for sites one owns.
	IgnoreRobots bool
	// AllowPrivate permits loopback, private, link-local and other
	// non-public addresses (input.RefusePrivate lists them). The check is
	// made on the address dialled, after DNS resolution, at every hop.
	AllowPrivate bool
	// Archive, when set, receives every request and response as WARC
	// records.
	Archive *Archive
	// Logger receives one debug line per request; nil discards.
	Logger *slog.Logger
}

// Defaults for the zero Options.
const (
	DefaultUserAgent = "dateline/0.1 (+https://github.com/datelinehq/dateline)"
	DefaultMaxBytes  = 16 << 20
	robotsToken      = "dateline"
)

func (o Options) withDefaults() Options {
	if o.UserAgent == "" {
		o.UserAgent = DefaultUserAgent
		if o.Contact != "" {
			o.UserAgent = strings.TrimSuffix(DefaultUserAgent, ")") + "; " + o.Contact + ")"
		}
	}
	if o.HostRate <= 0 {
		o.HostRate = 1
	}
	if o.HostConcurrency <= 0 {
		o.HostConcurrency = 2
	}
	if o.Concurrency <= 0 {
		o.Concurrency = 32
	}
	if o.Timeout <= 0 {
		o.Timeout = 30 * time.Second
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = DefaultMaxBytes
	}
	if o.MaxRedirects <= 0 {
		o.MaxRedirects = 10
	}
	if o.Retries == 0 {
		o.Retries = 3
	}
	if o.BackoffBase <= 0 {
		o.BackoffBase = time.Second
	}
	if o.MaxWait <= 0 {
		o.MaxWait = 2 * time.Minute
	}
	if o.RobotsTTL <= 0 {
		o.RobotsTTL = 24 * time.Hour
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	return o
}

// Errors callers branch on with errors.Is. Get's errors wrap one of these,
// a *StatusError, a context error, or a network error.
var (
	// ErrDisallowed: robots.txt forbids the URL, or could not be read
	// because its host failed (RFC 9309 says crawl nothing then).
	ErrDisallowed = errors.New("disallowed by robots.txt")
	// ErrTooLarge: the body, sent or decompressed, is over Options.MaxBytes.
	ErrTooLarge = errors.New("response too large")
	// ErrContentType: the body is not text (HTML, XML, JSON, plain text).
	ErrContentType = errors.New("unwanted content type")
	// ErrRedirect: a redirect loop, too many redirects, or a redirect to a
	// scheme other than http(s).
	ErrRedirect = errors.New("redirect refused")
	// ErrPrivateAddress: the host resolved to a non-public address and
	// Options.AllowPrivate is false.
	ErrPrivateAddress = input.ErrPrivateAddress
)

// StatusError is an HTTP status other than 2xx, 3xx redirects and 304.
type StatusError struct {
	URL  string
	Code int
	// RetryAfter is the server's Retry-After, 0 when it sent none.
	RetryAfter time.Duration
}

func (e *StatusError) Error() string {
	s := fmt.Sprintf("HTTP %d %s", e.Code, http.StatusText(e.Code))
	if e.RetryAfter > 0 {
		s += fmt.Sprintf(" (retry after %v)", e.RetryAfter)
	}
	return s
}

// Request is one page to fetch.
type Request struct {
	URL string
	// ETag and LastModified are the validators of the copy already held;
	// when set they are sent as If-None-Match and If-Modified-Since, and a
	// 304 answer yields a Response with NotModified.
	ETag, LastModified string

	anyType bool // robots.txt: whatever the server calls it
}

// Response is a fetched page.
type Response struct {
	// URL is the address that answered, after redirects.
	URL string
	// Status is the HTTP status code: 2xx, or 304 with NotModified.
	Status int
	Header http.Header
	// ContentType is the Content-Type header as sent.
	ContentType string
	// Body is the payload, decompressed; nil when NotModified.
	Body []byte
	// NotModified is set when the server answered 304 to a conditional
	// request.
	NotModified bool
	// ETag and LastModified are the validators to send next time.
	ETag, LastModified string
	// Fetched is when the response arrived.
	Fetched time.Time
}

// Fetcher fetches politely. It is safe for concurrent use; share one per
// process so that its limits hold across all the work.
type Fetcher struct {
	opts   Options
	client *http.Client
	limit  *limiter
	robots *robotsCache
}

// New returns a Fetcher.
func New(opts Options) *Fetcher {
	opts = opts.withDefaults()
	f := &Fetcher{opts: opts}
	f.client = newClient(opts)
	// Requests are spaced 5% wider than the rate asks: what a server sees
	// is arrival times, which jitter by some milliseconds against sending
	// times, and a site counting requests per second must never count one
	// too many.
	interval := time.Duration(1.05 * float64(time.Second) / opts.HostRate)
	f.limit = newLimiter(opts.Concurrency, opts.HostConcurrency, interval)
	f.robots = newRobotsCache(f)
	return f
}

// UserAgent returns the User-Agent header the Fetcher sends.
func (f *Fetcher) UserAgent() string { return f.opts.UserAgent }

// Close releases idle connections. It does not close the Archive.
func (f *Fetcher) Close() { f.client.CloseIdleConnections() }

// newClient returns the HTTP client: no proxy (one would connect past the
// address check, and a library does not read the environment), no
// automatic redirects (each hop is checked against robots.txt and the
// limits), no transparent decompression (bodies are archived as sent and
// decompressed under a cap).
func newClient(o Options) *http.Client {
	dialer := &net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}
	if !o.AllowPrivate {
		dialer.Control = input.RefusePrivate
	}
	return &http.Client{
		Transport: &http.Transport{
			DialContext:            dialer.DialContext,
			ForceAttemptHTTP2:      true,
			TLSHandshakeTimeout:    10 * time.Second,
			MaxResponseHeaderBytes: 1 << 20,
			IdleConnTimeout:        30 * time.Second,
			MaxIdleConnsPerHost:    o.HostConcurrency,
			DisableCompression:     true,
		},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
}

// Get fetches req.URL, following redirects, obeying robots.txt and the
// limits, and retrying what is worth retrying. Get does not canonicalise
// the URL: callers do (see Canonical), as they also record what was seen.
func (f *Fetcher) Get(ctx context.Context, req Request) (*Response, error) {
	for attempt := 0; ; attempt++ {
		resp, err := f.follow(ctx, req, true)
		if err == nil {
			return resp, nil
		}
		wait, again := f.retryAfter(ctx, err, attempt)
		if !again {
			return nil, fmt.Errorf("fetch %s: %w", req.URL, err)
		}
		f.opts.Logger.Debug("fetch: retrying", "url", req.URL, "attempt", attempt+1, "wait", wait, "err", err)
		if err := sleep(ctx, wait); err != nil {
			return nil, fmt.Errorf("fetch %s: %w", req.URL, err)
		}
	}
}

// follow fetches a URL and the redirects it leads to, checking each hop
// against robots.txt when robots is true.
func (f *Fetcher) follow(ctx context.Context, req Request, robots bool) (*Response, error) {
	target := req.URL
	visited := map[string]bool{}
	for hop := 0; ; hop++ {
		u, err := url.Parse(target)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			if hop > 0 {
				return nil, fmt.Errorf("%w: to %q", ErrRedirect, target)
			}
			return nil, fmt.Errorf("%w: %q", ErrURL, target)
		}
		if robots && !f.opts.IgnoreRobots {
			if err := f.robots.check(ctx, u); err != nil {
				return nil, err
			}
		}
		resp, next, err := f.once(ctx, u, req)
		if err != nil || next == "" {
			return resp, err
		}
		visited[target] = true
		switch {
		case visited[next]:
			return nil, fmt.Errorf("%w: loop back to %s", ErrRedirect, next)
		case hop+1 > f.opts.MaxRedirects:
			return nil, fmt.Errorf("%w: more than %d redirects", ErrRedirect, f.opts.MaxRedirects)
		}
		target = next
	}
}
