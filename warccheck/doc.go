// Package warccheck checks, in a module of its own so that the main module
// does not depend on it, that the WARC files dateline writes are read by
// an independent implementation, nlnwa/gowarc, with strict validation and
// digest checks.
package warccheck
