package httpapi

import (
	"encoding/json"
	"errors"
	"net/http"

	"github.com/datelinehq/dateline"
)

// Errors of the API itself, beside the store's.
var (
	errNoRoute      = errors.New("no such endpoint")
	errMethod       = errors.New("method not allowed")
	errUnauthorized = errors.New("a valid token is required")
	errForbidden    = errors.New("ingestion is disabled on this server")
	errTooLarge     = errors.New("request body too large")
	errURLTooLong   = errors.New("query string too long")
	errBusy         = errors.New("too many requests in progress")
	errUnavailable  = errors.New("store unavailable")
	errInternal     = errors.New("internal error")
	errBadParam     = errors.New("bad parameter")
)

// errorStatus maps each error kind to its status and code, in the order
// they are tried with errors.Is.
var errorStatus = []struct {
	err    error
	status int
	code   string
}{
	{dateline.ErrNotFound, http.StatusNotFound, "not_found"},
	{dateline.ErrInvalid, http.StatusBadRequest, "invalid"},
	{errBadParam, http.StatusBadRequest, "invalid"},
	{errNoRoute, http.StatusNotFound, "no_route"},
	{errMethod, http.StatusMethodNotAllowed, "method_not_allowed"},
	{errUnauthorized, http.StatusUnauthorized, "unauthorized"},
	{errForbidden, http.StatusForbidden, "forbidden"},
	{errTooLarge, http.StatusRequestEntityTooLarge, "too_large"},
	{errURLTooLong, http.StatusRequestURITooLong, "uri_too_long"},
	{errBusy, http.StatusServiceUnavailable, "busy"},
	{errUnavailable, http.StatusServiceUnavailable, "unavailable"},
}

// ErrorBody is the JSON of every error response.
type ErrorBody struct {
	Error struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

// writeError answers with err's status; errors of no known kind are
// internal and their text is not shown to the client.
func writeError(w http.ResponseWriter, r *http.Request, err error) {
	var body ErrorBody
	status := http.StatusInternalServerError
	body.Error.Code, body.Error.Message = "internal", "internal error"
	var tooLarge *http.MaxBytesError
	if errors.As(err, &tooLarge) {
		err = errTooLarge
	}
	for _, e := range errorStatus {
		if errors.Is(err, e.err) {
			status, body.Error.Code, body.Error.Message = e.status, e.code, err.Error()
			break
		}
	}
	if errors.Is(err, errUnauthorized) {
		w.Header().Set("WWW-Authenticate", `Bearer realm="dateline"`)
	}
	writeJSON(w, status, body)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}
