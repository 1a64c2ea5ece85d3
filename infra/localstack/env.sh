# Sourced by deploy.sh, smoke.sh and teardown.sh: the emulator, the stack, dummy credentials, and an
# aws that only ever talks to the emulator, never to an AWS account.
# shellcheck shell=bash
export AWS_ACCESS_KEY_ID="${AWS_ACCESS_KEY_ID:-test}"
export AWS_SECRET_ACCESS_KEY="${AWS_SECRET_ACCESS_KEY:-test}"
export AWS_DEFAULT_REGION="${AWS_REGION:-${AWS_DEFAULT_REGION:-us-east-1}}"
# shellcheck disable=SC2034  # read by the scripts that source this
endpoint="${AWS_ENDPOINT_URL:-http://localhost:4566}"
# shellcheck disable=SC2034
stack="${AFTERCART_STACK:-aftercart-local}"

aws() { command aws --endpoint-url "$endpoint" "$@"; }
