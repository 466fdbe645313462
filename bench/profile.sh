#!/usr/bin/env bash
# Where the server's CPU goes: `perf record -e cpu-clock -g` on the server during one wrk run
# of verify.sh's node or wrong mode at -c16, then the shares of its CPU by thread kind and by
# what the samples were in. Needs a build with symbols:
#   CARGO_PROFILE_RELEASE_STRIP=false CARGO_PROFILE_RELEASE_DEBUG=1 cargo build --release
#   bench/profile.sh [node|wrong]   # env: PADLOCK_BIN, DURATION (10s), CONNS (16)
set -euo pipefail
. "$(dirname "$0")/common.sh"
MODE=${1:-node} DURATION=${DURATION:-10s} CONNS=${CONNS:-16}
need wrk; need jq; need perf

PADLOCK_LOCKOUT_FAILURES=1000000000 start_server
login_totp
export SESSION
request_env "$MODE"
env "${REQUEST_ENV[@]}" wrk -t2 -c"$CONNS" -d3s -s "$BENCH/wrk/padlock.lua" "$SERVER_URL" >/dev/null
wait_quiet

perf record -q -e cpu-clock -g -p "$SERVER_PID" -o "$WORK/perf.data" &
PERF_PID=$!
sleep 0.5
cpu_before=$(cpu_ticks "$SERVER_PID")
env "${REQUEST_ENV[@]}" wrk -t2 -c"$CONNS" -d"$DURATION" -s "$BENCH/wrk/padlock.lua" "$SERVER_URL" \
    >"$WORK/wrk.txt"
cpu_ticks=$(( $(cpu_ticks "$SERVER_PID") - cpu_before ))
kill -INT "$PERF_PID"; wait "$PERF_PID" || true
cp "$WORK/perf.data" "$RESULTS/perf-$MODE.data"

result=$(grep '^RESULT' "$WORK/wrk.txt")
requests=$(sed -n 's/.* requests=\([0-9]*\).*/\1/p' <<<"$result")
rps=$(sed -n 's/.* rps=\([0-9.]*\).*/\1/p' <<<"$result")
# Per sample: a line with the thread's name, then one per frame of its stack, innermost first.
perf script -i "$WORK/perf.data" -F comm,ip,sym,dso 2>/dev/null | awk -v requests="$requests" \
    -v rps="$rps" -v ticks="$cpu_ticks" -v hz="$(getconf CLK_TCK)" -v mode="$MODE" -v conns="$CONNS" '
    function flush() {
        if (comm == "") return
        samples++
        thread[comm ~ /^sqlx-sqlite/ ? "sqlx SQLite connection threads" :
               comm ~ /^sqlite-writer/ ? "the SQLite writer" :
               comm ~ /^tokio/ ? "tokio workers (requests, in place reads)" : "other threads"]++
        if (top ~ /^(finish_task_switch|__schedule|schedule|try_to_wake_up|futex|__futex|_raw_spin_unlock_irqrestore)/ || stack ~ /futex_wait|futex_wake|schedule_hrtimeout/) sched++
        if (kernel) kern++
        if (stack ~ / sqlite3/) sqlite++
        if (top ~ /^(malloc|free|_int_malloc|_int_free|realloc|cfree|__libc_malloc|__libc_free|malloc_consolidate|unlink_chunk|mi_|_mi_)/) alloc++
        comm = ""; stack = ""; top = ""; kernel = 0
    }
    /^[^ \t]/ { flush(); comm = $1; next }
    NF > 1 {
        sym = $0; sub(/^[ \t]*[0-9a-f]+ /, "", sym); sub(/ \([^(]*\)$/, "", sym)
        if (top == "") { top = sym; kernel = ($NF ~ /kernel/) }
        stack = stack " " sym
    }
    END {
        flush()
        printf "== %s -c%s under perf: %s req/s, %d requests, %d samples\n", mode, conns, rps, requests, samples
        printf "server CPU per request under perf: %.0f µs\n", ticks / hz / requests * 1e6
        for (t in thread) printf "  %-44s %5.1f %%\n", t, 100 * thread[t] / samples
        printf "  %-44s %5.1f %%\n", "kernel (innermost frame)", 100 * kern / samples
        printf "  %-44s %5.1f %%\n", "scheduler: switches, wake-ups, futexes", 100 * sched / samples
        printf "  %-44s %5.1f %%\n", "SQLite itself (any frame)", 100 * sqlite / samples
        printf "  %-44s %5.1f %%\n", "malloc/free (innermost frame)", 100 * alloc / samples
    }'
echo "(symbols, self time:)"
perf report -i "$WORK/perf.data" --no-children --sort sym --stdio -g none 2>/dev/null \
    | grep -E '^ +[0-9]' | head -15 || true
echo "(the samples: $RESULTS/perf-$MODE.data, for perf report -i)"
