#!/usr/bin/env bash
# End to end: a padlocked command with a cached grant (`padlock node show`, one grant-checked,
# audited request) and a plain one (`padlock envs list`) against a local dev server, in one
# hyperfine run with: the same request as bare curl (the server's share), a bare curl of a wrong
# code to privacyIDEA's /validate/check (when set up), and `curl --version` and `gh --version`
# as floors.
#
#   bench/padlocked-command.sh     # env: PADLOCK_BIN, RUNS (50), WARMUP (5)
set -euo pipefail
. "$(dirname "$0")/common.sh"
RUNS=${RUNS:-50} WARMUP=${WARMUP:-5}
need hyperfine; need gh; need curl; need jq

start_server
login_totp
"$PADLOCK" node show --app demo --output json --no-input | jq -e .app >/dev/null  # grant cached, no prompt

cmds=(-n "padlock node show (padlocked, grant cached)" "$PADLOCK node show --app demo --output json"
      -n "padlock envs list (not padlocked)" "$PADLOCK envs list --app demo"
      -n "padlock status (local files only, no request)" "$PADLOCK status"
      -n "curl GET /v1/apps/demo/node (same request)"
         "curl -sf -o /dev/null -H 'Authorization: Bearer $SESSION' -H 'padlock-grant: $GRANT' $SERVER_URL/v1/apps/demo/node")
if peer_start; then
    "$PEERS/privacyidea-server.sh" reset >/dev/null 2>&1
    cmds+=(-n "curl POST privacyIDEA /validate/check (wrong code)"
           "curl -sf -o /dev/null -d user=bench&pass=000000 $PEER_URL/validate/check")
else
    echo "privacyIDEA is not set up: run $PEERS/privacyidea-setup.sh for its row" >&2
fi
cmds+=(-n "curl --version (curl's own start)" "curl --version" -n "gh --version (floor)" "gh --version")

measure padlocked-command hyperfine -N --warmup "$WARMUP" --runs "$RUNS" --style none \
    --export-json "$RESULTS/padlocked-command.json" "${cmds[@]}" >"$RESULTS/padlocked-command.log" 2>&1 \
    || { cat "$RESULTS/padlocked-command.log"; exit 1; }

echo "== end to end, hyperfine -N, $RUNS runs, dev server on 127.0.0.1 ('x ref' = mean / node show's mean)"
"$BENCH/hyperfine-table.py" "$RESULTS/padlocked-command.json" "node show"
print_quiet
