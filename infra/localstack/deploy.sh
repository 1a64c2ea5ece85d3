#!/usr/bin/env bash
# Builds the functions and deploys template.yaml to LocalStack, or any LocalStack-compatible
# emulator, with the plain AWS CLI; the functions then run in the emulator's Java 21 runtime.
#   infra/localstack/deploy.sh
# Environment (all optional):
#   AWS_ENDPOINT_URL   the emulator (http://localhost:4566)
#   AFTERCART_STACK    the stack name (aftercart-local)
#   AFTERCART_SENDER   the From address, verified in the emulator's SES (orders@example.com)
set -euo pipefail
cd "$(dirname "$0")/../.."

# shellcheck source=infra/localstack/env.sh
. infra/localstack/env.sh
sender="${AFTERCART_SENDER:-orders@example.com}"
bucket="$stack-artifacts"
configuration_set="$stack-messages"

if ! aws sts get-caller-identity >/dev/null 2>&1; then
  echo "No emulator answers at $endpoint. Start one: docker compose -f infra/localstack/compose.yaml up -d --wait" >&2
  exit 1
fi

echo "Building the functions ..."
./mvnw -B -q package -DskipTests

echo "Verifying $sender in SES and creating the configuration set $configuration_set ..."
aws ses verify-email-identity --email-address "$sender"
# The configuration set is made here and passed in, so sends work on emulators whose CloudFormation
# cannot create one. SES v2 keeps its own identities on some emulators; "already exists" is fine.
aws sesv2 create-email-identity --email-identity "$sender" >/dev/null 2>&1 || true
aws sesv2 create-configuration-set --configuration-set-name "$configuration_set" >/dev/null 2>&1 || true

echo "Uploading the artifacts to s3://$bucket and deploying the stack $stack ..."
aws s3api head-bucket --bucket "$bucket" >/dev/null 2>&1 || aws s3 mb "s3://$bucket"
packaged=$(mktemp)
trap 'rm -f "$packaged"' EXIT
aws cloudformation package --template-file template.yaml --s3-bucket "$bucket" \
  --output-template-file "$packaged" >/dev/null
aws cloudformation deploy --stack-name "$stack" --template-file "$packaged" \
  --capabilities CAPABILITY_IAM CAPABILITY_AUTO_EXPAND --no-fail-on-empty-changeset \
  --parameter-overrides SenderEmail="$sender" SenderIdentity="$sender" \
  ConfigurationSetName="$configuration_set"

aws cloudformation describe-stacks --stack-name "$stack" --query 'Stacks[0].Outputs' --output table
