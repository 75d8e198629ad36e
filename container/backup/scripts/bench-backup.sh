#!/usr/bin/env bash
# Backup throughput and snapshot write stall (issue 7; results in docs/performance.md, "Backup").
#   container/backup/scripts/bench-backup.sh [DB_MB=200] [UPLOAD_MB=400]
# Builds the backup module's test classes (offline once dependencies are cached) and runs
# dev.snapotter.backup.BackupBenchmark on the project's JDK (>= 25). Needs ~2 GB free in java.io.tmpdir.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
build_dir=${SNAPOTTER_BUILD_DIR:-target}
cd "$root"
cp_file="$root/container/backup/$build_dir/bench.classpath"
# one invocation: the reactor resolves the archive module to its freshly compiled classes
mvn -B -q -o -Dsnapotter.build.dir="$build_dir" -pl container/backup -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test
java_bin=${JAVA_HOME:+$JAVA_HOME/bin/}java
for c in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
  if [ -n "$c" ] && [ -x "$c/bin/java" ] && "$c/bin/java" -version 2>&1 | grep -qE 'version "(2[5-9]|[3-9][0-9])'; then java_bin="$c/bin/java"; break; fi
done
exec "$java_bin" --enable-native-access=ALL-UNNAMED -cp "$root/container/backup/$build_dir/test-classes:$root/container/backup/$build_dir/classes:$(cat "$cp_file")" \
  dev.snapotter.backup.BackupBenchmark "${1:-200}" "${2:-400}"
