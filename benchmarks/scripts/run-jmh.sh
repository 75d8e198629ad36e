#!/usr/bin/env bash
# Runs the JMH suite (decode, 24MP -> 1920 resize, encode, whole pipeline) outside `mvn verify`.
#   benchmarks/scripts/run-jmh.sh                      # everything
#   benchmarks/scripts/run-jmh.sh ResizeBenchmark -p threads=all -f 1
# Arguments go to JMH's own command line (-h lists them). Inputs are generated under
# ${SNAPOTTER_BENCH_DIR:-/tmp/snapotter-bench} on first use.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
BUILD_DIR="${SNAPOTTER_BUILD_DIR:-target-bench}"
BENCH_DIR="${SNAPOTTER_BENCH_DIR:-${TMPDIR:-/tmp}/snapotter-bench}"
JAVA="${JAVA:-}"
if [[ -z "$JAVA" ]]; then
  for j in "${JAVA_HOME:-}" /usr/lib/jvm/*25* /usr/lib/jvm/*-2[6-9]* /opt/java/*; do
    if [[ -x "$j/bin/java" ]] && "$j/bin/java" -version 2>&1 | grep -qE 'version "(2[5-9]|[3-9][0-9])'; then JAVA="$j/bin/java"; break; fi
  done
fi
[[ -n "$JAVA" ]] || { echo "no JDK >= 25 found; set JAVA=/path/to/bin/java" >&2; exit 1; }
mkdir -p "$BENCH_DIR"
# One reactor build, nothing installed into ~/.m2 (see compare-vips.sh).
(cd "$ROOT" && mvn -B -q -Dsnapotter.build.dir="$BUILD_DIR" -pl benchmarks -am -DskipTests package \
  dependency:build-classpath -Dmdep.outputFile="$BENCH_DIR/classpath.txt" -Dmdep.includeScope=runtime >&2)
CP="$ROOT/benchmarks/$BUILD_DIR/classes:$(cat "$BENCH_DIR/classpath.txt")"
exec "$JAVA" -cp "$CP" -Dsnapotter.bench.dir="$BENCH_DIR" org.openjdk.jmh.Main \
  -jvmArgsAppend "-Dsnapotter.bench.dir=$BENCH_DIR" "$@"
