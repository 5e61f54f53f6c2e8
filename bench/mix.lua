-- Cycles through the request mix in MIX_FILE (bench/mix.txt by default), one path per line, counts
-- answers of 400 or more, and counts the answers by status and the socket errors by kind.
--
-- With MIX_ONCE=1 no path is sent twice: each of the MIX_THREADS threads takes its own interleaved
-- slice of the file, counts every answer but a 200 as an error, and the run stops when a slice runs
-- out, so a run of distinct URLs never turns into a run of cached ones. The summary then says how many paths
-- were sent and how many threads ran out before the time was up.
local once = os.getenv("MIX_ONCE") == "1"
local thread_count = tonumber(os.getenv("MIX_THREADS") or "1")
local threads = {}
local started = 0

setup = function(thread)
  thread:set("id", started)
  started = started + 1
  threads[#threads + 1] = thread
end

-- Wall-clock seconds: wrk waits out its full duration even when every thread has stopped, so the rate of
-- a run that ran out of paths is taken over the time until the last thread stopped instead.
local function now()
  local clock = io.popen("date +%s.%N")
  local seconds = tonumber(clock:read("*l"))
  clock:close()
  return seconds
end

init = function()
  failures, sent, exhausted, ran_out_at = 0, 0, 0, 0
  statuses = {}
  started_at = once and now() or 0
  paths = {}
  local index = 0
  for line in io.lines(os.getenv("MIX_FILE") or "bench/mix.txt") do
    if line ~= "" and line:sub(1, 1) ~= "#" then
      if not once or index % thread_count == id then paths[#paths + 1] = line end
      index = index + 1
    end
  end
  position = 0
end

request = function()
  if once and position >= #paths then
    -- Out of distinct paths: stop rather than repeat one. An empty request sends nothing.
    if exhausted == 0 then
      wrk.thread:stop()
      ran_out_at = now()
    end
    exhausted = 1
    return ""
  end
  position = once and position + 1 or position % #paths + 1
  sent = sent + 1
  return wrk.format("GET", paths[position])
end

response = function(status)
  statuses[status] = (statuses[status] or 0) + 1
  if status >= 400 or (once and status ~= 200) then failures = failures + 1 end
end

done = function(summary, latency)
  local failed, total_sent, ran_out, first_start, last_stop = 0, 0, 0, math.huge, 0
  local by_status, codes = {}, {}
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do by_status[status] = (by_status[status] or 0) + count end
    failed = failed + thread:get("failures")
    total_sent = total_sent + thread:get("sent")
    ran_out = ran_out + thread:get("exhausted")
    first_start = math.min(first_start, thread:get("started_at"))
    last_stop = math.max(last_stop, thread:get("ran_out_at"))
  end
  local seconds = summary.duration / 1e6
  if ran_out == #threads then seconds = math.min(seconds, last_stop - first_start) end
  for status, count in pairs(by_status) do codes[#codes + 1] = status .. ":" .. count end
  table.sort(codes)
  io.write(string.format("requests=%d errors_http=%d errors_socket=%d p50_ms=%.2f p99_ms=%.2f rps=%.1f"
    .. " sent=%d exhausted=%d seconds=%.2f statuses=%s connect=%d read=%d write=%d timeout=%d\n",
    summary.requests, failed,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests / seconds, total_sent, ran_out, seconds, table.concat(codes, ","),
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout))
end
