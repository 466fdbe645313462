#!/usr/bin/env bash
# Cold start of `padlock --version` next to the peers' CLIs (gh, oathtool, python3 + pyotp),
# all in one hyperfine run of the peers' cli-coldstart.sh; and the size of the binary.
#
#   bench/cold-start.sh            # env: PADLOCK_BIN, RUNS (50), WARMUP (5)
set -euo pipefail
. "$(dirname "$0")/common.sh"
need hyperfine

measure cold-start "$PEERS/cli-coldstart.sh" "$PADLOCK --version" >"$RESULTS/cold-start.log" 2>&1 \
    || { cat "$RESULTS/cold-start.log"; exit 1; }
cp "$PEERS_WORK/.run/cli-coldstart.json" "$RESULTS/cold-start.json"

echo "== cold start, hyperfine -N, ${RUNS:-50} runs ('x ref' = mean / padlock's mean)"
"$PADLOCK" --version
grep -E '^(gh version|oathtool \(|python [0-9])' "$RESULTS/cold-start.log" || true
"$BENCH/hyperfine-table.py" "$RESULTS/cold-start.json" "extra:" "extra: $PADLOCK --version=padlock --version"
echo
echo "== binary size"
for bin in "$PADLOCK" "$(command -v gh)" "$(command -v oathtool)"; do
    printf '%-10s %7s MiB  %s\n' "$(basename "$bin")" "$(mib $(($(stat -c %s "$bin") / 1024)))" \
        "$(file -b "$bin" | grep -o 'not stripped\|stripped')"
done
print_quiet
