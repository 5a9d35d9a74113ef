#!/usr/bin/env bash
# Runs every test of Accord on a machine that has only Node 20 and npm: installs pnpm 10 and,
# for the browser tests, Debian's chromium (when missing and we may use apt-get), then the
# workspace, then `pnpm test` (type-check, build, unit, server and browser tests).
set -euo pipefail
cd "$(dirname "$0")/.."

# Japanese fonts only matter to the screenshots people look at; chromium is what the tests drive.
if ! command -v chromium >/dev/null 2>&1 || ! dpkg -s fonts-noto-cjk >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "accord: installing Debian's chromium and CJK fonts for the browser tests"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
  fi
fi
if ! command -v chromium >/dev/null 2>&1; then
  echo "accord: the browser tests need Debian's chromium (apt-get install chromium)" >&2
  exit 1
fi
if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version | cut -d. -f1)" != "10" ]; then
  echo "accord: installing pnpm 10"
  npm install -g pnpm@10 >/dev/null
fi

pnpm install --frozen-lockfile
pnpm test
