#!/usr/bin/env bash
# Upload (`padlock packages upload`) and download (`padlock backups download`) of big files
# against a local dev server, next to curl doing the same transfer against the same endpoint
# with the same headers (the bare-transfer peer), for each size: MB/s, the client's peak RSS
# (/usr/bin/time -v) and the server's peak RSS during the transfer (VmHWM, reset before each
# transfer through /proc/PID/clear_refs). Memory should not grow with the size.
# The backup comes from a backup_create hook on env `test` that copies the payload file.
#
#   bench/transfer.sh            # env: PADLOCK_BIN, SIZES ("100M 2G", as head -c takes them)
set -euo pipefail
. "$(dirname "$0")/common.sh"
SIZES=${SIZES:-100M 2G}
need curl; need jq; [ -x /usr/bin/time ] || need /usr/bin/time time

payload=$WORK/payload.bin
printf '[[hooks]]\napp = "demo"\nenv = "test"\noperation = "backup_create"\ncommand = %s\n' \
    "\"cp '$payload' \\\"\$PADLOCK_BACKUP_FILE\\\"\"" >"$WORK/server.toml"
start_server --config "$WORK/server.toml"
login_totp
auth=(-H "Authorization: Bearer $SESSION")
up=$SERVER_URL/v1/apps/demo/packages?filename=payload.bin
down=$SERVER_URL/v1/apps/demo/envs/test/backups/latest/download

# transfer KEY CMD...: time CMD (output to $WORK/out), keep MB/s and peak RSS of both sides in R[KEY]
declare -A R
transfer() {
    local key=$1 t0 t1 bytes srv_rss; shift
    sync                                   # start without the previous transfer's dirty pages
    echo 5 >"/proc/$SERVER_PID/clear_refs" # VmHWM := VmRSS
    srv_rss=$(status_kb "$SERVER_PID" VmRSS)
    t0=$EPOCHREALTIME
    /usr/bin/time -v -o "$WORK/time.txt" "$@" >"$WORK/out" || return 1
    t1=$EPOCHREALTIME
    bytes=$(stat -c %s "$payload")
    R[$key]="$(awk -v b="$bytes" -v a="$t0" -v z="$t1" 'BEGIN { printf "%.0f %.2f", b / 1e6 / (z - a), z - a }')"
    R[$key]+=" $(awk '/Maximum resident set size/ { print $NF }' "$WORK/time.txt") $srv_rss $(status_kb "$SERVER_PID" VmHWM)"
    { echo "== $key: ${R[$key]}"; cat "$WORK/time.txt"; } >>"$RESULTS/transfer-time.txt"
    rm -f "$WORK/download.bin"
}

: >"$RESULTS/transfer-time.txt"   # /usr/bin/time -v of every transfer, after "== KEY: MB/s s RSS..."
for size in $SIZES; do
    head -c "$size" /dev/urandom >"$payload"
    measure "upload $size padlock" transfer "$size up padlock" \
        "$PADLOCK" packages upload --app demo "$payload" --output json
    jq -e .sha256 "$WORK/out" >/dev/null
    measure "upload $size curl" transfer "$size up curl" \
        curl -sSf -X POST -T "$payload" "${auth[@]}" -H 'Content-Type: application/octet-stream' "$up"
    jq -e .sha256 "$WORK/out" >/dev/null
    "$PADLOCK" backups create --app demo --env test --output json >/dev/null
    measure "download $size padlock" transfer "$size down padlock" \
        "$PADLOCK" backups download --app demo --env test -o "$WORK/download.bin" --output json
    jq -e .sha256 "$WORK/out" >/dev/null
    measure "download $size curl" transfer "$size down curl" \
        curl -sSf "${auth[@]}" -o "$WORK/download.bin" "$down"
    rm -f "$payload" "$WORK"/data/packages/[0-9a-f]* "$WORK"/data/backups/*.bak
done

{
echo "== transfers to/from a dev server on 127.0.0.1 (sizes as head -c: M = MiB, G = GiB; MB/s = 1e6 B/s)"
row() { printf '%-5s %-5s %-8s %8s %7s %11s %11s %13s %7s\n' "$@"; }
row size dir client 'MB/s' 's' 'client MiB' 'server MiB' 'srv peak MiB' 'x curl'
for size in $SIZES; do
    for dir in up down; do
        read -r curl_mbps _ <<<"${R[$size $dir curl]}"
        for who in padlock curl; do
            read -r mbps secs crss srss speak <<<"${R[$size $dir $who]}"
            row "$size" "$dir" "$who" "$mbps" "$secs" "$(mib "$crss")" "$(mib "$srss")" "$(mib "$speak")" \
                "$(awk -v a="$mbps" -v b="$curl_mbps" 'BEGIN { printf "%.2f", a / b }')"
        done
    done
done
echo "(client MiB: max RSS of the client; server MiB: its VmRSS before the transfer; srv peak: VmHWM during it)"
print_quiet
} | tee "$RESULTS/transfer.txt"
