"""`make bench`: the site under load at a chosen size (bench/run.py); not part of `make test`."""
