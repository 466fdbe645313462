#!/usr/bin/env bash
# A login flood against the server, and a legitimate user beside it:
#   flood      wrk -t2 -cN on POST /v1/sessions with admin and a wrong password: each answer
#              is 401 (the password was hashed and checked), 503 server_busy (the hashing
#              queue was full) or 429 rate_limited (the login throttle), for N = 16 and 32
#   legit      wrk -t1 -c1 on the grant-checked GET /v1/apps/demo/node (session plus
#              padlock-grant) during the flood, and once on the idle server for comparison
#   memory     the server's VmRSS before, at its highest during (sampled every 0.2 s), and
#              2 s and 10 s after each flood
#
#   bench/exhaustion.sh    # env: PADLOCK_BIN, DURATION (12s), CONNS ("16 32")
set -euo pipefail
. "$(dirname "$0")/common.sh"
DURATION=${DURATION:-12s} CONNS=${CONNS:-"16 32"}
need wrk; need jq

start_server
login_totp
export SESSION
rss_start=$(status_kb "$SERVER_PID" VmRSS)

# legit OUT SECONDS: the grant-checked read, one connection, back to back
legit() {
    METHOD=GET REQ_PATH=/v1/apps/demo/node GRANT="$GRANT" EXPECT=200 \
        wrk -t1 -c1 -d"$2" --timeout 10s --latency -s "$BENCH/wrk/padlock.lua" "$SERVER_URL" >"$1" 2>&1
    grep -q '^RESULT.* unexpected=0 ' "$1"
}

# flood N: N connections of wrong-password logins for DURATION; the legitimate user runs
# from 1 s in to 1 s before the end; memory sampled throughout and after
flood() {
    local n=$1 secs=${DURATION%s} sampler peak=0 rss
    METHOD=POST REQ_PATH=/v1/sessions BODY='{"username":"admin","password":"not the password"}' EXPECT=401 \
        wrk -t2 -c"$n" -d"$DURATION" --timeout 10s -s "$BENCH/wrk/padlock.lua" "$SERVER_URL" \
        >"$RESULTS/exhaustion-flood-c$n.txt" 2>&1 &
    local flood_pid=$!
    ( while kill -0 "$flood_pid" 2>/dev/null; do status_kb "$SERVER_PID" VmRSS; sleep 0.2; done ) \
        >"$WORK/rss-c$n" &
    sampler=$!
    sleep 1
    legit "$RESULTS/exhaustion-legit-c$n.txt" "$((secs - 2))s"
    wait "$flood_pid"; wait "$sampler"
    for rss in $(cat "$WORK/rss-c$n"); do [ "$rss" -gt "$peak" ] && peak=$rss; done
    sleep 2; local after2; after2=$(status_kb "$SERVER_PID" VmRSS)
    sleep 8; local after10; after10=$(status_kb "$SERVER_PID" VmRSS)
    echo "$peak $after2 $after10" >"$RESULTS/exhaustion-rss-c$n.txt"
    # Every answer is a 401, 503 or 429; no socket errors.
    grep -Eq '^RESULT.* unexpected_status=(503|429|0) err_connect=0 err_read=0 err_write=0 err_timeout=0' \
        "$RESULTS/exhaustion-flood-c$n.txt"
}

measure "legit, idle server" legit "$RESULTS/exhaustion-legit-idle.txt" 10s
rss_before=$(status_kb "$SERVER_PID" VmRSS)
for n in $CONNS; do measure "flood -c$n" flood "$n"; done
hwm=$(status_kb "$SERVER_PID" VmHWM)

get() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$2"; }
echo "== login flood: wrk -t2 -cN -d$DURATION, wrong password; $(nproc) cores shared by server and wrk"
printf '%-10s %9s %9s %9s %9s %11s %9s %9s\n' '' '401/s' 'refused/s' 'answers' 'RSS peak' 'RSS +2 s' '+10 s' ''
for n in $CONNS; do
    line=$(grep '^RESULT' "$RESULTS/exhaustion-flood-c$n.txt")
    read -r peak after2 after10 <"$RESULTS/exhaustion-rss-c$n.txt"
    secs=$(get duration_s "$line")
    printf '%-10s %9.1f %9.1f %9s %9s %11s %9s\n' "-c$n" \
        "$(awk -v x="$(get expected "$line")" -v s="$secs" 'BEGIN { print x / s }')" \
        "$(awk -v x="$(get unexpected "$line")" -v s="$secs" 'BEGIN { print x / s }')" \
        "$(get requests "$line")" "$(mib "$peak")" "$(mib "$after2")" "$(mib "$after10")"
done
echo
echo "== legitimate user: wrk -t1 -c1 on the grant-checked GET /v1/apps/demo/node"
printf '%-22s %9s %8s %8s %8s %8s\n' '' 'req/s' 'p50 ms' 'p90 ms' 'p99 ms' 'max ms'
for mode in idle $(printf 'c%s ' $CONNS); do
    line=$(grep '^RESULT' "$RESULTS/exhaustion-legit-$mode.txt")
    label=$([ "$mode" = idle ] && echo "idle server" || echo "during flood -${mode}")
    printf '%-22s %9s %8s %8s %8s %8s\n' "$label" "$(get rps "$line")" "$(get p50_ms "$line")" \
        "$(get p90_ms "$line")" "$(get p99_ms "$line")" "$(get max_ms "$line")"
done
echo
echo "== server memory (MiB): VmRSS after start and login $(mib "$rss_start"), before the floods $(mib "$rss_before"), VmHWM $(mib "$hwm")"
print_quiet
