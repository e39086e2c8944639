"""The text of home's parts: the program shown, the day's status and its hint, the last
session. Each is worked out from what home holds; home puts it on screen."""

from __future__ import annotations

from typing import TYPE_CHECKING

from runstrength.core.programs import target_text
from runstrength.screens.plain import escape

if TYPE_CHECKING:
    from runstrength.context import AppContext
    from runstrength.core.programs import Program
    from runstrength.core.records import SessionRecord
    from runstrength.core.restdays import StartCheck
    from runstrength.core.runs import RunMark

# Only what the first frame shows is imported here; the rest where it is used.


def program_text(context: AppContext, program: Program, *, with_length: bool = True) -> str:
    """The program shown; `with_length=False` leaves out its estimated length, which
    needs the whole session laid out (the first frame comes sooner without it)."""
    settings = context.settings
    program = program.for_bands(settings.bands)
    names = list(context.programs.programs)
    position = names.index(program.name) + 1 if program.name in names else 0
    length = ""
    if with_length:
        from runstrength.core.plan import build_plan, estimate_seconds

        plan = build_plan(program, settings, context.catalogue.warmup)
        length = f", about {round(estimate_seconds(plan, settings) / 60)} min"
    kind = "" if program.builtin else " · your own"
    name = program.name if program.name == program.goal else f"{program.name} · {program.goal}"
    lines = [
        f"[b]{escape(program.title)}[/b]  ({name}{kind})  [dim]← {position}/{len(names)} →[/dim]",
        f"{settings.warmup_minutes} min warm-up, {len(program.entries)} exercises{length}",
    ]
    lines += [f"  • {e.exercise.name}: {target_text(e)}" for e in program.entries]
    return "\n".join(lines)


def training_day_text(check: StartCheck, trained_today: bool, run_today: RunMark | None) -> str:
    """The day's status when a session may start."""
    from runstrength.core.runrules import run_headline

    text = "[b]Training day[/b]"
    if trained_today:
        text = "[b]Trained today[/b] · tomorrow is a rest day; another session today is allowed"
    elif check.tomorrow_program:
        text += (
            f" · planned tomorrow: {escape(check.tomorrow_program)}; "
            "training today makes it a rest day"
        )
    if run_today is not None:  # a hard or easy run: strength fits beside it
        text += f" · {escape(run_headline(run_today, 'today'))}: strength is fine"
    return text


def rest_day_text(check: StartCheck, recovery: str) -> tuple[str, str]:
    """The day's status and the hint below it on a rest day; `recovery`: the routine's
    length."""
    from runstrength.core.restdays import format_day

    verdict = check.verdict
    when = (
        f"next session possible {format_day(verdict.next_allowed)}"
        if verdict.next_allowed
        else "no day is open: every weekday is a weekly rest day"
    )
    status = f"[b]Rest day — {when}[/b]\n{reason_text(check)}."
    return status, f"[b]r[/b]  recovery routine: {recovery} · [b]c[/b]  plan"


def run_day_text(check: StartCheck, warn: bool) -> tuple[str, str]:
    """Today kept free of strength by a run: the run and the next possible day, and the
    hint (`warn`: the running rules ask rather than refuse)."""
    from runstrength.core.runrules import RunCause, headline

    verdict = check.verdict
    assert isinstance(verdict.cause, RunCause)
    line = headline(verdict.cause, verdict.day, verdict.next_allowed)
    status = f"[b]{escape(line)}[/b]\n{reason_text(check)}."
    hint = (
        "[b]enter[/b]  start anyway (asks first) · [b]c[/b]  plan"
        if warn
        else "No strength today · [b]r[/b]  recovery routine · [b]c[/b]  plan"
    )
    return status, hint


def reason_text(check: StartCheck) -> str:
    """Why no session starts today, as a sentence (without its full stop)."""
    reason = check.verdict.reason
    return escape(reason[0].upper() + reason[1:])


def recovery_length(context: AppContext, program: Program) -> str:
    """What a rest day's routine holds and roughly how long it takes."""
    from runstrength.core.plan import build_recovery_plan, estimate_seconds

    settings = context.settings
    plan = build_recovery_plan(program, settings, context.catalogue.mobility)
    return f"stretches and easy moves, about {round(estimate_seconds(plan, settings) / 60)} min"


def last_text(last: SessionRecord | None, error: str | None, this_year: int) -> str:
    """The last session's line (or why the log could not be read)."""
    from runstrength.core.wording import plural

    if error:
        return f"[b red]{escape(error)}[/]"
    if last is None:
        return "Last session: none yet. Your first one starts here."
    from runstrength.core.wording import status_text

    aside = last.set_aside_at is not None and last.ended_at is None
    # No session is under way while home shows: one left open was set aside or cut off.
    ended = status_text(last.status, len(last.skipped), aside, cut_off=True)
    status = f" · {ended}" if ended else ""
    year = "" if last.date.year == this_year else f" {last.date.year}"
    done = f"{plural(len(last.sets), 'set')} · {plural(last.total_reps, 'rep')}"
    if last.info.is_recovery:
        from runstrength.core.recovery import stretches_text

        held = sum(1 for stretch in last.stretches if not stretch.skipped)
        done = f"recovery routine · {stretches_text(held)} held"
    return (
        f"Last session: {last.date:%a %-d %b}{year} · {escape(last.info.program)} · {done}{status}"
    )


def damage_text(detail: str) -> str:
    """Home's warning that the log holds a malformed record, the way out named first."""
    return (
        "[b]Your log holds a malformed record[/b]: run [b]runstrength doctor --repair[/b]; "
        f"until then what you log waits in its journal ({escape(detail)})."
    )
