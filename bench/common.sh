# Sourced by the bench scripts: paths, a dev server with a logged-in TOTP user, the peer
# (privacyIDEA) server, and `measure`, which waits for a quiet machine and repeats a
# measurement that other work on the machine disturbed. Not meant to be run.
BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$BENCH")
PADLOCK=${PADLOCK_BIN:-$ROOT/target/release/padlock}
PEERS=${PEERS_DIR:-$(realpath -m "$ROOT/../shared/peers")}   # the peer scripts (read-only is fine)
PEERS_WORK=${PEERS_WORK:-${XDG_CACHE_HOME:-$HOME/.cache}/padlock-peers}   # where they keep state
RESULTS=$BENCH/.results
LOAD_MAX=${LOAD_MAX:-0.7}         # wait until the 1-minute load average is below this ...
QUIET_WAIT=${QUIET_WAIT:-600}     # ... for at most this many seconds
OTHERS_MAX=${OTHERS_MAX:-0.15}    # a run is disturbed when others used more cores than this
TRIES=${TRIES:-3}                 # runs of a disturbed measurement before keeping the last
export PEERS_WORK
mkdir -p "$RESULTS"
exec 3>&2                         # progress notes reach the terminal even when output is redirected
[ -x "$PADLOCK" ] || { echo "no padlock binary at $PADLOCK: cargo build --release, or set PADLOCK_BIN" >&2; exit 1; }
PADLOCK=$(realpath "$PADLOCK")

BENCH_TMP=${BENCH_TMP:-/tmp}         # holds the server's data dir (and SQLite file) and the big files
WORK=$(mktemp -d "$BENCH_TMP/padlock-bench.XXXXXX")
SERVER_PID='' PEER_STARTED=0 OWN_PIDS=$$
cleanup() {
    if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
    if [ "$PEER_STARTED" = 1 ]; then "$PEERS/privacyidea-server.sh" stop >/dev/null 2>&1 || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# need TOOL [DEBIAN_PACKAGE]: install a missing tool with apt (as root)
need() {
    command -v "$1" >/dev/null 2>&1 && return 0
    [ "$(id -u)" = 0 ] || { echo "missing $1: install the Debian package ${2:-$1}" >&2; exit 1; }
    apt-get update -qq >/dev/null && apt-get install -y -qq "${2:-$1}" >/dev/null
}

# status_kb PID FIELD: a field of /proc/PID/status in kB (VmRSS, VmHWM)
status_kb() { awk -v f="$2:" '$1 == f { print $2 }' "/proc/$1/status"; }
# cpu_ticks PID: the process's user + system CPU time so far, in clock ticks (getconf CLK_TCK)
cpu_ticks() { awk '{ sub(/.*\) /, ""); print $12 + $13 }' "/proc/$1/stat"; }
mib() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }

# wait_quiet: until the 1-minute load average is below LOAD_MAX, or QUIET_WAIT seconds passed.
wait_quiet() {
    local waited=0 load
    while load=$(cut -d' ' -f1 /proc/loadavg) && awk -v l="$load" -v m="$LOAD_MAX" 'BEGIN { exit !(l >= m) }'; do
        if [ "$waited" -ge "$QUIET_WAIT" ]; then
            echo "  (load still $load after ${waited}s: measuring anyway)" >&3; break
        fi
        [ "$waited" = 0 ] && echo "  (waiting for load1 < $LOAD_MAX, now $load)" >&3
        sleep 10; waited=$((waited + 10))
    done
    QUIET_LOAD=$load
}

# measure NAME CMD...: run CMD on a quiet machine and note how quiet it stayed; repeat (up to
# TRIES runs) when other processes used more than OTHERS_MAX cores meanwhile. The CPU of this
# script's process tree and of OWN_PIDS (e.g. the peer's daemonized server) counts as ours.
measure() {
    local name=$1 try status wall ours others kernel note; shift
    for try in $(seq "$TRIES"); do
        wait_quiet
        "$BENCH/cpu.py" snap "$WORK/cpu.before" $OWN_PIDS
        status=0; "$@" || status=$?
        "$BENCH/cpu.py" snap "$WORK/cpu.after" $OWN_PIDS
        read -r wall ours others kernel < <("$BENCH/cpu.py" diff "$WORK/cpu.before" "$WORK/cpu.after")
        note="load1 $QUIET_LOAD before; ${wall}s: ours $ours cores, others $others, kernel threads $kernel"
        echo "$(date -Is) $(basename "$0") $name try $try: $note" >>"$RESULTS/quiet.log"
        [ "$status" = 0 ] || { echo "$name failed (exit $status)" >&2; return "$status"; }
        if awk -v o="$others" -v m="$OTHERS_MAX" 'BEGIN { exit !(o <= m) }'; then break; fi
        echo "  ($name disturbed: $note)" >&3
    done
    QUIET_NOTES+=("$name: $note")
}
QUIET_NOTES=()
print_quiet() {
    echo "quietness ($(nproc) cores; cores busy during the run: ours, other processes', kernel threads'):"
    printf '  %s\n' "${QUIET_NOTES[@]}"
}

# start_server [ARGS...]: a dev server on a free port of 127.0.0.1, data in $WORK/data.
# Sets SERVER_PID, SERVER_URL, ADMIN_PASSWORD.
start_server() {
    "$PADLOCK" server --dev --listen 127.0.0.1:0 --data-dir "$WORK/data" --output json "$@" \
        >"$WORK/server.json" 2>"$WORK/server.log" &
    SERVER_PID=$!
    for _ in $(seq 100); do [ -s "$WORK/server.json" ] && break; sleep 0.1; done
    [ -s "$WORK/server.json" ] || { cat "$WORK/server.log" >&2; exit 1; }
    SERVER_URL=$(jq -r .url "$WORK/server.json")
    ADMIN_PASSWORD=$(jq -r .admin_password "$WORK/server.json")
}

# login_totp: log in as the dev admin (file credential store in $WORK/config), enroll TOTP and
# confirm it, which caches an 8-hour grant. Sets SESSION, GRANT (the raw tokens, for wrk/curl).
login_totp() {
    need oathtool
    export PADLOCK_CONFIG_DIR=$WORK/config PADLOCK_CREDENTIAL_STORE=file
    unset PADLOCK_GRANT PADLOCK_OTP PADLOCK_OTP_COMMAND PADLOCK_SERVER
    echo "$ADMIN_PASSWORD" | "$PADLOCK" login --server "$SERVER_URL" admin --password-stdin >/dev/null 2>&1
    local secret
    secret=$("$PADLOCK" 2fa setup --method totp --no-input --output json | jq -r .secret)
    "$PADLOCK" 2fa confirm --otp "$(oathtool --totp -b "$secret")" >/dev/null 2>&1
    SESSION=$(jq -r '.[] | fromjson | .session' "$PADLOCK_CONFIG_DIR/credentials.json")
    GRANT=$(jq -r '.[] | fromjson | .grant' "$PADLOCK_CONFIG_DIR/credentials.json")
    [[ $SESSION == plk_sess_* && $GRANT == plk_grant_* ]] || { echo "login failed" >&2; exit 1; }
}

# request_env MODE: sets REQUEST_ENV, the environment bench/wrk/padlock.lua sends a mode's
# request with: wrong* a wrong code (401 expected), node* the grant-checked node read (200).
# Needs SESSION exported and GRANT set (login_totp).
request_env() {
    case $1 in
        wrong*) REQUEST_ENV=(METHOD=POST REQ_PATH=/v1/2fa/verify BODY='{"code":"000000"}' EXPECT=401) ;;
        node*)  REQUEST_ENV=(METHOD=GET REQ_PATH=/v1/apps/demo/node GRANT="$GRANT" EXPECT=200) ;;
        *) echo "unknown mode $1: wrong or node" >&2; exit 2 ;;
    esac
}

# peer_start: make sure the privacyIDEA server of the peer scripts runs (stopped again at exit
# if started here). Returns 1 when privacyidea-setup.sh was never run. Sets PEER_URL, and adds
# the gunicorn master to OWN_PIDS.
peer_start() {
    local pi=$PEERS_WORK/.run/privacyidea
    [ -f "$pi/privacyidea.sqlite" ] || return 1
    if ! "$PEERS/privacyidea-server.sh" status >/dev/null 2>&1; then
        "$PEERS/privacyidea-server.sh" start >/dev/null 2>&1; PEER_STARTED=1
    fi
    PEER_URL="http://127.0.0.1:${PI_PORT:-5801}"
    OWN_PIDS="$$ $(cat "$pi/gunicorn.pid")"
}
