package input

import (
	"mime"
	"net/http"
	"strings"
)

// pageTypes are the media types read as pages. Plain text is included
// because dateline reads text files too.
var pageTypes = map[string]bool{
	"text/html":             true,
	"application/xhtml+xml": true,
	"text/plain":            true,
}

// mediaType returns the lower-case media type of a Content-Type value,
// without parameters; "" when there is none.
func mediaType(contentType string) string {
	if mt, _, err := mime.ParseMediaType(contentType); err == nil {
		return mt
	}
	mt, _, _ := strings.Cut(contentType, ";")
	return strings.ToLower(strings.TrimSpace(mt))
}

// typeUnknown reports whether a media type says nothing, so that the
// content must be sniffed.
func typeUnknown(mt string) bool {
	return mt == "" || mt == "application/octet-stream"
}

// sniffedType guesses the media type of content by the WHATWG sniffing
// rules (net/http.DetectContentType).
func sniffedType(body []byte) string {
	return mediaType(http.DetectContentType(body))
}
