#!/usr/bin/env bash
# Population pipeline benchmark: bench/pipelines/run.sh [PEOPLE...]
# Each PEOPLE value generates that many people (about 2.5 source rows each over five departments)
# and runs the whole population pipeline on them, printing one line of figures per size.
#   bench/pipelines/run.sh 100000 200000 400000     # ≈ 250k, 500k and 1M source rows
# Environment: BENCH_HEAP (default 6g), BENCH_MASTER (default local[*]), BENCH_WORK (default var/bench/pipelines)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
if ! ls exchange-pipelines/target/exchange-pipelines-*.jar >/dev/null 2>&1 || [ ! -f exchange-pipelines/target/classpath.txt ]; then
  ./mvnw -B -q -DskipTests -pl exchange-pipelines -am package
fi
JAR=$(ls exchange-pipelines/target/exchange-pipelines-*.jar | head -1)
CP="$JAR:$(cat exchange-pipelines/target/classpath.txt)"
OPENS=$(cat exchange-pipelines/target/classes/spark-jvm-options.txt)
for people in "${@:-100000}"; do
  # shellcheck disable=SC2086
  java -Xmx"${BENCH_HEAP:-6g}" $OPENS -cp "$CP" bench/pipelines/PopulationBenchmark.java \
    --people "$people" --master "${BENCH_MASTER:-local[*]}" --work "${BENCH_WORK:-var/bench/pipelines}"
done
