"""Every screen at 80×24 either fits or scrolls: its footer is on the last row, and nothing
sits below the footer or is cut short unless it can be scrolled to."""

from __future__ import annotations

from textual.containers import ScrollableContainer
from textual.screen import Screen
from textual.scroll_view import ScrollView
from textual.widget import Widget
from textual.widgets import Footer

from tests.ui.every_screen import seed_history, visit_every_screen
from tests.ui.screen_text import screen_lines

SIZE = (80, 24)

PROBLEMS = [
    f"/home/runner/.config/runstrength/programs/hills-{n}.toml: not loaded: line {n}: "
    'exercise #2 (bridge): id: unknown exercise "bridge" (did you mean glute-bridge?)'
    for n in range(1, 6)
]


def _scrolls(widget: Widget) -> bool:
    """Inside something the runner can scroll (a scrolling container or a list/table)."""
    return any(
        isinstance(node, ScrollableContainer | ScrollView) and node.allow_vertical_scroll
        for node in widget.ancestors_with_self
    )


def cut_off(screen: Screen[object]) -> list[str]:
    """What does not fit: the footer off the last row, or a widget below it or clipped."""
    footers = [f for f in screen.query(Footer) if f.display]
    if not footers:
        return ["no footer"]
    footer = footers[0]
    found = []
    if footer.region.y != screen.size.height - 1 or footer.region.height != 1:
        found.append(f"footer at row {footer.region.y}, not on the last row")
    for widget in screen.walk_children(Widget, with_self=False):
        shown = all(node.display and node.visible for node in widget.ancestors_with_self)
        if not shown or footer in widget.ancestors_with_self:
            continue
        region = widget.region
        parent = widget.parent if isinstance(widget.parent, Widget) else widget
        if region.bottom > footer.region.y and not _scrolls(parent):
            found.append(f"{widget!r} ends at row {region.bottom}, below the footer")
        if widget.styles.height is not None and widget.styles.height.is_fraction:
            continue  # sized to the space left (a chart, a table): it draws to fit
        content = widget.get_content_height(region.size, screen.size, region.width)
        if (
            content > widget.content_region.height
            and widget.styles.overflow_y != "auto"
            and not isinstance(widget, ScrollView | ScrollableContainer)
            and not widget.children
        ):
            found.append(f"{widget!r} shows {widget.content_region.height} of {content} lines")
    return found


async def test_every_screen_fits_at_80_by_24(make_app) -> None:
    app = make_app()
    app.context.problems.extend(PROBLEMS)
    seed_history(app)
    problems: dict[str, list[str]] = {}

    def look(name: str) -> None:
        found = cut_off(app.screen)
        if found:
            problems[name] = found

    async with app.run_test(size=SIZE) as pilot:
        seen = await visit_every_screen(pilot, look)
    assert len(seen) > 20
    assert problems == {}


async def test_home_keeps_the_way_into_a_session_in_sight_above_a_long_problem_list(
    make_app,
) -> None:
    app = make_app()
    app.context.problems.extend(PROBLEMS)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        hint = app.screen.query_one("#start-hint")
        footer = app.screen.query_one(Footer)
        assert 0 < hint.region.y < footer.region.y
        assert hint.region.bottom <= footer.region.y
        problems = app.screen.query_one("#problems")
        assert problems.region.y > hint.region.y


async def test_home_scrolls_with_the_arrows_and_left_right_still_change_the_program(
    make_app,
) -> None:
    app = make_app()
    app.context.problems.extend(PROBLEMS * 3)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        home = app.screen
        box = home.query_one("#home")
        assert box.max_scroll_y > 0
        await pilot.press("down", "down", "down")
        assert box.scroll_y == 3
        await pilot.press("up")
        assert box.scroll_y == 2
        before = home.program.name
        await pilot.press("right")
        assert home.program.name != before
        assert "←→ Program" in screen_lines(app)[-1]
