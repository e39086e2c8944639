"""runstrength: a terminal workout companion for runners who strength-train."""

__version__ = "0.1.0"
