"""runstrength: a terminal workout companion for runners who strength-train."""

import logging

__version__ = "0.1.0"

# Diagnostics go to the log file the command line sets up, never to the terminal.
logging.getLogger(__name__).addHandler(logging.NullHandler())
