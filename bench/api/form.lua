-- wrk script: POST the automotive voice-of-the-customer form (bench/api/form.json).
-- A committed form answers 201; wrk reports any other status as
-- "Non-2xx or 3xx responses", and done() prints the count.
local f = io.open(debug.getinfo(1, "S").source:sub(2):match("(.*/)") .. "form.json")
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/json"

function done(summary, latency, requests)
  io.write(string.format("non-2xx responses: %d, socket errors: %d\n", summary.errors.status,
                         summary.errors.connect + summary.errors.read + summary.errors.write +
                         summary.errors.timeout))
end
