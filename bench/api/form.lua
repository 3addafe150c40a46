-- wrk script: POST the automotive voice-of-the-customer form; counts non-201s.
local f = io.open(debug.getinfo(1, "S").source:sub(2):match("(.*/)") .. "form.json")
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/json"

local bad = 0
function response(status, headers, body)
  if status ~= 201 then bad = bad + 1 end
end

function done(summary, latency, requests)
  io.write(string.format("non-201 responses: %d (this thread)\n", bad))
end
