"""`python -m storyplayer` runs the same command line as the `storyplayer` script."""

import sys

from storyplayer.cli import main

sys.exit(main())
