# Finds a Java runtime of version 21 or newer and prints the path of its java executable.
# Order: $LEDGERPORT_JAVA, $JAVA_HOME, java on the PATH, then the newest JDK in the usual install folders.
# Shared by the product's launch script and the developer scripts in bin/, so both pick the same runtime.

ledgerport_java_major() {
    # `java -version` prints e.g. 'openjdk version "21.0.4"' or '"1.8.0_392"' on stderr.
    "$1" -version 2>&1 | sed -n 's/.* version "\([0-9][0-9]*\)\(\.\([0-9]*\)\)\{0,1\}.*/\1 \3/p' | head -n 1 |
        awk '{ print ($1 == 1) ? $2 : $1 }'
}

ledgerport_find_java() {
    candidate_ok() {
        [ -x "$1" ] || return 1
        major=$(ledgerport_java_major "$1")
        [ -n "$major" ] && [ "$major" -ge 21 ]
    }
    for candidate in "${LEDGERPORT_JAVA:-}" "${JAVA_HOME:+$JAVA_HOME/bin/java}" "$(command -v java 2>/dev/null)"; do
        if [ -n "$candidate" ] && candidate_ok "$candidate"; then
            echo "$candidate"
            return 0
        fi
    done
    best=""
    best_major=0
    for home in /usr/lib/jvm/* /opt/java/* /usr/java/* /Library/Java/JavaVirtualMachines/*/Contents/Home "$HOME"/.sdkman/candidates/java/*; do
        candidate="$home/bin/java"
        [ -x "$candidate" ] || continue
        major=$(ledgerport_java_major "$candidate")
        if [ -n "$major" ] && [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then
            best="$candidate"
            best_major=$major
        fi
    done
    if [ -n "$best" ]; then
        echo "$best"
        return 0
    fi
    echo "Ledgerport needs Java 21 or newer, and none was found." >&2
    echo "Looked at \$LEDGERPORT_JAVA, \$JAVA_HOME, 'java' on the PATH and /usr/lib/jvm, /opt/java, /usr/java," >&2
    echo "/Library/Java/JavaVirtualMachines and ~/.sdkman. Install one (on Debian: apt-get install openjdk-21-jdk" >&2
    echo "where available, or a Temurin 21+ JDK) or point JAVA_HOME at it." >&2
    return 1
}
