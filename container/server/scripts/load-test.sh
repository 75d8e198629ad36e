#!/usr/bin/env bash
# Load test of the SnapOtter server on loopback: starts the shaded jar on a temp DATA_DIR, then fires
# N requests per scenario with C in flight (curl + xargs -P) and prints a Markdown table:
# requests/s, p50/p95/max latency and the status codes seen. Numbers go in docs/performance.md.
#
#   container/server/scripts/load-test.sh [-n 200] [-c 8] [--jar path/to/snapotter-server.jar]
#   container/server/scripts/load-test.sh --sweep [-n 40] [--jar ...]
#       the issue's benchmark: POST /api/v1/tools/resize on a 12 MP JPEG with 1, 5, 10 and 20 concurrent
#       clients; throughput, p50/p99, and the server's idle and peak RSS (VmRSS / VmHWM from /proc).
#
# Needs: a JDK >= 25 (JAVA or JAVA_HOME, else /usr/lib/jvm/temurin-25-jdk-amd64), curl, ImageMagick `convert`.
set -euo pipefail

N=200; C=8; JAR=""; SWEEP=0
while [ $# -gt 0 ]; do
  case "$1" in
    --sweep) SWEEP=1; shift ;;
    -n) N="$2"; shift 2 ;;
    -c) C="$2"; shift 2 ;;
    --jar) JAR="$2"; shift 2 ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
HERE="$(cd "$(dirname "$0")" && pwd)"
if [ -z "$JAR" ]; then
  JAR="$(ls -t "$HERE"/../target*/snapotter-server.jar 2>/dev/null | head -1 || true)"
fi
[ -f "$JAR" ] || { echo "no snapotter-server.jar; build it: mvn -pl container/server -am -DskipTests package" >&2; exit 2; }
JAVA="${JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/java}}"; JAVA="${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"

WORK="$(mktemp -d)"; PORT="$((20000 + RANDOM % 20000))"; BASE="http://127.0.0.1:$PORT"
cleanup() { [ -n "${PID:-}" ] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

HOST=127.0.0.1 PORT=$PORT DATA_DIR="$WORK/data" WORKSPACE_PATH="$WORK/ws" DEFAULT_PASSWORD='Load-test-1' \
  SKIP_MUST_CHANGE_PASSWORD=true RATE_LIMIT_PER_MIN=0 MAX_QUEUED_JOBS=1000 LOG_LEVEL=warn \
  "$JAVA" --enable-native-access=ALL-UNNAMED -jar "$JAR" >"$WORK/server.log" 2>&1 &
PID=$!
for _ in $(seq 1 150); do curl -sf "$BASE/api/v1/health" >/dev/null && break; sleep 0.2; done
curl -sf "$BASE/api/v1/health" >/dev/null || { cat "$WORK/server.log"; exit 1; }
TOKEN="$(curl -sf -H 'Content-Type: application/json' -d '{"username":"admin","password":"Load-test-1"}' "$BASE/api/auth/login" \
  | sed -E 's/.*"token":"([^"]+)".*/\1/')"

convert -size 1600x1200 plasma:fractal -quality 90 "$WORK/photo.jpg"      # ~2 MP JPEG
convert -size 640x480 gradient:blue-orange "$WORK/small.png"
export BASE TOKEN WORK

one() { # scenario → "status seconds"
  case "$1" in
    health) curl -s -o /dev/null -w '%{http_code} %{time_total}\n' "$BASE/api/v1/health" ;;
    resize) curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -H "Authorization: Bearer $TOKEN" \
              -F "file=@$WORK/photo.jpg" -F 'settings={"width":800}' "$BASE/api/v1/tools/resize" ;;
    pipeline) curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -H "Authorization: Bearer $TOKEN" -F "file=@$WORK/photo.jpg" \
              -F 'pipeline={"steps":[{"toolId":"resize","settings":{"width":1024}},{"toolId":"sharpening","settings":{}}]}' "$BASE/api/v1/pipeline/execute" ;;
    batch5) curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -H "Authorization: Bearer $TOKEN" -F 'settings={"width":320}' \
              -F "file=@$WORK/small.png" -F "file=@$WORK/small.png" -F "file=@$WORK/small.png" -F "file=@$WORK/small.png" \
              -F "file=@$WORK/small.png" "$BASE/api/v1/tools/resize/batch" ;;
  esac
}
export -f one

rss_kb() { awk -v k="$1" '$1 == k":" {print $2}' "/proc/$PID/status"; }

if [ "$SWEEP" = 1 ]; then
  convert -size 4000x3000 plasma:fractal -quality 90 "$WORK/photo12.jpg"   # 12 MP JPEG
  export PHOTO12="$WORK/photo12.jpg"
  sweep_one() { curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -H "Authorization: Bearer $TOKEN" \
                  -F "file=@$PHOTO12" -F 'settings={"width":1920}' "$BASE/api/v1/tools/resize"; }
  export -f sweep_one
  sleep 2
  echo "Idle RSS after start-up and login: $(( $(rss_kb VmRSS) / 1024 )) MiB"
  echo
  echo "| Clients | Requests | req/s | p50 s | p99 s | Status codes |"
  echo "|---|---|---|---|---|---|"
  for c in 1 5 10 20; do
    n=$N; [ "$n" -lt "$c" ] && n=$c
    start=$(date +%s.%N)
    seq "$n" | xargs -P "$c" -I{} bash -c "sweep_one" > "$WORK/sweep$c.txt"
    end=$(date +%s.%N)
    codes=$(awk '{print $1}' "$WORK/sweep$c.txt" | sort | uniq -c | awk '{printf "%s×%s ", $2, $1}')
    sort -k2 -n "$WORK/sweep$c.txt" | awk -v n="$n" -v c="$c" -v t="$(echo "$end - $start" | bc)" '
      { lat[NR] = $2 }
      END { i50 = int(NR * 0.50); i99 = int(NR * 0.99 + 0.999); if (i50 < 1) i50 = 1; if (i99 > NR) i99 = NR;
            printf "| %d | %d | %.2f | %.2f | %.2f |", c, n, n / t, lat[i50], lat[i99] }'
    echo " $codes|"
  done
  echo
  echo "Peak RSS over the run (VmHWM): $(( $(rss_kb VmHWM) / 1024 )) MiB"
  echo "Machine: $(nproc) CPUs, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); $("$JAVA" -version 2>&1 | head -1)"
  exit 0
fi

echo "| Scenario | Requests | In flight | req/s | p50 ms | p95 ms | max ms | Status codes |"
echo "|---|---|---|---|---|---|---|---|"
for s in health resize pipeline batch5; do
  n=$N; [ "$s" = batch5 ] && n=$((N / 4))
  start=$(date +%s.%N)
  seq "$n" | xargs -P "$C" -I{} bash -c "one $s" > "$WORK/$s.txt"
  end=$(date +%s.%N)
  codes=$(awk '{print $1}' "$WORK/$s.txt" | sort | uniq -c | awk '{printf "%s×%s ", $2, $1}')
  sort -k2 -n "$WORK/$s.txt" | awk -v n="$n" -v s="$s" -v c="$C" -v t="$(echo "$end - $start" | bc)" '
    { lat[NR] = $2 * 1000 }
    END { p50 = lat[int(NR * 0.50) > 0 ? int(NR * 0.50) : 1]; p95 = lat[int(NR * 0.95) > 0 ? int(NR * 0.95) : 1];
          printf "| %s | %d | %d | %.1f | %.0f | %.0f | %.0f |", s, n, c, n / t, p50, p95, lat[NR] }'
  echo " $codes|"
done
echo
echo "Machine: $(nproc) CPUs, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); $("$JAVA" -version 2>&1 | head -1)"
