#!/bin/sh
# Installs Debian's chromium for the browser tests (tests/test_browser.py) when it is missing.
# Playwright's own browser download cannot be used here; the tests launch /usr/bin/chromium instead.
set -eu
# The CJK fonts make the Chinese in the screenshots (test-artifacts/) readable.
if [ -x /usr/bin/chromium ] && dpkg -s fonts-noto-cjk >/dev/null 2>&1; then
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    echo "ensure_chromium.sh: /usr/bin/chromium is missing; run as root (or: sudo apt-get install chromium)" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium fonts-noto-cjk >/dev/null
/usr/bin/chromium --version
