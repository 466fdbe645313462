-- wrk script for padlock's server: one fixed request, counted by answer.
--   METHOD (GET), REQ_PATH, BODY (sent as JSON when set), SESSION (Authorization: Bearer),
--   GRANT (padlock-grant header, optional), EXPECT (the status that counts as "expected").
-- Prints one line starting with RESULT, in the format of the peers' wrk/validate-check.lua.
local headers = { ["Authorization"] = "Bearer " .. os.getenv("SESSION") }
local body = os.getenv("BODY")
if body and #body > 0 then headers["Content-Type"] = "application/json" else body = nil end
local grant = os.getenv("GRANT")
if grant and #grant > 0 then headers["padlock-grant"] = grant end
local expect = tonumber(os.getenv("EXPECT") or "200")
local req = wrk.format(os.getenv("METHOD") or "GET", os.getenv("REQ_PATH"), headers, body)

local threads = {}
function setup(thread) table.insert(threads, thread) end

expected, unexpected, last_status = 0, 0, 0
function request() return req end
function response(status, hdrs, body)
  if status == expect then expected = expected + 1 else unexpected = unexpected + 1; last_status = status end
end

function done(summary, latency, requests)
  local x, u, s = 0, 0, 0
  for _, t in ipairs(threads) do
    x = x + t:get("expected"); u = u + t:get("unexpected")
    if t:get("last_status") ~= 0 then s = t:get("last_status") end
  end
  local e, secs = summary.errors, summary.duration / 1e6
  io.write(string.format(
    "RESULT requests=%d duration_s=%.2f rps=%.1f mean_ms=%.2f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f " ..
    "expected=%d unexpected=%d unexpected_status=%d err_connect=%d err_read=%d err_write=%d err_timeout=%d\n",
    summary.requests, secs, summary.requests / secs, latency.mean / 1000, latency:percentile(50) / 1000,
    latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    x, u, s, e.connect, e.read, e.write, e.timeout))
end
