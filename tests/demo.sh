#!/bin/sh
# The main job, end to end on the embedded default: start a dev server (SQLite in a fresh
# folder), log in, upload a package, transport it to test, meet the padlock on production,
# set up an authenticator (the code is computed here, as your phone would), and transport
# to production with the eight-hour grant. Stops the server and cleans up on its own.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
# The dev-profile binary `cargo build` makes (and `cargo test` reuses); PADLOCK_BIN for another.
padlock=${PADLOCK_BIN:-${CARGO_TARGET_DIR:-$root/target}/debug/padlock}
[ -x "$padlock" ] || { echo "build first: cargo build (or set PADLOCK_BIN)" >&2; exit 1; }

work=$(mktemp -d)
server_pid=
cleanup() {
    [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT INT TERM

# The demo keeps its credentials in its own folder, never in your keyring.
export PADLOCK_CONFIG_DIR="$work/config" PADLOCK_CREDENTIAL_STORE=file
unset PADLOCK_GRANT PADLOCK_OTP PADLOCK_OTP_COMMAND PADLOCK_SERVER 2>/dev/null || true

json() { python3 -c 'import json,sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }
# What an authenticator app shows for a base32 key (RFC 6238: SHA-1, 6 digits, 30 s).
totp() {
    if command -v oathtool >/dev/null 2>&1; then
        oathtool --totp -b "$1"
    else
        python3 -c '
import base64, hashlib, hmac, struct, sys, time
key = base64.b32decode(sys.argv[1] + "=" * (-len(sys.argv[1]) % 8))
mac = hmac.new(key, struct.pack(">Q", int(time.time()) // 30), hashlib.sha1).digest()
n = struct.unpack(">I", mac[(mac[-1] & 15):][:4])[0] & 0x7FFFFFFF
print("%06d" % (n % 1000000))' "$1"
    fi
}
step() { printf '\n\033[1m$ %s\033[0m\n' "$*"; }

"$padlock" server --dev --listen 127.0.0.1:0 --data-dir "$work/data" --output json >"$work/server.json" 2>"$work/server.log" &
server_pid=$!
for _ in $(seq 100); do [ -s "$work/server.json" ] && break; sleep 0.05; done
[ -s "$work/server.json" ] || { cat "$work/server.log" >&2; exit 1; }
url=$(json url <"$work/server.json")
admin_password=$(json admin_password <"$work/server.json")
echo "dev server at $url (data in $work/data)"

step padlock login --server "$url" admin --password-stdin
echo "$admin_password" | "$padlock" login --server "$url" admin --password-stdin

step padlock envs list --app demo
"$padlock" envs list --app demo

printf 'demo application, build %s\n' "$(date +%s)" >"$work/demo-1.0.mda"
step padlock packages upload --app demo demo-1.0.mda
package=$("$padlock" packages upload --app demo "$work/demo-1.0.mda" --output json | json id)
echo "package $package uploaded"

step padlock transport --app demo --package "$package" --to test
"$padlock" transport --app demo --package "$package" --to test

step padlock transport --app demo --package "$package" --to production --no-input
if "$padlock" transport --app demo --package "$package" --to production --no-input; then
    echo "production should have been padlocked" >&2; exit 1
else
    echo "(exit $? — production is padlocked and there is no terminal to set up a second factor)"
fi

step padlock 2fa setup --method totp --no-input --output json
setup=$("$padlock" 2fa setup --method totp --no-input --output json)
echo "$setup"
secret=$(echo "$setup" | json secret)

step padlock 2fa confirm --otp "<code from the authenticator>"
"$padlock" 2fa confirm --otp "$(totp "$secret")"

step padlock transport --app demo --package "$package" --to production
"$padlock" transport --app demo --package "$package" --to production

step padlock status
"$padlock" status

step padlock audit --app demo
"$padlock" audit --app demo
echo
echo "demo finished: production runs package $package"
