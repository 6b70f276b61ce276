# Sourced by the scripts: finds a JDK 21 or newer and exports JAVA_HOME and PATH for it.
# Order: $JAVA_HOME if it is 21+, else the newest JDK 21+ under /usr/lib/jvm.

java_feature() {  # prints the feature version of the java binary $1, or 0
  "$1" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = \(1\.\)\{0,1\}\([0-9]*\).*/\2/p' | head -n1 | grep . || echo 0
}

find_jdk21() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ] && [ "$(java_feature "$JAVA_HOME/bin/java")" -ge 21 ]; then
    return 0
  fi
  local best="" best_v=0 dir v
  for dir in /usr/lib/jvm/*/; do
    dir=${dir%/}
    [ -x "$dir/bin/javac" ] || continue
    [ -L "$dir" ] && continue
    v=$(java_feature "$dir/bin/java")
    if [ "$v" -ge 21 ] && [ "$v" -gt "$best_v" ]; then best=$dir; best_v=$v; fi
  done
  if [ -z "$best" ]; then
    echo "whyasync needs a JDK 21 or newer and found none (JAVA_HOME=${JAVA_HOME:-unset}, nothing 21+ under /usr/lib/jvm)." >&2
    echo "Install one, e.g. 'apt-get install openjdk-21-jdk-headless' or Temurin 21/25, or set JAVA_HOME to it." >&2
    exit 2
  fi
  export JAVA_HOME=$best
}

find_jdk21
export PATH="$JAVA_HOME/bin:$PATH"
