#!/usr/bin/env bash
# SQL gateway benchmark: enforcement overhead against plain Spark SQL, and the Hive JDBC round trip.
#   bench/sql/run.sh [persons=200000] [iterations=20]
# Builds the sql module, then runs bench/sql/GatewayBench.java on its classpath. Prints figures.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
CP_FILE="$ROOT/sql/target/bench.classpath"
./mvnw -B -q -pl sql -am package -DskipTests dependency:build-classpath -Dmdep.outputFile="$CP_FILE"
OPENS="--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED -Djdk.reflect.useDirectMethodHandle=false"
# shellcheck disable=SC2086
exec java $OPENS -Xmx2g -cp "$ROOT/sql/target/classes:$(cat "$CP_FILE")" \
  "$ROOT/bench/sql/GatewayBench.java" "$@"
