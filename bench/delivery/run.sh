#!/usr/bin/env bash
# Node-to-node delivery benchmark: about 1 GB of files from a province to a city's exchange agent
# over mutual TLS (checksums, signed manifest and receipt) against a plain TCP copy of the same
# bytes over loopback, in the same run.
#   bench/delivery/run.sh [megabytes=1024] [files=8] [rounds=3]
# Builds exchange-pipelines and this module, then runs FederationBenchmark. Prints figures.
# (DeliveryBenchmark, the Iceberg-table-to-files delivery within one node, runs with
#  ./mvnw -B -q -pl bench/delivery -am -DskipTests -Dbench verify)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
CP_FILE="$ROOT/bench/delivery/target/bench.classpath"
./mvnw -B -q -pl bench/delivery -am package -DskipTests dependency:build-classpath -Dmdep.outputFile="$CP_FILE"
exec java -Xmx1g -cp "$ROOT/bench/delivery/target/classes:$(cat "$CP_FILE")" \
  cn.govdata.bench.delivery.FederationBenchmark "$@"
