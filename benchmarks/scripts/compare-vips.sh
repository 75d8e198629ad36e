#!/usr/bin/env bash
# Runs the same image work with libvips (vipsthumbnail / vips) and with the SnapOtter engine in
# the same session on the same machine, and prints times and ratios (engine / libvips).
#
#   benchmarks/scripts/compare-vips.sh            # defaults: RUNS=7 BATCH_N=100
#   RUNS=11 BATCH_N=20 WORK=/tmp/cmp benchmarks/scripts/compare-vips.sh
#
# Needs: libvips-tools (vips, vipsthumbnail), a JDK >= 25 (found like the build finds it), Maven.
# Images are generated (nothing is downloaded). See docs/performance.md for results and method.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
RUNS="${RUNS:-7}"
WARMUP="${WARMUP:-2}"
BATCH_N="${BATCH_N:-100}"
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
mkdir -p "$WORK/out" "$WORK/batch" "$WORK/batch-out-vips" "$WORK/batch-out-engine"
# One reactor build, nothing installed into ~/.m2: the engine resolves to its jar in $BUILD_DIR.
# Every module writes the file in turn; benchmarks comes last, so its classpath is what remains.
(cd "$ROOT" && mvn -B -q -Dsnapotter.build.dir="$BUILD_DIR" -pl benchmarks -am -DskipTests package \
  dependency:build-classpath -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=runtime >&2)
CP="$ROOT/benchmarks/$BUILD_DIR/classes:$(cat "$CP_FILE")"
engine() { "$JAVA" $JVM_OPTS -cp "$CP" dev.snapotter.benchmarks.CompareMain "$@"; }

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
vips copy "$SRC" "$WORK/src24.v"   # vips' own raw format, so the encode row times encoding, not decoding

# time_cmd NAME CMD... : WARMUP + RUNS executions, prints "NAME median min max" in ms
time_cmd() {
  local name="$1"; shift
  local i t0 t1 samples=()
  for ((i = 0; i < WARMUP; i++)); do "$@" >/dev/null; done
  for ((i = 0; i < RUNS; i++)); do
    t0=$(date +%s%N); "$@" >/dev/null; t1=$(date +%s%N)
    samples+=("$(( (t1 - t0) / 1000 ))")
  done
  printf '%s\n' "${samples[@]}" | sort -n | awk -v n="$name" '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%s %.1f %.1f %.1f\n", n, m/1000, a[1]/1000, a[NR]/1000}'
}

RESULTS="$WORK/results.txt"
: > "$RESULTS"
echo "== libvips (CLI, process start included)" >&2
time_cmd vips_thumbnail vipsthumbnail "$SRC" -s 1920 -o "$WORK/out/vt.jpg[Q=85]" | tee -a "$RESULTS" >&2
time_cmd vips_decode vips avg "$SRC" | tee -a "$RESULTS" >&2
time_cmd vips_encode24_q90 vips copy "$WORK/src24.v" "$WORK/out/ve.jpg[Q=90]" | tee -a "$RESULTS" >&2
batch_vips() { rm -f "$WORK"/batch-out-vips/*; ls "$WORK"/batch/*.jpg | VIPS_CONCURRENCY=1 xargs -P 2 -n $(( (BATCH_N + 3) / 4 )) \
  vipsthumbnail -s 1920 -o "$WORK/batch-out-vips/%s.jpg[Q=85]"; }
SAVED_RUNS=$RUNS; SAVED_WARMUP=$WARMUP; RUNS=3; WARMUP=1
time_cmd vips_batch batch_vips | tee -a "$RESULTS" >&2
RUNS=$SAVED_RUNS; WARMUP=$SAVED_WARMUP

echo "== SnapOtter engine (one warm JVM: $JAVA $JVM_OPTS)" >&2
engine single "$SRC" "$WORK/out" 1920 5 "$RUNS" | tee -a "$RESULTS" >&2
engine batch "$WORK/batch" "$WORK/batch-out-engine" 1920 2 3 | tee -a "$RESULTS" >&2

get() { awk -v n="$1" '$1 == n {print $2}' "$RESULTS"; }
row() { # label engine-name vips-name target
  local e v; e=$(get "$2"); v=$(get "$3")
  awk -v l="$1" -v e="$e" -v v="$v" -v t="$4" 'BEGIN {printf "| %-40s | %9.1f | %9.1f | %5.2fx | %-7s |\n", l, e, v, e / v, t}'
}
echo
echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $("$JAVA" -version 2>&1 | head -1), $(vips --version)"
echo "Load average before/after: $load / $(cut -d' ' -f1 /proc/loadavg)"
echo "Median ms of $RUNS runs (batch: 3 runs of $BATCH_N × 12MP). Ratio = engine / libvips."
echo
echo "| work                                     | engine ms | vips ms   | ratio  | target  |"
echo "|------------------------------------------|-----------|-----------|--------|---------|"
row "24MP JPEG -> 1920 q85 (vs vipsthumbnail)" engine_pipeline vips_thumbnail "<=1.7x"
row "decode 24MP JPEG (vs vips avg)"           engine_decode   vips_decode    "-"
row "encode 24MP JPEG q90 (vs vips copy .v)"   engine_encode24_q90 vips_encode24_q90 "-"
row "batch $BATCH_N x 12MP -> 1920 q85 (xargs -P2)" engine_batch vips_batch "<=1.8x"
awk '$1 == "engine_resize" {printf "| %-40s | %9.1f | %9s | %6s | %-7s |\n", "resize 6000x4000 -> 1920x1280 (in memory)", $2, "-", "-", "-"}' "$RESULTS"
