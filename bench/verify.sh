#!/usr/bin/env bash
# Server throughput and tail latency with wrk, padlock and privacyIDEA in the same run:
#   padlock wrong / wrong-c1  POST /v1/2fa/verify {"code":"000000"} with the session: the
#                             wrong-code path really verified (lockout off, as the peer's
#                             failcounter is 1e9) and audited, one row per attempt
#   padlock node / node-c1    GET /v1/apps/demo/node with session + padlock-grant: a padlocked,
#                             grant-checked read (also audited)
#   privacyIDEA wrong / wrong-c1   POST /validate/check with a wrong code (the peers' bench)
# -c1 modes: 1 thread, 1 connection (latency of one request on an idle server).
#
#   bench/verify.sh        # env: PADLOCK_BIN, DURATION (10s), WARMUP (3s), THREADS (2), CONNS (16)
set -euo pipefail
. "$(dirname "$0")/common.sh"
DURATION=${DURATION:-10s} WARMUP=${WARMUP:-3s} THREADS=${THREADS:-2} CONNS=${CONNS:-16}
export DURATION WARMUP THREADS CONNS
need wrk; need jq

PADLOCK_LOCKOUT_FAILURES=1000000000 start_server
login_totp
export SESSION
rss_idle=$(status_kb "$SERVER_PID" VmRSS)

# padlock_wrk MODE: one wrk run against the padlock server, after a discarded warm-up
padlock_wrk() {
    local t=$THREADS c=$CONNS
    request_env "$1"
    [[ $1 == *-c1 ]] && t=1 c=1
    if [ "$WARMUP" != 0 ]; then
        env "${REQUEST_ENV[@]}" wrk -t"$t" -c"$c" -d"$WARMUP" -s "$BENCH/wrk/padlock.lua" "$SERVER_URL" >/dev/null
    fi
    local cpu_before; cpu_before=$(cpu_ticks "$SERVER_PID")
    env "${REQUEST_ENV[@]}" wrk -t"$t" -c"$c" -d"$DURATION" --timeout 10s --latency \
        -s "$BENCH/wrk/padlock.lua" "$SERVER_URL" >"$RESULTS/verify-padlock-$1.txt" 2>&1
    echo "CPU server_ticks=$(( $(cpu_ticks "$SERVER_PID") - cpu_before ))" >>"$RESULTS/verify-padlock-$1.txt"
    grep -q '^RESULT.* unexpected=0 .*err_connect=0 err_read=0 err_write=0 err_timeout=0' \
        "$RESULTS/verify-padlock-$1.txt"
}
for mode in wrong wrong-c1 node node-c1; do measure "padlock $mode" padlock_wrk "$mode"; done
rss_after=$(status_kb "$SERVER_PID" VmRSS) hwm=$(status_kb "$SERVER_PID" VmHWM)
audited=$(sqlite3 "$WORK/data/padlock.db" 'SELECT count(*) FROM audit_events' 2>/dev/null || echo '?')

peer=0
if peer_start; then
    peer=1
    measure "privacyIDEA wrong, wrong-c1" "$PEERS/privacyidea-bench.sh" wrong wrong-c1 \
        >"$RESULTS/verify-privacyidea.txt" 2>&1 || { cat "$RESULTS/verify-privacyidea.txt"; exit 1; }
else
    echo "privacyIDEA is not set up: run $PEERS/privacyidea-setup.sh for the peer's rows" >&2
fi

# table: one row per RESULT line; 'x peer' = req/s / privacyIDEA's wrong-code req/s at the same
# concurrency (the peer has no grant-checked read, so the node rows compare with that too)
get() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$2"; }
peer_line() { grep "^RESULT mode=fixed" "$RESULTS/verify-privacyidea.txt" | sed -n "${1}p"; }
echo "== wrk -t$THREADS -c$CONNS -d$DURATION (after $WARMUP warm-up); -c1: -t1 -c1; $(nproc) cores shared by server and wrk"
echo "   ('x peer' = req/s / privacyIDEA's wrong-code req/s at the same concurrency; data in $BENCH_TMP)"
echo "   ('CPU µs' = the server's user+system CPU time during the run / requests answered)"
printf '%-30s %9s %8s %8s %8s %9s %7s %7s\n' '' 'req/s' 'p50 ms' 'p90 ms' 'p99 ms' requests 'x peer' 'CPU µs'
for mode in wrong wrong-c1 node node-c1; do
    line=$(grep '^RESULT' "$RESULTS/verify-padlock-$mode.txt")
    ticks=$(sed -n 's/^CPU server_ticks=//p' "$RESULTS/verify-padlock-$mode.txt")
    cpu_us=$(awk -v t="$ticks" -v hz="$(getconf CLK_TCK)" -v n="$(get requests "$line")" 'BEGIN { printf "%.0f", t / hz * 1e6 / n }')
    ratio=-
    if [ $peer = 1 ]; then
        pl=$(peer_line $([[ $mode == *-c1 ]] && echo 2 || echo 1))
        ratio=$(awk -v a="$(get rps "$line")" -v b="$(get rps "$pl")" 'BEGIN { printf "%.0f", a / b }')
    fi
    printf '%-30s %9s %8s %8s %8s %9s %7s %7s\n' "padlock $mode" "$(get rps "$line")" "$(get p50_ms "$line")" \
        "$(get p90_ms "$line")" "$(get p99_ms "$line")" "$(get requests "$line")" "$ratio" "$cpu_us"
done
if [ $peer = 1 ]; then
    for i in 1 2; do
        pl=$(peer_line $i); mode=$([ $i = 1 ] && echo wrong || echo wrong-c1)
        printf '%-30s %9s %8s %8s %8s %9s %7s\n' "privacyIDEA $mode" "$(get rps "$pl")" "$(get p50_ms "$pl")" \
            "$(get p90_ms "$pl")" "$(get p99_ms "$pl")" "$(get requests "$pl")" 1
    done
fi
echo
echo "== server memory (MiB)"
echo "padlock (1 process):     VmRSS idle $(mib "$rss_idle"), after the runs $(mib "$rss_after"), VmHWM $(mib "$hwm"); audit rows $audited"
if [ $peer = 1 ]; then
    grep 'workers total RSS' "$RESULTS/verify-privacyidea.txt" | awk 'NR == 1 { b = $4 } NR == 2 { a = $4 }
        END { printf "privacyIDEA (2 workers): RSS before %s, after %s (master not counted)\n", b, a }'
fi
print_quiet
