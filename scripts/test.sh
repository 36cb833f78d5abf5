#!/usr/bin/env bash
# Install selon with its test dependencies and run the whole test suite.
# This is the README's test command and exactly what CI runs (.ci/run).
#
# System packages: the PostgreSQL tests need Debian's `postgresql`, the browser
# test needs `chromium`. They are installed here when apt-get is usable (root);
# elsewhere those tests skip with a reason and everything else still runs.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
if [ ${#need[@]} -gt 0 ] && command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "installing system packages for the database and browser tests: ${need[*]}"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null) \
    || echo "warning: could not install ${need[*]}; the tests that need them will skip"
fi

python -m pip install -q -e ".[test]"
python -m ruff check src tests

set +e
python -m pytest "$@"
rc=$?
set -e
if [ "$rc" = 5 ]; then
  echo "error: pytest collected no tests" >&2
  exit 1
fi
exit "$rc"
