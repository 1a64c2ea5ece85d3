#!/usr/bin/env bash
# Deletes what deploy.sh made, then stops the emulator compose.yaml started.
#   infra/localstack/teardown.sh
# Environment (all optional): AWS_ENDPOINT_URL (http://localhost:4566), AFTERCART_STACK (aftercart-local).
set -euo pipefail
cd "$(dirname "$0")/../.."

# shellcheck source=infra/localstack/env.sh
. infra/localstack/env.sh

# Each step may find its resource already gone, or the emulator already stopped.
if aws sts get-caller-identity >/dev/null 2>&1; then
  echo "Deleting the stack $stack and its artifact bucket ..."
  aws cloudformation delete-stack --stack-name "$stack" || true
  aws cloudformation wait stack-delete-complete --stack-name "$stack" || true
  aws s3 rb "s3://$stack-artifacts" --force >/dev/null 2>&1 || true
  aws sesv2 delete-configuration-set --configuration-set-name "$stack-messages" >/dev/null 2>&1 || true
fi

if docker compose version >/dev/null 2>&1; then
  docker compose -f infra/localstack/compose.yaml down
fi
