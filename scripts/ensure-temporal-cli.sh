#!/usr/bin/env bash
# Prints the path of a Temporal CLI (which contains the dev server), building it once when missing.
# No npm package ships a Temporal server; the CLI is a Go module. v1.6+ has a replace directive in
# go.mod that `go install pkg@version` refuses, hence v1.5.1. The binary lives outside the clone
# so fresh clones (CI) on the same machine reuse it.
set -euo pipefail
if [ -n "${TEMPORAL_CLI:-}" ] && [ -x "$TEMPORAL_CLI" ]; then echo "$TEMPORAL_CLI"; exit 0; fi
if command -v temporal >/dev/null 2>&1; then command -v temporal; exit 0; fi
bin_dir="${CLAIMFLOW_CACHE:-$HOME/.cache/claimflow}/bin"
if [ ! -x "$bin_dir/temporal" ]; then
  command -v go >/dev/null 2>&1 || { echo "no Temporal CLI found and no Go toolchain to build it: install 'temporal' or Go" >&2; exit 1; }
  echo "building the Temporal CLI (first time only, takes a few minutes)..." >&2
  mkdir -p "$bin_dir"
  GOBIN="$bin_dir" GOFLAGS=-mod=mod go install github.com/temporalio/cli/cmd/temporal@v1.5.1 >&2
fi
echo "$bin_dir/temporal"
