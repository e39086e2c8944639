"""The app's screens: each renders state and forwards key presses, nothing more."""
