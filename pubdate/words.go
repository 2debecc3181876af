package pubdate

// Month names and abbreviations in the languages the corpus and its
// neighbours use (English, German, French, Spanish, Italian, Dutch,
// Portuguese), lower case with diacritics folded (see fold). Short
// abbreviations that are also common words elsewhere ("set", "ago", "gen")
// are left out on purpose.
var monthNames = map[string]int{
	// English
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
	"july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
	"sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
	// German (with Austrian Jänner/Feber)
	"januar": 1, "janner": 1, "februar": 2, "feber": 2, "marz": 3, "maerz": 3, "mrz": 3,
	"mai": 5, "juni": 6, "juli": 7, "oktober": 10, "okt": 10, "dezember": 12, "dez": 12,
	// French
	"janvier": 1, "janv": 1, "fevrier": 2, "fevr": 2, "fev": 2, "mars": 3, "avril": 4,
	"avr": 4, "juin": 6, "juillet": 7, "juil": 7, "aout": 8, "septembre": 9,
	"octobre": 10, "novembre": 11, "decembre": 12,
	// Spanish
	"enero": 1, "ene": 1, "febrero": 2, "marzo": 3, "abril": 4, "abr": 4, "mayo": 5,
	"junio": 6, "julio": 7, "agosto": 8, "septiembre": 9, "setiembre": 9,
	"octubre": 10, "noviembre": 11, "diciembre": 12, "dic": 12,
	// Italian
	"gennaio": 1, "febbraio": 2, "aprile": 4, "maggio": 5, "giugno": 6, "luglio": 7,
	"settembre": 9, "ottobre": 10, "dicembre": 12,
	// Dutch
	"januari": 1, "februari": 2, "maart": 3, "mrt": 3, "mei": 5, "augustus": 8,
	// Portuguese
	"janeiro": 1, "fevereiro": 2, "marco": 3, "maio": 5, "junho": 6, "julho": 7,
	"setembro": 9, "outubro": 10, "novembro": 11, "dezembro": 12,
}

// Russian month names in the genitive ("15 августа 2016") and the
// nominative, looked up as written (lower case).
var cyrillicMonths = map[string]int{
	"января": 1, "февраля": 2, "марта": 3, "апреля": 4, "мая": 5, "июня": 6,
	"июля": 7, "августа": 8, "сентября": 9, "октября": 10, "ноября": 11, "декабря": 12,
	"январь": 1, "февраль": 2, "март": 3, "апрель": 4, "май": 5, "июнь": 6,
	"июль": 7, "август": 8, "сентябрь": 9, "октябрь": 10, "ноябрь": 11, "декабрь": 12,
}

// Time zone abbreviations seen after times in news pages, as minutes east
// of UTC.
var zoneNames = map[string]int{
	"utc": 0, "gmt": 0, "z": 0, "wet": 0,
	"bst": 60, "cet": 60, "mez": 60, "west": 60,
	"cest": 120, "mesz": 120, "eet": 120, "eest": 180,
	"est": -300, "edt": -240, "cst": -360, "cdt": -300,
	"mst": -420, "mdt": -360, "pst": -480, "pdt": -420,
	"ist": 330, "jst": 540, "aest": 600,
}

// fold lower-cases w and folds the accented letters that occur in month
// names (in UTF-8 or as stray Latin-1 bytes) into buf, returning the
// result. Words longer than buf come back empty.
func fold(buf []byte, w string) []byte {
	out := buf[:0]
	for i := 0; i < len(w); i++ {
		if len(out) == cap(buf) {
			return buf[:0]
		}
		c := w[i]
		switch {
		case c >= 'A' && c <= 'Z':
			out = append(out, c+'a'-'A')
		case c < 0x80:
			out = append(out, c)
		case c == 0xC3 && i+1 < len(w):
			i++
			out = append(out, foldLatin1(w[i]+0x40))
		default:
			out = append(out, foldLatin1(c))
		}
	}
	return out
}

// foldLatin1 maps a Latin-1 letter to its base ASCII letter, or '?'.
func foldLatin1(c byte) byte {
	switch c {
	case 0xC0, 0xC1, 0xC2, 0xC3, 0xC4, 0xE0, 0xE1, 0xE2, 0xE3, 0xE4:
		return 'a'
	case 0xC7, 0xE7:
		return 'c'
	case 0xC8, 0xC9, 0xCA, 0xCB, 0xE8, 0xE9, 0xEA, 0xEB:
		return 'e'
	case 0xCC, 0xCD, 0xCE, 0xCF, 0xEC, 0xED, 0xEE, 0xEF:
		return 'i'
	case 0xD2, 0xD3, 0xD4, 0xD5, 0xD6, 0xF2, 0xF3, 0xF4, 0xF5, 0xF6:
		return 'o'
	case 0xD9, 0xDA, 0xDB, 0xDC, 0xF9, 0xFA, 0xFB, 0xFC:
		return 'u'
	}
	return '?'
}

// monthOf returns the month a word names, or 0.
func monthOf(w string) int {
	if len(w) >= 6 && len(w) <= 18 && (w[0] == 0xD0 || w[0] == 0xD1) {
		return cyrillicMonths[w]
	}
	if len(w) < 3 || len(w) > 12 {
		return 0
	}
	var buf [16]byte
	return monthNames[string(fold(buf[:], w))]
}

// wordIs reports whether w equals one of the ASCII words in lower case.
func wordIs(w string, words ...string) bool {
	for _, x := range words {
		if len(w) == len(x) && equalFoldASCII(w, x) {
			return true
		}
	}
	return false
}

// equalFoldASCII compares s with the lower-case ASCII string lower.
func equalFoldASCII(s, lower string) bool {
	if len(s) != len(lower) {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}
