"""How this project starts Chromium: Debian's ``/usr/bin/chromium``, headless, through
Playwright (never ``playwright install``). The browser tests and ``python -m bench --browser``
both start it this way. Without the background-networking flags Chromium keeps trying hosts this
machine cannot reach."""

import os

CHROMIUM = os.environ.get("DLVIZ_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
