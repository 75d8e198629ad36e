#!/usr/bin/env bash
# Runs the same image work with libvips (vipsthumbnail / vips) and with the SnapOtter engine in
# the same session on the same machine, and prints times and ratios (engine / libvips).
#
#   benchmarks/scripts/compare-vips.sh            # defaults: RUNS=7 WARMUP=3 BATCH_N=100 BATCH_RUNS=3
#   RUNS=11 BATCH_N=20 WORK=/tmp/cmp benchmarks/scripts/compare-vips.sh
#
# Needs: libvips-tools (vips, vipsthumbnail), a JDK >= 25 (found like the build finds it), Maven.
# Images are generated (nothing is downloaded). See docs/performance.md for results and method.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
RUNS="${RUNS:-7}"
WARMUP="${WARMUP:-3}"
BATCH_N="${BATCH_N:-100}"
BATCH_RUNS="${BATCH_RUNS:-3}"
WORK="${WORK:-${TMPDIR:-/tmp}/snapotter-compare}"
BUILD_DIR="${SNAPOTTER_BUILD_DIR:-target-bench}"
JVM_OPTS="${JVM_OPTS:--Xmx6g -XX:+UseParallelGC -Djava.awt.headless=true}"

for tool in vips vipsthumbnail mvn; do
  command -v "$tool" >/dev/null || { echo "missing: $tool (Debian: apt-get install libvips-tools maven)" >&2; exit 1; }
done
JAVA="${JAVA:-}"
if [[ -z "$JAVA" ]]; then
  for j in "${JAVA_HOME:-}" /usr/lib/jvm/*25* /usr/lib/jvm/*-2[6-9]* /opt/java/*; do
    if [[ -x "$j/bin/java" ]] && "$j/bin/java" -version 2>&1 | grep -qE 'version "(2[5-9]|[3-9][0-9])'; then JAVA="$j/bin/java"; break; fi
  done
fi
[[ -n "$JAVA" ]] || { echo "no JDK >= 25 found; set JAVA=/path/to/bin/java" >&2; exit 1; }

echo "== building the engine and benchmarks ($BUILD_DIR)" >&2
CP_FILE="$WORK/classpath.txt"
mkdir -p "$WORK/out" "$WORK/batch" "$WORK/batch-out"
# One reactor build, nothing installed into ~/.m2: the engine resolves to its jar in $BUILD_DIR.
# Every module writes the file in turn; benchmarks comes last, so its classpath is what remains.
(cd "$ROOT" && mvn -B -q -Dsnapotter.build.dir="$BUILD_DIR" -pl benchmarks -am -DskipTests package \
  dependency:build-classpath -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=runtime >&2)
CP="$ROOT/benchmarks/$BUILD_DIR/classes:$(cat "$CP_FILE")"
engine() { "$JAVA" $JVM_OPTS -Dsnapotter.compare.vips=true -cp "$CP" dev.snapotter.benchmarks.CompareMain "$@"; }

load=$(cut -d' ' -f1 /proc/loadavg)
if awk -v l="$load" 'BEGIN {exit !(l > 0.5)}'; then
  echo "warning: load average is $load; other work on this machine will distort the timings" >&2
fi
echo "== generating images in $WORK" >&2
engine generate "$WORK" >&2
SRC="$WORK/src24.jpg"
for ((i = 0; i < BATCH_N; i++)); do
  f="$WORK/batch/img_$(printf %03d "$i").jpg"
  [[ -f "$f" ]] && continue
  left=$(( (i * 137) % 2000 )); top=$(( (i * 71) % 1000 ))
  if (( i % 2 )); then op=flip; else op=copy; fi
  vips crop "$SRC" "$WORK/t.v" "$left" "$top" 4000 3000
  if [[ $op == flip ]]; then vips flip "$WORK/t.v" "$f[Q=90]" horizontal; else vips copy "$WORK/t.v" "$f[Q=90]"; fi
done
rm -f "$WORK/t.v"
RESULTS="$WORK/results.txt"
# The engine main runs each libvips command line alternately with its own run of the same work
# (vips, engine, vips, engine, ...) so both see the same machine conditions.
echo "== engine vs libvips, alternating (one warm JVM: $JAVA $JVM_OPTS)" >&2
engine single "$SRC" "$WORK/out" 1920 "$WARMUP" "$RUNS" | tee "$RESULTS" >&2
engine batch "$WORK/batch" "$WORK/batch-out" 1920 2 "$BATCH_RUNS" | tee -a "$RESULTS" >&2

get() { awk -v n="$1" -v c="${2:-2}" '$1 == n {print $c}' "$RESULTS"; }
row() { # label engine-name vips-name target
  local e v r lo hi; e=$(get "$2"); v=$(get "$3"); r=$(get "$2_per_$3"); lo=$(get "$2_per_$3" 3); hi=$(get "$2_per_$3" 4)
  awk -v l="$1" -v e="$e" -v v="$v" -v r="$r" -v lo="$lo" -v hi="$hi" -v t="$4" \
    'BEGIN {printf "| %-42s | %9.1f | %9.1f | %6.2fx | %5.2f–%-5.2f | %-7s |\n", l, e, v, r, lo, hi, t}'
}
echo
echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GiB,"
echo "         $("$JAVA" -version 2>&1 | head -1), $(vips --version), JVM flags: $JVM_OPTS"
echo "Load average before/after: $load / $(cut -d' ' -f1 /proc/loadavg)"
echo "Median ms of $RUNS alternating runs after $WARMUP warm-up rounds (batch: $BATCH_RUNS runs of $BATCH_N × 12MP)."
echo "Ratio = median of the per-round ratios engine / libvips (range: min–max over rounds)."
echo
echo "| work                                       | engine ms | vips ms   | ratio   | range       | target  |"
echo "|--------------------------------------------|-----------|-----------|---------|-------------|---------|"
row "24MP JPEG -> 1920 q85 (vipsthumbnail)"       engine_pipeline vips_thumbnail "<=1.7x"
row "decode 24MP JPEG (vips avg)"                 engine_decode   vips_decode    "-"
row "encode 24MP JPEG q90 (vips copy from .v)"    engine_encode24_q90 vips_encode24_q90 "-"
row "batch $BATCH_N x 12MP -> 1920 q85 (xargs -P2)" engine_batch vips_batch "<=1.8x"
awk '$1 == "engine_resize" {printf "| %-42s | %9.1f | %9s | %7s | %-11s | %-7s |\n", "resize 6000x4000 -> 1920x1280 in memory", $2, "-", "-", "-", "-"}' "$RESULTS"
