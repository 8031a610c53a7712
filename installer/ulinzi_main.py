"""PyInstaller's entry script: the frozen program is the `ulinzi` console script."""

import sys

from desktop.main import main

if __name__ == "__main__":
    sys.exit(main())
