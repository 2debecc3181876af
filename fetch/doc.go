// Package fetch is dateline's polite HTTP client. It is on by default for
// everything dateline downloads, because news sites are other people's
// servers: it obeys robots.txt, names itself, spaces its requests to each
// host, backs off when told to or when a host fails, asks only for what
// changed, and refuses to be pointed at the machine it runs on or its
// private network.
//
// It also bounds what it accepts (redirects, time, bytes before and after
// decompression, content types) and can record every exchange in WARC
// files (see Archive). URL canonicalisation, used to recognise a page
// under its many addresses, lives here too (see Canonical).
package fetch
