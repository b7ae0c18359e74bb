"""Every entry point (manage.py, cms/wsgi.py) reads the project's `.env` the same way.

Values already in the environment win over `.env`, so a process manager or a container's
environment overrides the file.
"""

import os
from pathlib import Path

from dotenv import load_dotenv

ENV_FILE = Path(__file__).resolve().parent.parent / ".env"


def load_env():
    # NEWSROOM_ENV_FILE names another file (tests, several sites on one machine).
    load_dotenv(os.environ.get("NEWSROOM_ENV_FILE") or ENV_FILE, override=False)
