#!/usr/bin/env bash
# Search benchmark through the platform: indexes 100,000 synthetic entries into a local
# Elasticsearch, then sends the same query mix straight to Elasticsearch and through the catalog
# service's search API (/api/v1/search), and prints both and the overhead.
#   bench/search/run.sh [--docs N] [--queries N] [--warmup N]
# Starts the platform with `bin/govdata up` in its own home (var/bench-search) with the catalog
# reading the benchmark's alias, and stops it afterwards.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
export GOVDATA_HOME="${GOVDATA_BENCH_HOME:-$ROOT/var/bench-search}"
PORT="${GOVDATA_PORT:-8080}"
ES_PORT="${GOVDATA_SEARCH_PORT:-9200}"
trap 'bin/govdata down >/dev/null 2>&1 || true' EXIT
bin/govdata up --govdata.search.alias=bench-catalog
URL="http://127.0.0.1:$PORT/api/v1/search?q={q}&filter={fq}&sort={sort}&facets={facets}&rows=20"
./mvnw -B -q -pl bench/search -am -DskipTests -Dbench verify \
  -Dbench.args="--url http://127.0.0.1:$ES_PORT --http-url $URL $*"
