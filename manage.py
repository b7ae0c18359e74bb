#!/usr/bin/env python
"""Django's command-line utility; reads a local .env first so settings can come from it."""

import os
import sys

if __name__ == "__main__":
    from cms.env import load_env

    load_env()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")

    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
