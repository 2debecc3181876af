package extract

import (
	"strings"

	"golang.org/x/net/html/atom"
)

// Heuristics kept as data. The class and id vocabulary below is the one
// publishing systems use for page furniture; it was drawn up from the
// markup of WordPress, Drupal, Arc, Brightspot and hand-made news sites
// and checked against the WCXB development pages.

// junkTags never hold article text.
var junkTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Svg: true, atom.Canvas: true, atom.Iframe: true, atom.Object: true,
	atom.Embed: true, atom.Button: true, atom.Select: true, atom.Input: true,
	atom.Textarea: true, atom.Nav: true, atom.Aside: true, atom.Footer: true,
	atom.Video: true, atom.Audio: true, atom.Map: true, atom.Dialog: true,
	atom.Menu: true, atom.Link: true, atom.Meta: true, atom.Head: true,
	atom.Label: true, atom.Option: true, atom.Math: true,
}

// furnitureTags are junk tags that a few pages misuse as wrappers of the
// whole article; they are removed only when they do not hold prose.
var furnitureTags = map[atom.Atom]bool{atom.Nav: true, atom.Aside: true, atom.Footer: true, atom.Menu: true}

// junkRoles are ARIA landmark roles of page furniture.
var junkRoles = map[string]bool{
	"navigation": true, "banner": true, "complementary": true, "contentinfo": true,
	"search": true, "menu": true, "menubar": true, "dialog": true, "alertdialog": true,
	"toolbar": true, "tablist": true,
}

// junkWords mark furniture when they appear as a whole word of a class or
// id ("post-comments", "share_bar", "ad slot").
var junkWords = setOf(
	"comment", "comments", "commentlist", "commentary-list", "disqus", "respond", "replies", "doccomments", "usercomments",
	"lightbox", "welcomebar", "cookiebanner",
	"share", "shares", "sharing", "sharebar", "social", "socials", "sharedaddy", "addthis", "shariff", "addtoany", "a2a",
	"related", "recommended", "recommendations", "recirc", "trending", "popular", "mostread", "mostpopular",
	"readmore", "alsoread", "also", "morestories", "more", "next", "prev", "previous",
	"sidebar", "widget", "widgets", "widgettitle", "aside", "rail",
	"nav", "navbar", "navigation", "menu", "submenu", "breadcrumb", "breadcrumbs", "pagination", "pager",
	"footer", "masthead", "topbar", "toolbar",
	"cookie", "cookies", "consent", "gdpr", "newsletter", "subscribe", "subscription", "signup", "paywall", "login", "register",
	"promo", "advert", "advertisement", "advertising", "ad", "ads", "adsbygoogle", "adslot", "adunit", "dfp", "gpt", "sponsor", "sponsored", "partner",
	"banner", "outbrain", "taboola", "popup", "modal", "overlay", "print", "tags", "tag", "taglist", "tagcloud", "categories", "category",
	"sronly", "screenreadertext", "visuallyhidden", "offscreen",
	"byline", "dateline", "postmeta", "entrymeta", "articlemeta", "meta", "metadata", "author", "authorbox", "authorbio", "bio", "about",
	"aboutauthor", "authorinfo", "authordetails", "authorprofile", "authorcard", "cta", "calltoaction", "disclosure",
	"follow", "feedback", "rating", "ratings", "votes", "poll",
	"caption", "credit", "credits", "copyright", "disclaimer", "notice", "alert",
)

// softJunkWords mark furniture only on small elements: these words also
// name wrappers of whole articles on some sites ("post-meta-wrapper").
var softJunkWords = setOf("byline", "dateline", "postmeta", "entrymeta", "articlemeta", "meta", "metadata",
	"author", "about", "caption", "credit", "credits", "tags", "tag",
	"categories", "category", "more", "next", "prev", "previous", "also", "alert", "notice", "widget", "widgets")

// commentWords name reader comment sections, and the pop-ups and
// overlays that cover a page: both hold prose, so they go by name alone.
var commentWords = setOf("comment", "comments", "commentlist", "disqus", "respond", "replies",
	"doccomments", "usercomments", "modal", "popup", "lightbox", "welcomebar", "cookiebanner")

// goodWords mark the containers of article bodies.
var goodWords = setOf(
	"article", "articlebody", "articlecontent", "articletext", "body", "content", "entry", "entrycontent",
	"main", "maincontent", "post", "postbody", "postcontent", "posttext", "story", "storybody", "storycontent",
	"text", "blog", "blogpost", "richtext", "prose", "page", "single", "hentry", "column",
)

// badWords lower a container's score without removing it.
var badWords = setOf("comment", "comments", "footer", "sidebar", "widget", "related", "share", "social",
	"promo", "ad", "ads", "sponsor", "menu", "nav", "header", "teaser", "list", "card", "cards", "grid")

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// words splits a class/id string into lowercase words at punctuation and
// also yields joined pairs ("share-bar" gives share, bar and sharebar), so
// both spellings of compound names match. Class names made of more than
// five words ("1-heading-how-popular-are-...") are slugs of a heading's
// text: they name content, not furniture, and are skipped.
func words(s string, fn func(w string) bool) bool {
	for len(s) > 0 {
		i := strings.IndexByte(s, ' ')
		name := s
		if i >= 0 {
			name, s = s[:i], s[i+1:]
		} else {
			s = ""
		}
		if name == "" || strings.Count(name, "-")+strings.Count(name, "_") > 4 || isStateClass(name) {
			continue
		}
		if nameWords(name, fn) {
			return true
		}
	}
	return false
}

func nameWords(s string, fn func(w string) bool) bool {
	prev := ""
	start := -1
	for i := 0; i <= len(s); i++ {
		alnum := false
		if i < len(s) {
			c := s[i]
			alnum = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 0x80
		}
		if alnum {
			if start < 0 {
				start = i
			}
			continue
		}
		if start < 0 {
			continue
		}
		w := s[start:i]
		start = -1
		if fn(w) || prev != "" && fn(prev+w) {
			return true
		}
		prev = w
	}
	return false
}

// boilerLines are whole lines of page furniture that scrapes and some
// pages put between paragraphs. Compared case-insensitively, with trailing
// colons and punctuation removed.
var boilerLines = setOf(
	"advertisement", "advertisements", "advert", "ad", "sponsored", "sponsored content", "story continues below advertisement",
	"continue reading below", "article continues below", "story continues below", "scroll to continue with content",
	"follow us", "follow us on", "share", "share this", "share this article", "share this story", "share on facebook",
	"share on twitter", "tweet", "email", "print", "whatsapp", "facebook", "twitter", "linkedin", "pinterest", "reddit",
	"also read", "read more", "read also", "related", "related news", "related articles", "related stories", "recommended",
	"more from", "you may also like", "you might also like", "trending", "trending now", "most read", "most popular",
	"comments", "leave a comment", "leave a reply", "post a comment", "be the first to comment", "add comment",
	"subscribe", "subscribe now", "sign up", "sign in", "log in", "login", "register", "newsletter",
	"skip to content", "skip to main content", "back to top", "top", "home", "menu", "search", "close",
	"click here", "loading", "loading...", "image", "photo", "video", "watch", "listen", "listen to this article",
	"copy link", "link copied", "toggle navigation", "accept", "accept cookies", "previous", "next", "view comments",
	"tags", "topics", "categories", "filed under", "posted in", "advertisement - continue reading below",
	"posted on", "updated at", "updated on", "published on", "reading time", "written by", "table of contents",
	"contents", "in this article", "on this page", "jump to", "share article", "print article", "show more",
	"anzeige", "- anzeige -", "werbung", "teilen", "drucken", "artikel teilen", "kommentare", "kommentare geschlossen",
	"kommentar schreiben", "kommentare schreiben", "mehr lesen", "weiterlesen", "zurück", "nach oben", "beitragsbild",
	"publicité", "partager", "lire la suite", "publicidad", "compartir", "leer más", "pubblicità", "condividi",
)

// isBoilerLine reports whether a paragraph is a known furniture line.
func isBoilerLine(s string) bool {
	if len(s) > 60 {
		return false
	}
	k := strings.ToLower(strings.TrimRight(strings.TrimSpace(s), ":.!|»›>-–— "))
	return boilerLines[k]
}

// isStateClass reports whether a class name states a condition of the
// element ("has-sidebar", "is-active", "js-comments") rather than what it
// is; such names say nothing about the element's own content.
func isStateClass(name string) bool {
	for _, p := range []string{"has-", "with-", "no-", "is-", "js-", "show-", "hide-"} {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	for _, p := range []string{"-enabled", "-disabled", "-active", "-open", "-visible", "-loaded"} {
		if strings.HasSuffix(name, p) {
			return true
		}
	}
	return false
}
