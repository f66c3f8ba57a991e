# Shared by bin/start and bin/test: finds Java 21+, installs what a fresh Debian machine lacks for SWT under
# Xvfb, and runs a command on a private virtual display.

LEDGERPORT_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
. "$LEDGERPORT_ROOT/features/org.ledgerport.workstation/rootfiles/posix/lib/find-java.sh"

use_java21() {
    local java
    java=$(ledgerport_find_java) || exit 1
    export JAVA_HOME
    JAVA_HOME=$(cd "$(dirname "$java")/.." && pwd)
    export LEDGERPORT_JAVA="$java"
    echo "Using Java at $JAVA_HOME"
}

# Debian packages SWT needs to open windows on a virtual display, and the X tools the scripts use.
LEDGERPORT_UI_PACKAGES="xvfb x11-utils libgtk-3-0 fonts-dejavu-core"

ensure_ui_packages() {
    local missing=()
    command -v Xvfb >/dev/null 2>&1 || missing+=(xvfb)
    command -v xdpyinfo >/dev/null 2>&1 || missing+=(x11-utils)
    ldconfig -p 2>/dev/null | grep -q 'libgtk-3.so.0' || missing+=(libgtk-3-0)
    fc-list 2>/dev/null | grep -qi dejavu || missing+=(fonts-dejavu-core)
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "Installing packages for SWT under Xvfb: ${missing[*]}"
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1; then
            sudo="sudo"
        else
            echo "Missing packages (${missing[*]}) and no root rights to install them." >&2
            echo "Ask an administrator to run: apt-get install $LEDGERPORT_UI_PACKAGES" >&2
            exit 1
        fi
    fi
    if ! command -v apt-get >/dev/null 2>&1; then
        echo "This is not a Debian-like system; install Xvfb and GTK 3 by hand ($LEDGERPORT_UI_PACKAGES on Debian)." >&2
        exit 1
    fi
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $LEDGERPORT_UI_PACKAGES >/dev/null
}

# Starts Xvfb on the first free display number and exports DISPLAY; the server stops when the script exits.
start_private_display() {
    local n=90
    while [ -e "/tmp/.X${n}-lock" ] || [ -e "/tmp/.X11-unix/X${n}" ]; do n=$((n + 1)); done
    Xvfb ":$n" -screen 0 1440x900x24 -nolisten tcp >/dev/null 2>&1 &
    LEDGERPORT_XVFB_PID=$!
    trap 'kill $LEDGERPORT_XVFB_PID 2>/dev/null || true' EXIT
    export DISPLAY=":$n"
    local tries=0
    until xdpyinfo >/dev/null 2>&1; do
        tries=$((tries + 1))
        if [ $tries -gt 50 ]; then
            echo "Xvfb did not start on display :$n." >&2
            exit 1
        fi
        sleep 0.1
    done
}

# Builds the product when it is missing or older than the sources; prints the folder of this machine's build.
ensure_product_built() {
    local arch product built
    case "$(uname -m)" in
        x86_64 | amd64) arch=x86_64 ;;
        aarch64 | arm64) arch=aarch64 ;;
        *) echo "No Ledgerport product is built for $(uname -m)." >&2; exit 1 ;;
    esac
    product="$LEDGERPORT_ROOT/releng/org.ledgerport.product/target/products/org.ledgerport.product/linux/gtk/$arch/ledgerport"
    # config.ini is written when the product is assembled, so it dates the last build.
    built="$product/configuration/config.ini"
    if [ ! -f "$built" ] || [ -n "$(cd "$LEDGERPORT_ROOT" && find bundles features releng/org.ledgerport.product \
        targetplatform pom.xml -newer "$built" -not -path '*/target/*' -type f -print -quit)" ]; then
        echo "Building the workstation (tests skipped; bin/test runs them)..." >&2
        (cd "$LEDGERPORT_ROOT" && ./mvnw -B -ntp clean package -DskipTests >&2)
    fi
    echo "$product"
}
