-- wrk script: requests the paths listed in the file $BENCH_PATHS (one a line) in turn, each thread
-- from its own offset; with $BENCH_RATE (requests/s over all connections, given with -c in
-- $BENCH_CONNECTIONS) it paces each connection so the total stays at that rate (a fixed-rate
-- latency run, as TARGETS.md measures latency). Prints one line: RESULT req/s p50-ms p99-ms
-- answers-of-400-or-more transport-errors.
local paths = {}
for line in io.lines(os.getenv("BENCH_PATHS")) do
  paths[#paths + 1] = line
end
local rate = tonumber(os.getenv("BENCH_RATE") or "0")
local connections = tonumber(os.getenv("BENCH_CONNECTIONS") or "1")
local counter = 0
local threads = {}

function setup(thread)
  thread:set("offset", #threads * 7919)
  table.insert(threads, thread)
end

function init(args)
  counter = offset
end

function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end

function delay()
  if rate > 0 then
    return 1000 * connections / rate
  end
  return 0
end

function done(summary, latency, requests)
  io.write(string.format("RESULT %.1f %.2f %.2f %d %d\n", summary.requests / (summary.duration / 1e6),
      latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.errors.status,
      summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
