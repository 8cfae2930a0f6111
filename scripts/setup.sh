#!/usr/bin/env bash
# Installs whatever a fresh clone is missing; cheap when everything is there already.
set -euo pipefail
cd "$(dirname "$0")/.."

# Node packages (npm 11 runs only the install scripts package.json's allowScripts names).
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi

# The engine-free Prisma client, generated into prisma/generated (not committed).
if [ ! -f prisma/generated/client.ts ] || [ prisma/schema.prisma -nt prisma/generated/client.ts ]; then
  npx prisma generate >/dev/null
fi

# System tools: OpenSSH's sshd (the local SFTP server, unless SFTP_URL is set) and xmllint (tests
# validate generated PADneXt files against the XSD).
missing=()
[ -n "${SFTP_URL:-}" ] || [ -x /usr/sbin/sshd ] || missing+=(openssh-server)
command -v xmllint >/dev/null 2>&1 || missing+=(libxml2-utils)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing ${missing[*]}" >&2
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
  else
    echo "please install: ${missing[*]} (or set SFTP_URL for a real SFTP server)" >&2
    exit 1
  fi
fi

# The Temporal CLI (dev server), unless a Temporal server is configured.
[ -n "${TEMPORAL_ADDRESS:-}" ] || scripts/ensure-temporal-cli.sh >/dev/null
