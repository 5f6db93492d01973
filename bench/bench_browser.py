"""Speed as people feel it: a real Chromium (Playwright) against one local `streamlit run` on SQLite.

The server is the app as deployed (`streamlit run app.py`, the test harness's start_server) on a temporary
SQLite file seeded through storage: a team with two rounds of a self-assessment on the full bank (36
statements; 40 people now, 30 before), a workshop on the quick bank for the answer form, and a workshop on the
full bank with 200 sent responses for the presenter view. Every time is taken in the page's own clock
(`performance.now()`), from the input event (or the start of navigation) to the first animation frame in
which the awaited thing is drawn and Streamlit has finished the run that drew it:

- cold load: a new browser context (empty cache, new Streamlit session) opens the results page; until the
  radar's SVG is drawn (the rest of the page may still be arriving);
- tap: a rating is chosen on the answer form; until it shows as chosen and the run that saved it has ended
  (the answer is then checked in the database);
- Next: until the next step's heading is shown and its run has ended;
- presenter refresh: the presenter view (Results stage, 200 participants x 36 statements) redraws itself from
  storage every few seconds; each refresh's run, from Streamlit starting it to the frame after it ended.

INFO: the cold load until the page's title shows (how much of the cold load is Streamlit's own start-up)
and each median. Judged (issue 12): cold load < 1.5 s, tap < 0.3 s, Next < 0.5 s, presenter refresh < 0.3 s; the best of
several runs after one untimed warm-up (the server's first run imports the app).
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

import numpy as np

import storage
from bench.common import Result, info, judged, standalone
from domain.records import Assessment
from domain.vocabulary import PresenterStage

REPEATS = 5
TARGETS = {"cold": 1.5, "tap": 0.3, "next": 0.5, "presenter": 0.3}
PRESENTER_PARTICIPANTS = 200
RESULTS_PEOPLE = (30, 40)  # the baseline round, then the round whose results are opened
TIMEOUT_MS = 60_000
NOW_QUESTION = re.compile(r"^(Where is your practice now\?|How are things now\?)$")
PERSPECTIVE_QUESTION = re.compile(r"^(Which point of view are you answering from\?|Which of these is you\?)$")

# Page-side recorder: input events and each change of Streamlit's run state, in the page's clock.
RECORDER_JS = """() => {
  if (window.__bench) return;
  const bench = window.__bench = {inputs: [], states: []};
  for (const type of ['pointerdown', 'keydown']) {
    document.addEventListener(type, () => bench.inputs.push(performance.now()), true);
  }
  const watch = () => {
    const app = document.querySelector('[data-testid="stApp"]');
    if (!app) { requestAnimationFrame(watch); return; }
    new MutationObserver(() => bench.states.push([app.getAttribute('data-test-script-state'), performance.now()]))
      .observe(app, {attributes: true, attributeFilter: ['data-test-script-state']});
  };
  watch();
}"""
# Resolves, in the first animation frame where `ready()` holds (and, when `settled`, a run that began after
# `since` has ended), with the milliseconds from `since` to that frame.
UNTIL_JS = """([since, ready, settled]) => new Promise((resolve, reject) => {
  const check = new Function('return (' + ready + ')()');
  const limit = performance.now() + %d;
  const frame = () => {
    const bench = window.__bench;
    const app = document.querySelector('[data-testid="stApp"]');
    const started = bench.states.some(([state, at]) => state === 'running' && at >= since);
    const idle = app && app.getAttribute('data-test-script-state') === 'notRunning';
    if ((!settled || (started && idle)) && check()) { resolve(performance.now() - since); return; }
    if (performance.now() > limit) { reject(new Error('not drawn in time: ' + ready)); return; }
    requestAnimationFrame(frame);
  };
  frame();
})""" % TIMEOUT_MS
RADAR_DRAWN = """() => { const svg = document.querySelector('[data-testid="stVegaLiteChart"] svg.marks');
  return !!svg && svg.getBoundingClientRect().width > 0 && svg.querySelectorAll('path').length > 0; }"""


def seed_results(engine: Any, bank_row: int) -> Assessment:
    """Two rounds of a self-assessment on the full bank (30, then 40 people over three perspectives)."""
    bank = storage.load_bank_version(engine, bank_row)
    team = storage.create_team(engine, "Bench Council", "Results team")
    perspectives = ("staff", "carers", "managers")
    rng = np.random.default_rng(12)
    latest = None
    for number, people in enumerate(RESULTS_PEOPLE, start=1):
        latest = storage.create_assessment(engine, team.id, bank_row, f"Round {number}", mode="self",
                                           perspectives=perspectives, threshold=3)
        for person in range(people):
            answers = {s.id: storage.Answer(s.id, None if rng.random() < 1 / 12 else int(rng.integers(0, 5)),
                                            int(rng.integers(2, 5)), "") for s in bank.statements}
            storage.submit_response(engine, latest.id, perspectives[person % 3], answers, uuid.uuid4().hex)
    assert latest is not None
    return latest


def seed_presenter(engine: Any, bank_row: int) -> tuple[Assessment, str]:
    """A workshop on the full bank with 200 sent responses, its projector on the Results stage; and its key."""
    bank = storage.load_bank_version(engine, bank_row)
    team = storage.create_team(engine, "Bench Council", "Presenter team")
    perspectives = tuple(p.id for p in bank.perspectives)
    workshop, key = storage.create_workshop(engine, team.id, bank_row, "Presenter", perspectives, 3)
    rng = np.random.default_rng(PRESENTER_PARTICIPANTS)
    for person in range(PRESENTER_PARTICIPANTS):
        lean = rng.uniform(0.5, 3.5)
        answers = {s.id: storage.Answer(s.id, None if rng.random() < 1 / 12 else int(np.clip(round(rng.normal(lean, 0.9)), 0, 4)),
                                        None, "") for s in bank.statements}
        storage.submit_response(engine, workshop.id, perspectives[person % len(perspectives)], answers,
                                uuid.uuid4().hex)
    storage.set_presenter(engine, workshop.id, stage=PresenterStage.RESULTS)
    return workshop, key


class Seeded:
    """What the benchmark opens: the results, a quick workshop to answer, the presenter's workshop and its key."""

    def __init__(self, db_path: Path) -> None:
        engine = storage.make_engine(f"sqlite:///{db_path}")
        try:
            storage.install_builtin_banks(engine)
            rows = {b.bank_id: b.id for b in storage.list_banks(engine) if b.builtin}
            self.results = seed_results(engine, rows["coproduction-full"])
            quick = storage.load_bank_version(engine, rows["coproduction-quick"])
            team = storage.create_team(engine, "Bench Council", "Answering team")
            self.form, _ = storage.create_workshop(engine, team.id, rows["coproduction-quick"], "Form",
                                                   tuple(p.id for p in quick.perspectives), 3)
            self.presenter, self.key = seed_presenter(engine, rows["coproduction-full"])
        finally:
            engine.dispose()


def _until(page: Any, since: float, ready: str, settled: bool = True) -> float:
    """Seconds from `since` (page clock, ms) to the frame where `ready` holds (`settled`: and its run ended)."""
    return float(page.evaluate(UNTIL_JS, [since, ready, settled])) / 1000


def _last_input(page: Any) -> float:
    """The page-clock time of the last pointer or key event."""
    return float(page.evaluate("() => window.__bench.inputs[window.__bench.inputs.length - 1]"))


# When the page's first element (its title) appeared: Streamlit's own start-up, before any of the app's work.
TITLE_JS = """() => { window.__title = null; new MutationObserver((_, observer) => {
  if (document.querySelector('[data-testid="stMain"] h1')) { window.__title = performance.now(); observer.disconnect(); }
}).observe(document, {subtree: true, childList: true}); }"""


def cold_load(browser: Any, url: str) -> tuple[float, float]:
    """Seconds from navigation start to the radar drawn, in a new context (empty cache, new session); and
    to the page's title, the part Streamlit's start-up takes before the app has drawn anything."""
    context = browser.new_context(base_url=url, viewport={"width": 1280, "height": 720})
    try:
        page = context.new_page()
        page.add_init_script(f"({RECORDER_JS})()")
        page.add_init_script(f"({TITLE_JS})()")
        page.goto(url, wait_until="commit")
        # The radar shows while the rest of the page (other tabs, actions, downloads) is still arriving.
        radar = _until(page, 0.0, RADAR_DRAWN, settled=False)
        return radar, float(page.evaluate("() => window.__title")) / 1000
    finally:
        context.close()


def open_form(page: Any, url: str, code: str) -> None:
    """Join the quick workshop from a phone and reach its first question step."""
    from tests.browser.conftest import wait_for_app

    page.goto(f"{url}/assess?code={code}")
    wait_for_app(page, TIMEOUT_MS)
    group = page.get_by_role("radiogroup", name=PERSPECTIVE_QUESTION)
    group.locator('[data-testid="stRadioOption"]').filter(has_text="Staff").first.click()
    page.get_by_role("button", name="Start", exact=True).click()
    page.get_by_role("radiogroup", name=NOW_QUESTION).first.wait_for(timeout=TIMEOUT_MS)
    wait_for_app(page, TIMEOUT_MS)
    page.evaluate(RECORDER_JS)


def tap(page: Any, index: int, option: str) -> float:
    """Choose `option` on the index-th statement of this step; seconds until shown as chosen and saved."""
    from tests.browser.conftest import wait_for_app

    group = page.get_by_role("radiogroup", name=NOW_QUESTION).nth(index)
    group.locator('[data-testid="stRadioOption"]').filter(has_text=option).click()
    ready = ("() => { const g = document.querySelectorAll('[role=radiogroup]'); return [...g].some(r => "
             f"[...r.querySelectorAll('[data-testid=stRadioOption][data-selected=true]')].some(o => o.innerText.includes({option!r})));}}")
    seconds = _until(page, _last_input(page), ready)
    wait_for_app(page, TIMEOUT_MS)
    return seconds


def next_step(page: Any) -> float:
    """Press Next; seconds until the next step's heading is shown and its run has ended."""
    from tests.browser.conftest import wait_for_app

    heading = page.locator('[data-testid="stHeading"] h2').first.inner_text().strip()
    page.get_by_role("button", name=re.compile(r"^(Next|Next page|Review|Check my answers)$")).click()
    ready = ("() => { const h = document.querySelector('[data-testid=stHeading] h2'); "
             f"return !!h && h.innerText.trim() !== {heading!r}; }}")
    seconds = _until(page, _last_input(page), ready)
    wait_for_app(page, TIMEOUT_MS)
    return seconds


def presenter_refreshes(browser: Any, url: str, seeded: Seeded, count: int) -> list[float]:
    """Seconds of `count` live refreshes of the presenter's Results stage, each its run plus one frame."""
    from tests.browser.conftest import wait_for_app

    context = browser.new_context(base_url=url, viewport={"width": 1280, "height": 720})
    try:
        page = context.new_page()
        page.goto(f"{url}/present?a={seeded.presenter.id}")
        wait_for_app(page, TIMEOUT_MS)
        page.get_by_label("Facilitator key").fill(seeded.key)
        page.get_by_role("button", name="Open").click()
        page.locator('[data-testid="stVegaLiteChart"] svg.marks').wait_for(timeout=TIMEOUT_MS)
        wait_for_app(page, TIMEOUT_MS)
        page.evaluate(RECORDER_JS)
        times = []
        for _ in range(count):
            # A refresh starts by itself (no input): wait for the next run to start, then time it.
            started = float(page.evaluate("""() => new Promise(resolve => { const app = document.querySelector('[data-testid="stApp"]');
              const seen = window.__bench.states.length;
              const frame = () => { const s = window.__bench.states.slice(seen).find(([state]) => state === 'running');
                if (s) resolve(s[1]); else requestAnimationFrame(frame); }; frame(); })"""))
            times.append(_until(page, started, RADAR_DRAWN))
        return times
    finally:
        context.close()


def measure(url: str, seeded: Seeded, repeats: int) -> dict[str, list[float]]:
    """Every timing, after one untimed warm-up of each."""
    from playwright.sync_api import sync_playwright

    from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS

    times: dict[str, list[float]] = {"cold": [], "title": [], "tap": [], "next": [], "presenter": []}
    results_url = f"{url}/results?a={seeded.results.link_token}"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            cold_load(browser, results_url)  # warm-up: the server's first run of the page imports it
            for _ in range(repeats):
                radar, title = cold_load(browser, results_url)
                times["cold"].append(radar)
                times["title"].append(title)
            phone = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
            try:
                for attempt in range(repeats + 1):
                    page = phone.new_page()
                    open_form(page, url, str(seeded.form.join_code))
                    tapped = tap(page, 0, "More like To")
                    moved = next_step(page)
                    if attempt:  # the first is the warm-up
                        times["tap"].append(tapped)
                        times["next"].append(moved)
                    page.close()
            finally:
                phone.close()
            times["presenter"] = presenter_refreshes(browser, url, seeded, repeats + 1)[1:]
        finally:
            browser.close()
    return times


def check_saved(db_path: Path, seeded: Seeded, people: int) -> None:
    """Every timed tap was saved: each person who answered has a rating stored."""
    engine = storage.make_engine(f"sqlite:///{db_path}")
    try:
        frame = storage.responses_frame(engine, seeded.form.id)
        answered = frame.dropna(subset=["current"])["respondent"].nunique()
        if answered < people:
            raise RuntimeError(f"{people} people tapped a rating but {answered} answers are stored")
    finally:
        engine.dispose()


LABELS = {
    "cold": "results page cold load until the radar shows (new browser context, 40 people x 36 statements)",
    "title": "results page cold load until its title shows (Streamlit's start-up, before the app draws)",
    "tap": "answer form: a tap on a rating until saved and shown (phone)",
    "next": "answer form: Next until the next step is shown (phone)",
    "presenter": f"presenter view live refresh ({PRESENTER_PARTICIPANTS} participants x 36 statements, Results stage)",
}


def run(repeats: int = REPEATS) -> list[Result]:
    """Seed a SQLite file, start one streamlit server on it, time each judged interaction in Chromium."""
    from tests.browser.conftest import start_server

    results: list[Result] = []
    with tempfile.TemporaryDirectory() as folder:
        db_path = Path(folder) / "bench.db"
        started = time.perf_counter()
        seeded = Seeded(db_path)
        print(f"  seeded in {time.perf_counter() - started:.1f} s", flush=True)
        server = start_server(db_path, Path(folder) / "streamlit.log")
        try:
            times = measure(server.url, seeded, repeats)
        except Exception:
            print(server.log_tail(), file=sys.stderr)
            raise
        finally:
            server.stop()
        check_saved(db_path, seeded, repeats + 1)
    load = os.getloadavg()[0]
    how = f"best of {repeats}, Chromium, one local server, SQLite, load average {load:.1f}"
    for key, values in times.items():
        best, median = min(values), sorted(values)[len(values) // 2]
        print(f"  {key}: best {best:.3f} s, median {median:.3f} s, all {[round(v, 3) for v in values]}", flush=True)
        if key not in TARGETS:
            results.append(info(LABELS[key], best, "s", how))
            continue
        target = TARGETS[key]
        results.append(judged(LABELS[key], best, "s", f"< {target:g} s", best < target, how))
        results.append(info(f"{LABELS[key]}, median", median, "s", f"median of {repeats}"))
    return results


def _main() -> int:
    return standalone(run, __doc__)


if __name__ == "__main__":
    sys.exit(_main())

