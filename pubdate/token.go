package pubdate

import (
	"unicode"
	"unicode/utf8"
)

// Token kinds. Dates are matched over tokens rather than with regular
// expressions: one linear pass splits the text, and each pattern looks at
// a handful of tokens from where it starts, so scanning stays O(n).
const (
	tNum   uint8 = iota + 1 // a run of ASCII digits
	tWord                   // a run of letters (any script; stray non-UTF-8 bytes count as letters)
	tPunct                  // one other character
)

type token struct {
	kind  uint8
	space bool   // white space precedes the token
	n     int    // number of digits (tNum)
	v     int    // value (tNum), capped
	s     string // the token as written
}

// maxNumDigits caps the value kept for long digit runs; nothing longer
// than a Unix time stamp in milliseconds is ever read as a number.
const maxNumDigits = 13

// tokenize appends the tokens of s to dst, stopping after max tokens
// (max <= 0 means no limit).
func tokenize(dst []token, s string, max int) []token {
	space := true
	for i := 0; i < len(s); {
		if max > 0 && len(dst) >= max {
			break
		}
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			j, v := i, 0
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				if j-i < maxNumDigits {
					v = v*10 + int(s[j]-'0')
				}
				j++
			}
			dst = append(dst, token{kind: tNum, space: space, n: j - i, v: v, s: s[i:j]})
			i, space = j, false
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
			i++
			space = true
		case c < utf8.RuneSelf && !isASCIILetter(c):
			dst = append(dst, token{kind: tPunct, space: space, s: s[i : i+1]})
			i++
			space = false
		default:
			j := i
			for j < len(s) {
				c := s[j]
				if c < utf8.RuneSelf {
					if !isASCIILetter(c) {
						break
					}
					j++
					continue
				}
				r, size := utf8.DecodeRuneInString(s[j:])
				if r == utf8.RuneError && size == 1 {
					j++ // a Latin-1 byte such as 0xE4 in "M\xe4rz"
					continue
				}
				if !unicode.IsLetter(r) || isCJKDateWord(r) {
					if j == i && isCJKDateWord(r) {
						j += size // 年, 月, 日 stand alone
					}
					break
				}
				j += size
			}
			if j > i {
				dst = append(dst, token{kind: tWord, space: space, s: s[i:j]})
				i, space = j, false
				continue
			}
			r, size := utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) {
				space = true
			} else {
				dst = append(dst, token{kind: tPunct, space: space, s: s[i : i+size]})
				space = false
			}
			i += size
		}
	}
	return dst
}

func isASCIILetter(c byte) bool {
	return c|0x20 >= 'a' && c|0x20 <= 'z'
}

func isCJKDateWord(r rune) bool {
	return r == '年' || r == '月' || r == '日'
}
