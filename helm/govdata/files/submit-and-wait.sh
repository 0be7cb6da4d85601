#!/bin/bash
# Runs spark-submit (its path and arguments are this script's arguments) in cluster mode and exits
# as the Spark driver did, so that the Kubernetes Job fails exactly when the pipeline fails.
#
# With spark.kubernetes.submission.waitAppCompletion=true spark-submit watches the driver pod until
# it ends and reports its phase ("Application status for ... (phase: Succeeded)", "phase: Failed"),
# but Spark 3.5 exits 0 even when the driver failed (SPARK-26365). A pod's phase is Succeeded only
# when all its containers exited 0, so the last phase spark-submit reports decides.
set -u -o pipefail
report=$(mktemp /tmp/spark-submit.XXXXXX)
"$@" 2>&1 | tee "$report"
status=$?
if [ "$status" -ne 0 ]; then
  echo "govdata: spark-submit failed with exit code $status" >&2
  exit "$status"
fi
phase=$(grep -Eo 'phase: [A-Za-z]+' "$report" | tail -n 1)
if [ "$phase" != "phase: Succeeded" ]; then
  echo "govdata: the Spark driver ended with ${phase:-no reported phase}, not Succeeded" >&2
  exit 1
fi
