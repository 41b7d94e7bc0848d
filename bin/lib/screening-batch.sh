# The 10,000-name screening batch as an employer sends it. Used by bin/scale-bench and bin/cpu-cost.
#   key=$(screening_key BASE_URL)            an API key, issued with a staff token of the demo admin
#   screening_batch BASE_URL KEY CSV_FILE    posts the CSV, polls until it ends; prints DONE, FAILED or unknown
screening_key() {
  local token
  token=$(curl -fs -H 'Content-Type: application/json' -d '{"username":"admin","password":"demo-password"}' "$1/api/v1/staff/tokens" \
      | sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p' || true)
  curl -fs -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
      -d '{"organisation":"Scale bench","contactEmail":"bench@bench.test","requestsPerMinute":100000}' "$1/api/v1/staff/api-keys" \
      | sed -n 's/.*"key":"\([^"]*\)".*/\1/p' || true
}

screening_batch() {
  local base=$1 key=$2 csv=$3 batch state=
  batch=$(curl -fs -H "X-Api-Key: $key" -H 'Content-Type: text/csv' --data-binary @"$csv" "$base/api/v1/screening/batches" \
      | sed -n 's/.*"batchId":\([0-9]*\).*/\1/p' || true)
  for _ in $(seq 1 2400); do
    state=$(curl -fs -H "X-Api-Key: $key" "$base/api/v1/screening/batches/$batch" | sed -n 's/.*"status":"\([A-Z_]*\)".*/\1/p' || true)
    [[ $state == DONE || $state == FAILED ]] && break
    sleep 0.25
  done
  echo "${state:-unknown}"
}
