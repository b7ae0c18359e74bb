"""`python -m bench STEP OUTPUT.json [ARGUMENT]`: one step of the benchmark in a Django
process of its own, with the environment (settings, database) bench/run.py gives it.

- build: migrate, load the demo and add the bench dataset (bench/dataset.py)
- probe: status, bytes and queries per URL with Django's test client (bench/probe.py)
- publish [FRONT_URL]: publish one release, timed; check the front shows it (bench/probe.py)
"""

import json
import sys

import django


def main(argv):
    if len(argv) < 3 or argv[1] not in ("build", "probe", "publish"):
        sys.exit(__doc__)
    django.setup()
    step, output = argv[1], argv[2]
    if step == "build":
        from bench import dataset

        result = dataset.build(dataset.Size.from_environment())
    elif step == "probe":
        from bench import probe

        result = probe.probe()
    else:
        from bench import probe

        result = probe.publish_one(argv[3] if len(argv) > 3 else None)
    with open(output, "w", encoding="utf-8") as file:
        json.dump(result, file, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main(sys.argv)
