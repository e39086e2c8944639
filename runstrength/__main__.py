"""Entry point for ``python -m runstrength``."""

from runstrength.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
