package entity

import "strings"

// The word lists below are the rules' data, kept apart from the code that
// applies them so that they can grow without touching it. They are
// written for English news.

// titles are the heads of roles and offices that stand before or after a
// name ("Foreign Minister Sergey Lavrov", "Dmitry Peskov, the Kremlin's
// spokesman"). Each is matched case-insensitively, whole.
var titles = words(`
president; vice president; prime minister; deputy prime minister; foreign minister; defence minister;
defense minister; interior minister; finance minister; minister; secretary of state; secretary of defense;
secretary general; secretary-general; secretary; attorney general; chancellor; premier; king; queen;
prince; princess; emperor; pope; sheikh; emir; sultan; crown prince; spokesperson; spokesman; spokeswoman;
press secretary; aide; adviser; advisor; envoy; ambassador; diplomat; negotiator; governor; mayor; senator;
sen.; rep.; representative; congressman; congresswoman; lawmaker; legislator; speaker; leader; chairman;
chairwoman; chair; chief executive; chief executive officer; ceo; cfo; coo; cto; founder; co-founder;
director; director general; director-general; head; chief; commissioner; commander; general; gen.; admiral;
colonel; col.; major; lt.; lieutenant; captain; sergeant; officer; judge; justice; chief justice; prosecutor;
lawyer; attorney; analyst; economist; professor; prof.; researcher; scientist; coach; manager; striker;
midfielder; goalkeeper; owner; president-elect; candidate; nominee; official; councillor; councilor;
mp; mep; opposition leader; party leader; cardinal; archbishop; bishop; rabbi; imam; reverend; rev.;
correspondent; reporter; editor; columnist; anchor; actor; actress; singer; rapper; author; writer;
director of national intelligence; national security adviser; chief of staff; dr.; dr
`)

// roleModifiers may stand before a title as part of the role ("special
// envoy", "foreign policy aide", "senior adviser").
var roleModifiers = set(`special senior deputy vice chief top foreign policy security national defense defence
finance economic trade health interior justice military acting interim executive assistant associate
presidential press communications political climate energy media campaign first principal junior lead
managing general regional state federal local party opposition union team club health education
environment agriculture transport labour labor culture sports intelligence human rights`)

// honorifics stand before names and are not part of them; the map gives
// the gender they imply ("" for none).
var honorifics = map[string]string{
	"mr": "m", "mr.": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f",
	"sir": "m", "dame": "f", "lord": "m", "lady": "f", "dr": "", "dr.": "", "prof": "", "prof.": "",
}

// genderedTitles imply the gender of who holds them.
var genderedTitles = map[string]string{
	"king": "m", "queen": "f", "prince": "m", "princess": "f", "spokesman": "m", "spokeswoman": "f",
	"chairman": "m", "chairwoman": "f", "congressman": "m", "congresswoman": "f", "actress": "f",
	"emperor": "m", "sheikh": "m", "sultan": "m", "emir": "m", "pope": "m", "cardinal": "m",
}

// seats are buildings and places that stand for a government or an
// institution (metonymy): they act and speak, so they are organisations.
var seats = set(`Kremlin|White House|Pentagon|Downing Street|Élysée|Elysee|Élysée Palace|Elysee Palace|
Whitehall|Capitol Hill|Zhongnanhai|Quai d'Orsay|Blue House|Foggy Bottom|Vatican|Holy See|Bundestag|
Knesset|Duma|State Duma|Congress|Senate|Parliament|Westminster|Élysée palace`, "|")

// facilityWords mark a name as a built place ("Joint Base
// Elmendorf-Richardson", "Heathrow Airport").
var facilityWords = set(`Base Airport Airbase Airfield Stadium Arena Palace Bridge Station Hospital Port Harbor
Harbour Square Tower Hotel Museum Cathedral Church Mosque Temple Prison Dam Embassy Consulate Plant Reactor
Camp Fort Barracks Park Center Centre Mall Terminal Pier Wall Gate Castle Monument Memorial`)

// eventWords end the names of events ("Alaska Summit", "Winter Olympics").
var eventWords = set(`Summit Olympics Games Cup Championship Championships Conference Festival Forum Expo
Awards War Revolution Election Elections Marathon Open Grand Prix Congress Talks Crisis Protests Tour`)

// commonWords are frequent English words that start sentences and
// headlines capitalised but are not names on their own.
var commonWords = set(`a an the this that these those it its he she they we you i his her their our my your
and but or nor so yet for if though although while when where after before since until because as
earlier later ahead meanwhile however also still then now today yesterday tomorrow tonight speaking
according asked following despite during within without about above across against among around at by from
in into of off on onto out over through to under up upon with here there what which who whom whose why how
all any both each every few many most more much no none not only other some such than too very
breaking update updated advertisement advertising sponsored follow share subscribe read watch listen
historic forefront summit news report reports live exclusive opinion analysis editorial photo video
new first last next former latest top big major day week month year monday tuesday wednesday thursday
friday saturday sunday january february march april may june july august september october november
december`)

// prepositions before a name mean it is not the subject.
var prepositions = set(`by to with of for from about against at in on into onto over under between among
toward towards than like as via per behind beside near pressed urged asked told met called`)

// auxiliaries and frequent verbs that follow a subject.
var auxiliaries = set(`is was are were has had have will would can could may might must should shall did
does do said says told tells added asked insisted noted stressed warned claimed argued announced
explained remarked indicated replied responded wrote tweeted posted appeared seemed went came made took
gave got met spoke visited urged called accused denied confirmed declined refused agreed promised vowed
pledged threatened signaled signalled suggested believes believed thinks thought wants wanted hopes hoped
plans planned expects expected`)

// subjectPronouns may stand for a person who speaks or acts.
var subjectPronouns = map[string]string{"he": "m", "she": "f"}

// words parses a ';'-separated list of phrases into lower-case token lists.
func words(s string) [][]string {
	var out [][]string
	for _, p := range strings.Split(s, ";") {
		if f := strings.Fields(strings.ToLower(p)); len(f) > 0 {
			out = append(out, f)
		}
	}
	return out
}

// set parses a list separated by white space (or by sep when given).
func set(s string, sep ...string) map[string]bool {
	m := map[string]bool{}
	var items []string
	if len(sep) > 0 {
		items = strings.Split(s, sep[0])
	} else {
		items = strings.Fields(s)
	}
	for _, w := range items {
		if w = strings.TrimSpace(w); w != "" {
			m[w] = true
		}
	}
	return m
}

// placeOpeners and placeClosers open and close names of places that the
// tagger may read as people's ("Fort Myers", "Snake River"). Words that
// are also common surnames or first names ("Park", "Bay", "Lake",
// "Castle", "Forest") are left out.
var placeOpeners = set(`Mount Mt. Fort Cape Port Isle Glacier`)

var placeClosers = set(`River Island Islands Bridge Canyon Mountains Falls Palace Airport Harbor Harbour
Peninsula Desert Creek County`)

// orgClosers end the names of organisations, never of people.
var orgClosers = set(`Report Times Post Journal Gazette Tribune Herald Institute Foundation Association
Company Corporation Inc. Corp. Ltd. LLC Party Committee Council University College Agency Bureau
Department Ministry Commission Network Group Fund Bank Coalition Alliance Union Society`)

// personalHeads are nouns that a person's name qualifies.
var personalHeads = set(`administration presidency`)
