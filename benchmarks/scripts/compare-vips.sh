#!/usr/bin/env bash
# Runs the same image work with libvips' command-line tools (vipsthumbnail / vips / cwebp) and with the
# SnapOtter engine on BOTH backends (pure Java, and libvips through FFM) in the same session on the same
# machine, interleaved round by round, and prints times and ratios (engine / command-line reference).
#
#   benchmarks/scripts/compare-vips.sh            # defaults: RUNS=7 WARMUP=3 BATCH_N=100 BATCH_RUNS=3
#   RUNS=11 BATCH_N=20 WORK=/tmp/cmp benchmarks/scripts/compare-vips.sh
#   ONLY=single,webp benchmarks/scripts/compare-vips.sh   # a subset: single,batch,webp,oneshot
#
# Needs: libvips-tools (vips, vipsthumbnail), webp (cwebp), imagemagick (convert, for the RGBA PNG),
# a JDK >= 25 (found like the build finds it), Maven.
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

ONLY="${ONLY:-single,batch,webp,oneshot}"
want() { [[ ",$ONLY," == *",$1,"* ]]; }
for tool in vips vipsthumbnail mvn cwebp convert; do
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
(cd "$ROOT" && mvn -B -q -Dsnapotter.build.dir="$BUILD_DIR" -pl benchmarks,cli -am -DskipTests package \
  dependency:build-classpath -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=runtime >&2)
CP="$ROOT/benchmarks/$BUILD_DIR/classes:$(cat "$CP_FILE")"
# shellcheck disable=SC2086 # JVM_OPTS is a list of options, split on purpose
engine() { "$JAVA" $JVM_OPTS --enable-native-access=ALL-UNNAMED -Dsnapotter.compare.vips=true -cp "$CP" dev.snapotter.benchmarks.CompareMain "$@"; }

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
  if [[ $op == flip ]]; then vips flip "$WORK/t.v" "${f}[Q=90]" horizontal; else vips copy "$WORK/t.v" "${f}[Q=90]"; fi
done
rm -f "$WORK/t.v"
PNG12="$WORK/src12a.png" # 4000x3000 RGBA, as perf-anchors §2
[[ -f "$PNG12" ]] || convert "$SRC" -crop 4000x3000+1000+500 +repage \( -size 4000x3000 radial-gradient:white-black \) \
  -alpha off -compose CopyOpacity -composite "$PNG12"
RESULTS="$WORK/results.txt"
: > "$RESULTS"
CLI="$ROOT/cli/bin/snapotter"
export SNAPOTTER_BUILD_DIR="$BUILD_DIR" # the launcher runs cli/$BUILD_DIR/snapotter-cli.jar
# The engine main runs each libvips command line alternately with its own run of the same work
# (vips, engine, vips, engine, ...) so both see the same machine conditions.
echo "== engine (java, libvips) vs libvips CLI, interleaved (one warm JVM: $JAVA $JVM_OPTS)" >&2
want single && engine single "$SRC" "$WORK/out" 1920 "$WARMUP" "$RUNS" | tee -a "$RESULTS" >&2
want batch && engine batch "$WORK/batch" "$WORK/batch-out" 1920 2 "$BATCH_RUNS" | tee -a "$RESULTS" >&2
want webp && engine webp "$PNG12" "$WORK/out" 1 "$(( RUNS < 5 ? RUNS : 5 ))" | tee -a "$RESULTS" >&2
if want oneshot; then
  # The AOT cache (JDK 25, JEP 483/514) comes from one training run of the same command; see docs/performance.md.
  echo '{"steps":[{"toolId":"resize","settings":{"width":1920}}]}' > "$WORK/train.json"
  rm -f "$ROOT/cli/$BUILD_DIR/snapotter-cli.aot"
  SNAPOTTER_JAVA="${JAVA}" SNAPOTTER_AOT_TRAIN=1 "$CLI" run -p "$WORK/train.json" -o "$WORK/train-out" --conflict overwrite "$SRC" >&2
  SNAPOTTER_JAVA="${JAVA}" engine oneshot "$SRC" "$WORK/out" 1920 2 "$RUNS" "$CLI" | tee -a "$RESULTS" >&2
fi

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
echo "| work (reference)                           | engine ms | ref ms    | ratio   | range       | target  |"
echo "|--------------------------------------------|-----------|-----------|---------|-------------|---------|"
has() { [[ -n "$(get "$1")" ]]; }
if want single; then
  row "24MP JPEG -> 1920 q85, java (vipsthumbnail)"  engine_pipeline vips_thumbnail "<=1.7x"
  has engine_vips_pipeline && row "24MP JPEG -> 1920 q85, libvips (vipsthumbnail)" engine_vips_pipeline vips_thumbnail "<=1.0x"
  row "decode 24MP JPEG, java (vips avg)"            engine_decode   vips_decode    "-"
  has engine_vips_decode && row "decode 24MP JPEG, libvips (vips avg)" engine_vips_decode vips_decode "-"
  row "encode 24MP q90, java (vips copy from .v)"    engine_encode24_q90 vips_encode24_q90 "-"
  has engine_vips_encode24_q90 && row "encode 24MP q90, libvips (vips copy .v)" engine_vips_encode24_q90 vips_encode24_q90 "-"
fi
if want batch; then
  row "batch $BATCH_N x 12MP, java (xargs -P2)"      engine_batch vips_batch "<=1.8x"
  has engine_vips_batch && row "batch $BATCH_N x 12MP, libvips (xargs -P2)" engine_vips_batch vips_batch "<=1.0x"
fi
if want webp && has engine_vips_webp; then
  row "12MP RGBA PNG -> WebP q80, libvips (cwebp)"   engine_vips_webp cwebp "<=1.1x"
  row "  vips copy CLI (cwebp)"                      vips_copy_webp cwebp "-"
fi
if want oneshot; then
  row "one-shot CLI, AOT cache (vipsthumbnail)"      cli_aot vips_thumbnail_cli "<=2.5x"
  row "one-shot CLI, no AOT cache (vipsthumbnail)"   cli_no_aot vips_thumbnail_cli "-"
  row "one-shot CLI, java backend (vipsthumbnail)"   cli_java_backend vips_thumbnail_cli "-"
fi
awk '$1 == "engine_resize" {printf "| %-42s | %9.1f | %9s | %7s | %-11s | %-7s |\n", "resize 6000x4000 -> 1920x1280 in memory", $2, "-", "-", "-", "-"}' "$RESULTS"
