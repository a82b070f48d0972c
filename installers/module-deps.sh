#!/usr/bin/env bash
# Prints the JDK modules the console and its dependencies use, for <jpackage.modules> in app/pom.xml. Run it after
# ./mvnw -B -DskipTests package whenever dependencies change, then add java.desktop, jdk.charsets and jdk.crypto.ec
# (reached only through service loading, so jdeps cannot see them). Slow: a few minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/../app/target"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for jar in triggerlab-console.jar lib/*.jar; do
  # Modular jars make jdeps resolve their whole module graph and fail; their classes without module-info are what counts.
  if jar tf "$jar" | grep -qE '(^|/)module-info\.class$'; then
    dir="$work/$(basename "$jar" .jar)"
    mkdir -p "$dir" && (cd "$dir" && jar xf "$OLDPWD/$jar" && find . -name module-info.class -delete)
    jar=$dir
  fi
  jdeps --ignore-missing-deps --print-module-deps --multi-release 17 "$jar" 2>/dev/null || echo "jdeps could not read $jar" >&2
done | tr ',' '\n' | sort -u | grep . | paste -sd, -
