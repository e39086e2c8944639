"""The pure core: training rules, content, programs, the session engine and timers.

Nothing in here imports Textual, TinyDB, playsound3 or touches the file system;
everything that depends on time takes an injected clock.
"""
