"""`python -m coproduction retention`: the daily retention check, for a cron job (issue 11 point 6)."""

from __future__ import annotations

import datetime as dt

from coproduction.exit_codes import ExitCode


def retention(*, database: str | None = None, site_default: int | None = None, dry_run: bool = False) -> int:
    """Delete the individual answers of every session past its retention period, keeping the scores it showed.

    Safe to run from cron on every server at once and alongside the app's own daily check: each session is
    done once. `site_default` (--days) overrides COPRO_RETENTION_DAYS for organisations without a setting.
    """
    # The database and scoring load only for this command.
    import storage
    from services.retention import FROM_ENVIRONMENT, describe, due, run_retention, site_default_days

    engine = storage.make_engine(database)
    try:
        now = dt.datetime.now(dt.timezone.utc)
        default = site_default_days() if site_default is None else site_default
        print(f"Sessions without their own organisation setting: answers {describe(default)}.")
        if dry_run:
            found = due(storage.retention_candidates(engine), now, default)
            for candidate, days in found:
                print(f"Due ({days} days): {candidate.organisation} · {candidate.team} · {candidate.title} "
                      f"(session {candidate.assessment_id})")
            print(f"{len(found)} {'session is' if len(found) == 1 else 'sessions are'} due; nothing was deleted "
                  "(--dry-run).")
            return ExitCode.OK
        done = run_retention(engine, now, FROM_ENVIRONMENT if site_default is None else site_default)
    finally:
        engine.dispose()
    for purge in done:
        print(f"Deleted the answers of {purge.respondents} "
              f"{'respondent' if purge.respondents == 1 else 'respondents'}: {purge.organisation} · {purge.team} · "
              f"{purge.title} (session {purge.assessment_id}); its scores are kept.")
    print(f"{len(done)} {'session' if len(done) == 1 else 'sessions'} past the retention period.")
    return ExitCode.OK
