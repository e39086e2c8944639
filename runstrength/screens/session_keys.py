"""The session screen's keys: each one's help line, footer label, and the order in which
they leave a footer too narrow for all of them (`gives_way`, the highest first)."""

from __future__ import annotations

from textual.binding import Binding

from runstrength.commands import HELP, SOUND, Command, keys
from runstrength.core.keys import SKIP_LABELS

SESSION_KEYS = keys(
    "session",
    Command("space", "count one rep", "count(1)", "+1"),
    Command("backspace", "take one rep back", "count(-1)", "-1"),
    Command(
        "enter",
        "begin the set · set done · next step",
        "enter",
        "Next",
        # On the summary the footer says where enter and q go (`SessionScreen.check_action`).
        more=(Binding("enter", "home", "Home", key_display="⏎/q"),),
    ),
    # Only on a summary whose table holds more rows than there is room for (and only in
    # the summary's help: `session_end.live_keys`).
    Command(
        "up",
        "scroll the summary's table (PgUp / PgDn a page)",
        "scroll_summary(-1)",
        "Scroll",
        key_display="↑↓",
        help_keys="↑ / ↓",
        more=(
            Binding("down", "scroll_summary(1)", "Scroll", show=False),
            Binding("pageup", "scroll_summary(-1, True)", "Scroll", show=False),
            Binding("pagedown", "scroll_summary(1, True)", "Scroll", show=False),
        ),
    ),
    # One s binding per thing it can skip: the footer shows the one that applies.
    Command(
        "s",
        "skip what is under way (the footer says what); "
        "a hold or set cut short keeps its seconds or reps",
        more=tuple(Binding("s", f"skip('{kind}')", label) for kind, label in SKIP_LABELS.items()),
    ),
    # S and p: one binding per footer label, the one that applies shown (core/keys.py).
    Command(
        "S,shift+s",
        "skip the whole warm-up or mobility moves",
        "skip_warmup('warm-up')",
        "Skip warm-up",
        key_display="S",
        help_keys="S",
        gives_way=1,
        more=(Binding("S,shift+s", "skip_warmup('mobility')", "Skip mobility", key_display="S"),),
    ),
    Command(
        "p",
        "pause / resume",
        "pause('pause')",
        "Pause",
        more=(Binding("p", "pause('resume')", "Resume"),),
    ),
    # + and - share one footer entry. On a narrow terminal the keys with a gives_way
    # leave the footer, the highest first, so the counting, timer keys and help stay.
    Command(
        "plus",
        "add / remove 15 s on the running timer",
        "adjust(15)",
        "15s",
        key_display="+/-",
        help_keys="+ / -",
        more=(
            Binding("equals_sign", "adjust(15)", "+15s", show=False),
            Binding("minus", "adjust(-15)", "-15s", show=False),
        ),
    ),
    Command(
        "t",
        "tempo mode: counts one rep per cadence, with a tick",
        "tempo",
        "Tempo",
        gives_way=3,
    ),
    Command("b", "next band for the exercise (card, sets, rests)", "band", "Band", gives_way=4),
    SOUND.help_only()._replace(gives_way=6),
    Command(
        "f",
        "large-type floor layout / compact layout (remembered)",
        "layout",
        "Layout",
        gives_way=5,
    ),
    Command(
        "q",
        "stop for good (partial) or continue later today",
        "quit_session",
        "Quit",
        gives_way=2,
        more=(Binding("q", "home", "Home", show=False),),  # on the summary: home, as enter
    ),
    HELP.help_only(),
)
