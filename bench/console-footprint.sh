#!/usr/bin/env bash
# The console's resident memory idle, after a burst of 600,000 records at the defaults, and its live heap after a full
# GC (issue 20), measured by FootprintMain target=console. Starts a virtual display when none is set (Xvfb), runs the
# console with the installers' JVM flags (installers/common/app.args) unless CONSOLE_JVM is given. Prints figures only.
#   bench/console-footprint.sh [records=600000] [idleSeconds=20]
set -euo pipefail
if [ -z "${DISPLAY:-}" ]; then
  exec xvfb-run -a -s "-screen 0 1280x1024x24" "$0" "$@"
fi
cd "$(dirname "$0")/.."

./mvnw -B -q -o -pl app,bench -am -DskipTests compile dependency:build-classpath \
  -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime >/dev/null
console_cp="app/target/classes:engine/target/classes:$(cat app/target/classpath.txt)"
bench_cp="bench/target/classes:engine/target/classes:$(cat bench/target/classpath.txt)"

flags=${CONSOLE_JVM:-$(sed -n 's/^--java-options \(-X[^ ]*\)$/\1/p' installers/common/app.args | tr '\n' ' ')}

java -Xmx256m -Dfootprint.jvm="$flags -Dprism.order=sw" -Dfootprint.console.classpath="$console_cp" \
  -cp "$bench_cp" io.triggerlab.bench.FootprintMain target=console "$@"
