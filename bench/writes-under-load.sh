#!/usr/bin/env bash
# Other writes while wrong codes flood the server: does a write that is not a code check wait
# behind them? One probe at a time (wrk -t1 -c1) while `wrk -t2 -c16` sends wrong codes, as
# in verify.sh's `wrong` mode:
#   grant   POST /v1/grants: issue a CI grant (one INSERT, plus its audit event)
#   node    GET /v1/apps/demo/node with the grant (its audit event only)
# Each probe runs once on an idle server, then under the flood.
#
#   bench/writes-under-load.sh    # env: PADLOCK_BIN, DURATION (8s)
set -euo pipefail
. "$(dirname "$0")/common.sh"
DURATION=${DURATION:-8s}
need wrk; need jq

PADLOCK_LOCKOUT_FAILURES=1000000000 start_server
login_totp
export SESSION GRANT

probe() {
    local env
    case $1 in
        grant) env=(METHOD=POST REQ_PATH=/v1/grants EXPECT=201
                    BODY='{"app":"demo","envs":["production"],"allow":["transport"],"label":"bench"}') ;;
        node)  env=(METHOD=GET REQ_PATH=/v1/apps/demo/node EXPECT=200) ;;
    esac
    env "${env[@]}" wrk -t1 -c1 -d"$DURATION" --timeout 10s --latency -s "$BENCH/wrk/padlock.lua" \
        "$SERVER_URL" | grep '^RESULT'
}
# probe_under_flood PROBE: the probe while wrong codes flood the server (from 1 s before it
# until it ends), and the flood's own result
probe_under_flood() {
    METHOD=POST REQ_PATH=/v1/2fa/verify BODY='{"code":"000000"}' EXPECT=401 \
        wrk -t2 -c16 -d"$(( ${DURATION%s} + 2 ))s" -s "$BENCH/wrk/padlock.lua" "$SERVER_URL" \
        >"$RESULTS/writes-under-load-flood-$1.txt" &
    local flood=$!
    sleep 1
    probe "$1" >"$RESULTS/writes-under-load-$1-flood.txt"
    wait "$flood"
}

for p in grant node; do
    measure "$p idle" eval 'probe $p >"$RESULTS/writes-under-load-$p-idle.txt"'
    measure "$p under flood" probe_under_flood "$p"
done

get() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$2"; }
echo "== one probe (wrk -t1 -c1 -d$DURATION), idle and while wrk -t2 -c16 sends wrong codes; $(nproc) cores"
printf '%-22s %9s %8s %8s %9s %8s %9s\n' '' 'req/s' 'p50 ms' 'p99 ms' 'max ms' timeouts 'flood r/s'
for p in grant node; do
    for when in idle flood; do
        line=$(cat "$RESULTS/writes-under-load-$p-$when.txt")
        flood=-
        [ "$when" = flood ] && flood=$(get rps "$(grep '^RESULT' "$RESULTS/writes-under-load-flood-$p.txt")")
        printf '%-22s %9s %8s %8s %9s %8s %9s\n' "$p ($when)" "$(get rps "$line")" "$(get p50_ms "$line")" \
            "$(get p99_ms "$line")" "$(get max_ms "$line")" "$(get err_timeout "$line")" "$flood"
    done
done
print_quiet
