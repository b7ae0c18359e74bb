"""What the browser tests share besides fixtures: Chromium, axe-core, viewports, timeouts."""

from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PROJECT_DIR = Path(__file__).resolve().parents[2]
AXE_JS = PROJECT_DIR / "node_modules" / "axe-core" / "axe.min.js"
# An inflected form of "cluster" per language: the stemmed search must find "klaster"…
SEARCH_WORDS = {"pl": "klastrów", "en": "clusters", "ru": "кластеров"}
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
# Generous for a 2-core machine running the live server in the same process.
TIMEOUT_MS = 20_000
