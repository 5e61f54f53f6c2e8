-- Cycles through the request mix in bench/mix.txt, one path per line, and counts non-2xx answers.
local paths = {}
for line in io.lines(os.getenv("MIX_FILE") or "bench/mix.txt") do
  if line ~= "" and line:sub(1, 1) ~= "#" then paths[#paths + 1] = line end
end
local index = 0

request = function()
  index = index % #paths + 1
  return wrk.format("GET", paths[index])
end

local threads = {}
setup = function(thread) threads[#threads + 1] = thread end
init = function() failures = 0 end
response = function(status) if status >= 400 then failures = failures + 1 end end

done = function(summary, latency)
  local failed = 0
  for _, thread in ipairs(threads) do failed = failed + thread:get("failures") end
  io.write(string.format("requests=%d errors_http=%d errors_socket=%d p50_ms=%.2f p99_ms=%.2f rps=%.1f\n",
    summary.requests, failed,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests / (summary.duration / 1e6)))
end
