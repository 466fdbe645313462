#!/usr/bin/env bash
# API conformance: schemathesis (from PyPI, pinned) generates requests for every operation of
# /v1/openapi.json against a dev server, authenticated as `admin` holding a grant, and fails
# on any 5xx, on a status, content type or body the document does not allow, and on a method
# the document does not name for a path (which must answer 405).
#
# Runs alone (`bash .ci/schemathesis.sh`) or from .ci/run; needs no terminal. The number of
# examples per operation is bounded (SCHEMATHESIS_MAX_EXAMPLES, default 10) to keep it to a
# couple of minutes on two cores.
set -euo pipefail
cd "$(dirname "$0")/.."

SCHEMATHESIS_VERSION=4.32.5
max_examples="${SCHEMATHESIS_MAX_EXAMPLES:-10}"
venv=target/ci/schemathesis

# python3 with venv (Debian splits it out as python3-venv).
if ! python3 -c 'import ensurepip, venv' >/dev/null 2>&1; then
    echo "installing: python3 python3-venv"
    if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
        python3 python3-venv >/dev/null
fi
if [ "$("$venv/bin/st" --version 2>/dev/null)" != "st, version $SCHEMATHESIS_VERSION" ]; then
    rm -rf "$venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION"
fi

cargo build -q
work=$(mktemp -d)
server_pid=""
cleanup() {
    if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

# A dev server on a free port; its one JSON line says where it is and admin's password.
env -u PADLOCK_CONFIG RUST_LOG=warn target/debug/padlock server --dev --listen 127.0.0.1:0 \
    --output json --data-dir "$work/data" </dev/null >"$work/start" 2>"$work/server.log" &
server_pid=$!
for _ in $(seq 100); do
    [ -s "$work/start" ] && break
    kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log"; exit 1; }
    sleep 0.1
done

# admin logs in, enrolls TOTP and holds a grant: the session and grant every request carries.
read -r url session grant < <("$venv/bin/python" - "$work/start" <<'EOF'
import base64, hashlib, hmac, json, struct, sys, time, urllib.request

start = json.load(open(sys.argv[1]))
url = start["url"]

def post(path, body, token=None):
    request = urllib.request.Request(url + path, json.dumps(body).encode(), method="POST")
    request.add_header("content-type", "application/json")
    if token:
        request.add_header("authorization", "Bearer " + token)
    return json.load(urllib.request.urlopen(request, timeout=30))

def totp(secret, now):
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    digest = hmac.new(key, struct.pack(">Q", int(now) // 30), hashlib.sha1).digest()
    offset = digest[-1] & 15
    number = struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF
    return "%06d" % (number % 1000000)

session = post("/v1/sessions", {"username": "admin", "password": start["admin_password"]})["token"]
secret = post("/v1/2fa/setup", {"method": "totp"}, session)["secret"]
grant = post("/v1/2fa/confirm", {"code": totp(secret, time.time())}, session)["token"]
print(url, session, grant)
EOF
)

# Logging out or resetting admin's second factor would take the credentials away from
# every request after it; both have tests of their own (tests/it).
status=0
"$venv/bin/st" --config-file .ci/schemathesis.toml run "$url/v1/openapi.json" --url "$url" \
    --header "Authorization: Bearer $session" --header "padlock-grant: $grant" \
    --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance,unsupported_method \
    --exclude-operation-id logout --exclude-operation-id reset_second_factor \
    --max-examples "$max_examples" --phases examples,coverage,fuzzing \
    --seed "${SCHEMATHESIS_SEED:-1}" --max-time 120 \
    --workers 2 --request-timeout 30 --no-color </dev/null || status=$?
if [ "$status" != 0 ]; then
    echo "schemathesis failed; the server's log:"
    tail -n 50 "$work/server.log"
fi
exit "$status"
