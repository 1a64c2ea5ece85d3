#!/usr/bin/env bash
# Puts the sample events on the deployed stack's bus, then prints the email and SMS the emulator
# captured. Needs jq.
#   infra/localstack/smoke.sh
# Environment (all optional): AWS_ENDPOINT_URL (http://localhost:4566), AFTERCART_STACK
# (aftercart-local), AFTERCART_SMOKE_WAIT (seconds to let the functions run, 30).
set -euo pipefail
cd "$(dirname "$0")/../.."

# shellcheck source=infra/localstack/env.sh
. infra/localstack/env.sh
samples=infra/events/samples

command -v jq >/dev/null 2>&1 || { echo "smoke.sh needs jq (apt-get install jq, brew install jq)" >&2; exit 1; }

bus=$(aws cloudformation describe-stacks --stack-name "$stack" \
  --query "Stacks[0].Outputs[?OutputKey=='EventBusName'].OutputValue" --output text)
if [ -z "$bus" ] || [ "$bus" = None ]; then
  echo "The stack $stack has no EventBusName output; deploy it first: infra/localstack/deploy.sh" >&2
  exit 1
fi
echo "Putting the samples on the bus $bus ..."

# In the samples' time order, one a second. Each sample is moved to the second it is put, every
# instant in it by the same amount, so what is due at once is sent now, not skipped as too late.
jq -s -c --arg bus "$bus" '
  (now | floor) as $start
  | sort_by(.time) | to_entries[]
  | .key as $i | .value
  | ($start + $i - ((.detail.occurredAt // .time) | fromdateiso8601)) as $shift
  | walk(if type == "string" and test("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$")
         then (fromdateiso8601 + $shift | todateiso8601) else . end)
  | [{Source: .source, DetailType: .["detail-type"], Detail: (.detail | tojson), EventBusName: $bus}]
' "$samples"/*.json | while IFS= read -r entries; do
  printf '%s: ' "$(jq -r '.[0].DetailType' <<<"$entries")"
  aws events put-events --entries "$entries" --query 'Entries[0].[EventId, ErrorMessage]' --output text
  sleep 1
done

wait_seconds="${AFTERCART_SMOKE_WAIT:-30}"
echo "Waiting ${wait_seconds}s for the functions ..."
sleep "$wait_seconds"

# Prints what the emulator serves at the first of these paths that answers.
captured() {
  local title=$1 filter=$2 path body
  shift 2
  for path in "$@"; do
    if body=$(curl -fsS "$endpoint$path" 2>/dev/null); then
      echo "== $title ($endpoint$path)"
      jq "$filter" <<<"$body" 2>/dev/null || printf '%s\n' "$body"
      return
    fi
  done
  echo "== $title: the emulator serves none of $*"
}

# Emails in brief (the whole MIME message of each is in the endpoint's RawData); SMS in full.
captured "Emails" 'def header(name): (.RawData // "") | capture("(^|\n)" + name + ": (?<v>[^\r\n]*)").v? // null;
  [.messages[] | {Timestamp, From: .Source, To: (.Destination.ToAddresses // header("To")),
   Subject: (.Subject // header("Subject"))}]' /_aws/ses
captured "SMS" '.' /_aws/sns/sms-messages /_aws/sns
