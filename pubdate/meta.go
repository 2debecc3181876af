package pubdate

// metaRule says what a <meta> name or property (lower case) tells about
// the page's dates. The names come from Open Graph, Dublin Core, schema.org
// microdata, and the conventions of common CMSs and analytics tags
// (Parse.ly, Sailthru, cXense); htmldate's list was the starting point.
type metaRule struct {
	modified bool // the name gives the last-modified date
	trust    int  // see the trust constants in pubdate.go
}

var metaRules = map[string]metaRule{
	// Publication, explicit.
	"article:published_time":             {trust: trustMetaStrong},
	"article:published":                  {trust: trustMetaStrong},
	"article.published":                  {trust: trustMetaStrong},
	"og:published_time":                  {trust: trustMetaStrong},
	"og:article:published_time":          {trust: trustMetaStrong},
	"og:pubdate":                         {trust: trustMetaStrong},
	"published_time":                     {trust: trustMetaStrong},
	"published-time":                     {trust: trustMetaStrong},
	"publication_date":                   {trust: trustMetaStrong},
	"publication-date":                   {trust: trustMetaStrong},
	"datepublished":                      {trust: trustMetaStrong},
	"date_published":                     {trust: trustMetaStrong},
	"date-published":                     {trust: trustMetaStrong},
	"published-date":                     {trust: trustMetaStrong},
	"published_date":                     {trust: trustMetaStrong},
	"publish-date":                       {trust: trustMetaStrong},
	"publish_date":                       {trust: trustMetaStrong},
	"publishdate":                        {trust: trustMetaStrong},
	"publishdatetime":                    {trust: trustMetaStrong},
	"pubdate":                            {trust: trustMetaStrong},
	"pub_date":                           {trust: trustMetaStrong},
	"sailthru.date":                      {trust: trustMetaStrong},
	"parsely-pub-date":                   {trust: trustMetaStrong},
	"dc.date.issued":                     {trust: trustMetaStrong},
	"dcterms.issued":                     {trust: trustMetaStrong},
	"dc.date.created":                    {trust: trustMetaStrong},
	"dcterms.created":                    {trust: trustMetaStrong},
	"dc.date.published":                  {trust: trustMetaStrong},
	"article_date_original":              {trust: trustMetaStrong},
	"originalpublicationdate":            {trust: trustMetaStrong},
	"original-publish-date":              {trust: trustMetaStrong},
	"cxenseparse:recs:publishtime":       {trust: trustMetaStrong},
	"citation_publication_date":          {trust: trustMetaStrong},
	"citation_date":                      {trust: trustMetaStrong},
	"rnews:datepublished":                {trust: trustMetaStrong},
	"bt:pubdate":                         {trust: trustMetaStrong},
	"datecreated":                        {trust: trustMetaStrong},
	"date_created":                       {trust: trustMetaStrong},
	"shareaholic:article_published_time": {trust: trustMetaStrong},
	"vr:published_time":                  {trust: trustMetaStrong},
	"ptime":                              {trust: trustMetaStrong},
	"dc.date.available":                  {trust: trustMetaWeak},
	// Publication, by convention only: "date" often carries the crawl or
	// render time on some sites, so it ranks below dates the page shows.
	"date":                 {trust: trustMetaWeak},
	"dc.date":              {trust: trustMetaWeak},
	"dcterms.date":         {trust: trustMetaWeak},
	"created":              {trust: trustMetaWeak},
	"creation_date":        {trust: trustMetaWeak},
	"displaydate":          {trust: trustMetaWeak},
	"citation_online_date": {trust: trustMetaWeak},
	"timestamp":            {trust: trustMetaWeak},
	"dc.created":           {trust: trustMetaWeak},
	// Modification.
	"article:modified_time": {modified: true, trust: trustMetaStrong},
	"article:modified":      {modified: true, trust: trustMetaStrong},
	"article:updated_time":  {modified: true, trust: trustMetaStrong},
	"og:updated_time":       {modified: true, trust: trustMetaStrong},
	"og:modified_time":      {modified: true, trust: trustMetaStrong},
	"modified_time":         {modified: true, trust: trustMetaStrong},
	"datemodified":          {modified: true, trust: trustMetaStrong},
	"date_modified":         {modified: true, trust: trustMetaStrong},
	"dc.date.modified":      {modified: true, trust: trustMetaStrong},
	"dcterms.modified":      {modified: true, trust: trustMetaStrong},
	"last-modified":         {modified: true, trust: trustMetaWeak},
	"lastmod":               {modified: true, trust: trustMetaWeak},
	"last_updated":          {modified: true, trust: trustMetaWeak},
	"revised":               {modified: true, trust: trustMetaWeak},
	"updated":               {modified: true, trust: trustMetaWeak},
	"sailthru.lastmodified": {modified: true, trust: trustMetaWeak},
	"parsely-modified-date": {modified: true, trust: trustMetaWeak},
}
