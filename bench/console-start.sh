#!/usr/bin/env bash
# Console start time, benchmark-style (figures printed, nothing asserted): starts the built console RUNS times
# (default 3) on a data directory, reads the console's "Start time:" log lines (measured from the JVM's start) and
# stops it. The first run on a fresh directory includes creating the sandbox broker; later runs start a returning
# user's console. Needs a display, or xvfb-run (it is used when DISPLAY is not set).
#
#   ./mvnw -B -DskipTests package && bench/console-start.sh [RUNS] [DATA_DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
jar="$here/app/target/triggerlab-console.jar"
runs=${1:-3}
data=${2:-$(mktemp -d)}
[ -f "$jar" ] || { echo "Build first: ./mvnw -B -DskipTests package ($jar is missing)" >&2; exit 2; }
if [ -z "${DISPLAY:-}" ] && [ -z "${BENCH_UNDER_XVFB:-}" ]; then
    command -v xvfb-run >/dev/null || { echo "No DISPLAY and no xvfb-run (apt-get install xvfb)" >&2; exit 2; }
    BENCH_UNDER_XVFB=1 exec xvfb-run -a -s "-screen 0 1280x900x24" "$0" "$runs" "$data"
fi
echo "console start, data directory $data, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-4s %12s %26s %s\n' run "window (ms)" "engine running (ms)" "JavaFX configuration warning"
for run in $(seq 1 "$runs"); do
    log=$(mktemp)
    java -jar "$jar" --data-dir "$data" >"$log" 2>&1 &
    app=$!
    for _ in $(seq 1 180); do
        grep -q 'Start time: engine running' "$log" && break
        kill -0 "$app" 2>/dev/null || break
        sleep 0.5
    done
    kill "$app" 2>/dev/null || true
    wait "$app" 2>/dev/null || true
    window=$(sed -n 's/.*Start time: window shown \([0-9]*\) ms.*/\1/p' "$log")
    running=$(sed -n 's/.*Start time: engine running, triggers shown \([0-9]*\) ms.*/\1/p' "$log")
    warning=$(grep -c 'Unsupported JavaFX configuration' "$log" || true)
    printf '%-4s %12s %26s %s\n' "$run" "${window:-?}" "${running:-?}" "$([ "$warning" = 0 ] && echo none || echo printed)"
    rm -f "$log"
done
