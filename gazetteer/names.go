package gazetteer

import "unicode"

func toLower(r rune) rune { return unicode.ToLower(r) }

// preferredName overrides the ISO 3166 name of a country where news
// writing uses another ("Russia", not "Russian Federation").
var preferredName = map[string]string{
	"RU": "Russia",
	"TR": "Turkey",
	"CZ": "Czech Republic",
	"CD": "Democratic Republic of the Congo",
	"CG": "Republic of the Congo",
	"VA": "Vatican City",
	"PS": "Palestine",
	"FM": "Micronesia",
	"MK": "North Macedonia",
	"VN": "Vietnam",
	"KR": "South Korea",
	"KP": "North Korea",
	"LA": "Laos",
	"BN": "Brunei",
	"CV": "Cape Verde",
	"SZ": "Eswatini",
	"CI": "Ivory Coast",
}

// shortNames are other names and abbreviations of countries in news text.
var shortNames = map[string]string{
	"US": "US", "U.S.": "US", "USA": "US", "U.S.A.": "US", "America": "US", "United States of America": "US",
	"UK": "GB", "U.K.": "GB", "Britain": "GB", "Great Britain": "GB",
	"Russia": "RU", "Türkiye": "TR", "Turkey": "TR", "Czechia": "CZ",
	"DR Congo": "CD", "DRC": "CD", "Congo-Kinshasa": "CD", "Congo-Brazzaville": "CG",
	"Vatican": "VA", "Holy See": "VA", "UAE": "AE", "U.A.E.": "AE", "Emirates": "AE",
	"Côte d'Ivoire": "CI", "Holland": "NL", "Burma": "MM", "East Timor": "TL",
	"PRC": "CN", "Mainland China": "CN", "Gaza": "PS", "West Bank": "PS",
	"Macedonia": "MK", "Swaziland": "SZ", "Korea": "KR",
}

// cityAliases are names that, in news, mean a city before anything else
// of that name, and older spellings of cities.
var cityAliases = map[string]string{
	"Washington": "Washington, D.C.", "Washington DC": "Washington, D.C.", "Kiev": "Kyiv",
	"Bombay": "Mumbai", "Peking": "Beijing", "Calcutta": "Kolkata", "Madras": "Chennai",
	"Odessa": "Odesa", "Kharkov": "Kharkiv",
}

// A region is a part of the world larger than a country.
type region struct {
	name     string
	aliases  []string
	lat, lon float64
}

// regions are world regions named in news, with a rough centre.
var regions = []region{
	{"Europe", nil, 50, 15},
	{"Asia", nil, 34, 100},
	{"Africa", nil, 2, 20},
	{"North America", nil, 45, -100},
	{"South America", nil, -15, -60},
	{"Latin America", nil, -5, -70},
	{"Middle East", []string{"Mideast"}, 29, 42},
	{"Central Asia", nil, 43, 65},
	{"Southeast Asia", []string{"South-East Asia"}, 5, 110},
	{"South Asia", nil, 22, 79},
	{"East Asia", nil, 35, 120},
	{"Oceania", nil, -15, 150},
	{"Scandinavia", nil, 63, 15},
	{"Balkans", nil, 43, 20},
	{"Caribbean", nil, 18, -72},
	{"Arctic", nil, 80, 0},
	{"Antarctica", nil, -80, 0},
	{"Sahel", nil, 15, 5},
	{"Gulf", []string{"Persian Gulf"}, 26, 52},
	{"West", nil, 45, -30},
}

// demonyms maps adjectives and names of peoples to the place they name;
// plural forms name the people (NORP), singular ones are also adjectives.
var demonyms = map[string]string{
	"American": "United States", "U.S.": "United States", "US": "United States",
	"Russian": "Russia", "Soviet": "Russia", "Ukrainian": "Ukraine", "British": "United Kingdom",
	"English": "United Kingdom", "Scottish": "United Kingdom", "Welsh": "United Kingdom",
	"French": "France", "German": "Germany", "Italian": "Italy", "Spanish": "Spain",
	"Portuguese": "Portugal", "Dutch": "Netherlands", "Belgian": "Belgium", "Swiss": "Switzerland",
	"Austrian": "Austria", "Polish": "Poland", "Czech": "Czech Republic", "Slovak": "Slovakia",
	"Hungarian": "Hungary", "Romanian": "Romania", "Bulgarian": "Bulgaria", "Greek": "Greece",
	"Turkish": "Turkey", "Serbian": "Serbia", "Croatian": "Croatia", "Bosnian": "Bosnia and Herzegovina",
	"Albanian": "Albania", "Belarusian": "Belarus", "Moldovan": "Moldova", "Georgian": "Georgia",
	"Armenian": "Armenia", "Azerbaijani": "Azerbaijan", "Kazakh": "Kazakhstan", "Uzbek": "Uzbekistan",
	"Lithuanian": "Lithuania", "Latvian": "Latvia", "Estonian": "Estonia", "Finnish": "Finland",
	"Swedish": "Sweden", "Norwegian": "Norway", "Danish": "Denmark", "Icelandic": "Iceland",
	"Irish": "Ireland", "Chinese": "China", "Japanese": "Japan", "Korean": "South Korea",
	"South Korean": "South Korea", "North Korean": "North Korea", "Taiwanese": "Taiwan",
	"Indian": "India", "Pakistani": "Pakistan", "Afghan": "Afghanistan", "Bangladeshi": "Bangladesh",
	"Sri Lankan": "Sri Lanka", "Nepali": "Nepal", "Iranian": "Iran", "Iraqi": "Iraq", "Syrian": "Syria",
	"Lebanese": "Lebanon", "Israeli": "Israel", "Palestinian": "Palestine", "Jordanian": "Jordan",
	"Saudi": "Saudi Arabia", "Emirati": "United Arab Emirates", "Qatari": "Qatar", "Kuwaiti": "Kuwait",
	"Yemeni": "Yemen", "Omani": "Oman", "Egyptian": "Egypt", "Libyan": "Libya", "Tunisian": "Tunisia",
	"Algerian": "Algeria", "Moroccan": "Morocco", "Sudanese": "Sudan", "Ethiopian": "Ethiopia",
	"Somali": "Somalia", "Kenyan": "Kenya", "Nigerian": "Nigeria", "Ghanaian": "Ghana",
	"South African": "South Africa", "Zimbabwean": "Zimbabwe", "Congolese": "Democratic Republic of the Congo",
	"Malian": "Mali", "Senegalese": "Senegal", "Rwandan": "Rwanda", "Ugandan": "Uganda", "Tanzanian": "Tanzania",
	"Canadian": "Canada", "Mexican": "Mexico", "Cuban": "Cuba", "Venezuelan": "Venezuela",
	"Colombian": "Colombia", "Brazilian": "Brazil", "Argentine": "Argentina", "Argentinian": "Argentina",
	"Chilean": "Chile", "Peruvian": "Peru", "Bolivian": "Bolivia", "Ecuadorian": "Ecuador",
	"Haitian": "Haiti", "Australian": "Australia", "New Zealand": "New Zealand", "Indonesian": "Indonesia",
	"Malaysian": "Malaysia", "Filipino": "Philippines", "Philippine": "Philippines", "Thai": "Thailand",
	"Vietnamese": "Vietnam", "Burmese": "Myanmar", "Cambodian": "Cambodia", "Singaporean": "Singapore",
	"Mongolian": "Mongolia", "European": "Europe", "Asian": "Asia", "African": "Africa",
	"Middle Eastern": "Middle East", "Latin American": "Latin America", "Arab": "Middle East",
	"Western": "West", "Scandinavian": "Scandinavia", "Balkan": "Balkans", "Caribbean": "Caribbean",
	"Arctic": "Arctic", "Gulf": "Gulf",
}

// pluralDemonyms are the irregular names of peoples ("the French" is
// handled as the adjective).
var pluralDemonyms = map[string]string{
	"Swiss": "Switzerland", "Chinese": "China", "Japanese": "Japan", "Vietnamese": "Vietnam",
	"Lebanese": "Lebanon", "Sudanese": "Sudan", "Congolese": "Democratic Republic of the Congo",
	"Senegalese": "Senegal", "Burmese": "Myanmar", "Portuguese": "Portugal", "Filipinos": "Philippines",
	"Brits": "United Kingdom", "Britons": "United Kingdom", "Israelis": "Israel", "Saudis": "Saudi Arabia",
	"Iraqis": "Iraq", "Pakistanis": "Pakistan", "Emiratis": "United Arab Emirates", "Qataris": "Qatar",
	"Kuwaitis": "Kuwait", "Yemenis": "Yemen", "Omanis": "Oman", "Bangladeshis": "Bangladesh",
	"Somalis": "Somalia", "Afghans": "Afghanistan", "Thais": "Thailand", "Danes": "Denmark",
	"Swedes": "Sweden", "Finns": "Finland", "Poles": "Poland", "Turks": "Turkey", "Greeks": "Greece",
	"Czechs": "Czech Republic", "Slovaks": "Slovakia", "Serbs": "Serbia", "Croats": "Croatia",
	"Arabs": "Middle East", "Europeans": "Europe",
}

// Demonym returns the place a demonym or adjective of nationality names
// ("Russian" → "Russia") and whether it names the people (a plural such as
// "Russians", "Swiss"): plural ones are NORP, not the place.
func Demonym(word string) (place string, people bool, ok bool) {
	if p, ok := demonyms[word]; ok {
		_, people = pluralDemonyms[word]
		return p, people, true
	}
	if p, ok := pluralDemonyms[word]; ok {
		return p, true, true
	}
	if n := len(word); n > 3 && word[n-1] == 's' {
		if p, ok := demonyms[word[:n-1]]; ok {
			return p, true, true
		}
	}
	return "", false, false
}
