# Compiles the project and runs a main class with the JVM options given. Benchmarks live in the test
# source set (so they never ship in the production jar, yet compile with every build), hence the test
# classpath. Plain java rather than exec:java: the Micronaut parent POM configures exec-maven-plugin
# for `mvn exec:exec` (C1-only JIT, a fixed argument list), which breaks exec:java and skews timings.
# Usage: run_main [JVM options...] MAIN_CLASS [args...]
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

run_main() {
  local jvm=()
  while [[ $# -gt 0 && $1 == -* ]]; do jvm+=("$1"); shift; done
  local main=$1; shift
  (cd "$root" && ./mvnw -q test-compile dependency:build-classpath \
      -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >&2)
  exec java "${jvm[@]}" -cp "$root/target/test-classes:$root/target/classes:$(cat "$root/target/bench-classpath.txt")" "$main" "$@"
}
