package dateline

// Analysis is what the understanding stages find in an article's Text.
// Every offset is in Unicode code points into Article.Text (or, with
// `analyze --body`, into the input file), so that tools in any language
// can index the text without knowing Go's byte strings.
type Analysis struct {
	Article
	// Analysed is false when the text was not analysed (for example a
	// language the models do not cover); Note says why.
	Analysed     bool          `json:"analysed"`
	Note         string        `json:"note,omitempty"`
	Entities     []Entity      `json:"entities"`
	Quotes       []Quote       `json:"quotes"`
	Attributions []Attribution `json:"attributions"`
	Events       []Event       `json:"events"`
}

// Span is a stretch of the text: [Start, End) in code points.
type Span struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Entity is one person, organisation or place, with all its mentions.
type Entity struct {
	ID   string `json:"id"`
	Name string `json:"name"` // the fullest name the article gives
	Type string `json:"type"` // PERSON, ORG, PLACE, NORP, EVENT, MISC
	// Kind refines places: country, state, city, facility, region.
	Kind string `json:"kind,omitempty"`
	// Role is the title or office as the article gives it ("Secretary of
	// State"); Affiliation the country or organisation it belongs to.
	Role        string `json:"role,omitempty"`
	Affiliation string `json:"affiliation,omitempty"`
	// Country (ISO 3166-1 alpha-2) and coordinates for places found in
	// the gazetteer.
	Country  string   `json:"country,omitempty"`
	Lat      *float64 `json:"lat,omitempty"`
	Lon      *float64 `json:"lon,omitempty"`
	Mentions []Span   `json:"mentions"`
}

// Quote is a direct quotation and who said it.
type Quote struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	// Speaker is the Entity ID of the speaker, "" when unknown.
	Speaker     string `json:"speaker,omitempty"`
	SpeakerText string `json:"speaker_text,omitempty"`
	Cue         string `json:"cue,omitempty"`
	Partial     bool   `json:"partial"`
}

// Attribution is one PolNeAR-style attribution relation: a source, a cue
// and the content attributed, direct or reported.
type Attribution struct {
	Source  *AttrSource `json:"source,omitempty"`
	Cue     Span        `json:"cue"`
	Content AttrContent `json:"content"`
}

// AttrSource is the source span and, when resolved, its entity.
type AttrSource struct {
	Span
	Entity string `json:"entity,omitempty"`
}

// AttrContent is the attributed content; it may be split around the cue.
type AttrContent struct {
	Text  string   `json:"text"`
	Spans [][2]int `json:"spans"`
}

// Event is something that happened: a meeting, a visit, a delegation, a
// statement.
type Event struct {
	Kind         string   `json:"kind"` // meeting, visit, delegation, statement
	Trigger      Span     `json:"trigger"`
	Participants []string `json:"participants,omitempty"` // entity IDs
	Leader       string   `json:"leader,omitempty"`       // delegations
	Place        string   `json:"place,omitempty"`        // entity ID
	// When is the time as written; Date its resolution against the
	// publication date (YYYY-MM-DD) where it is relative.
	When string `json:"when,omitempty"`
	Date string `json:"date,omitempty"`
}
