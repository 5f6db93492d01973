"""Issue 10 "Done when": six phones on two app replicas sharing one PostgreSQL database end in agreement.

Participants answer, go back, resume on the other replica, send (one of them twice, from both replicas
at once) while the facilitator saves an agreed rating; afterwards the database, every participant's
screen and the facilitator's screens on both replicas say the same.
"""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from playwright.sync_api import Browser, BrowserContext, Page, expect
from sqlalchemy.pool import NullPool

import storage
from tests.browser import flows, seed
from tests.browser.conftest import REPO, START_TIMEOUT, Server, _healthy, free_port, wait_for_app
from tests.storage.engines import pg_url

pytestmark = pytest.mark.browser

Snap = Callable[[Page, str], Path]
PHONE: dict[str, object] = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True,
                            "device_scale_factor": 1}
PERSPECTIVES = ("Staff and volunteers", "People who use services", "Carers and family members")
CURRENT = "Where is your practice now?"


def start_on(url: str, log_path: Path) -> Server:
    """`streamlit run app.py` on a database URL, returned once healthy."""
    port = free_port()
    env = {**os.environ, "COPRO_DATABASE_URL": url}
    env.pop("COPRO_PUBLIC_URL", None)
    command = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
               "--server.address", "127.0.0.1", "--server.headless", "true",
               "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"]
    log = log_path.open("wb")
    process = subprocess.Popen(command, cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT)
    log.close()
    server = Server(process, f"http://127.0.0.1:{port}", log_path, log_path)
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited early:\n{server.log_tail()}")
        if _healthy(server.url):
            return server
        time.sleep(0.25)
    server.stop()
    raise RuntimeError(f"streamlit was not healthy in time:\n{server.log_tail()}")


@pytest.fixture
def pg_database() -> Iterator[str]:
    """A fresh PostgreSQL database (dropped afterwards); fails, never skips, when PostgreSQL is down."""
    name = f"replicas_{secrets.token_hex(5)}"
    admin = sa.create_engine(pg_url(), poolclass=NullPool, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
    except sa.exc.OperationalError as error:
        admin.dispose()
        pytest.fail(f"PostgreSQL is unreachable: {str(error.orig).splitlines()[0]}", pytrace=False)
    url = sa.engine.make_url(pg_url()).set(database=name).render_as_string(hide_password=False)
    try:
        yield url
    finally:
        with admin.connect() as connection:
            connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def replicas(pg_database: str, tmp_path: Path) -> Iterator[tuple[Server, Server]]:
    """Two app servers on the same PostgreSQL database."""
    engine = storage.make_engine(pg_database)
    storage.install_builtin_banks(engine)
    engine.dispose()
    started = [start_on(pg_database, tmp_path / f"replica-{i}.log") for i in range(2)]
    try:
        yield started[0], started[1]
    finally:
        for server in started:
            server.stop()


def phone(browser: Browser, server: Server) -> tuple[BrowserContext, Page]:
    context = browser.new_context(base_url=server.url, **PHONE)  # type: ignore[arg-type]
    context.set_default_timeout(20_000)
    return context, context.new_page()


def level(person: int, step: int) -> str:
    """Each person's answer to each statement: different people, different steps."""
    return flows.LEVEL_LABELS[(person + step) % 5]


def test_replicas_six_phones_two_servers_one_database_agree(
    browser: Browser, replicas: tuple[Server, Server], pg_database: str, snap: Snap
) -> None:
    first, second = replicas
    engine = storage.make_engine(pg_database)
    try:
        workshop, key = seed.seed_workshop(engine, "Replica team", threshold=3)
        statements = [s.id for s in storage.load_bank_version(engine, workshop.bank_row_id).statements]
    finally:
        engine.dispose()
    servers = (first, second)
    people = [phone(browser, servers[i % 2]) for i in range(6)]
    facilitator_context = browser.new_context(base_url=first.url, viewport={"width": 1280, "height": 720})
    facilitator_context.set_default_timeout(20_000)
    facilitator = facilitator_context.new_page()
    extra: list[BrowserContext] = []
    try:
        tokens: list[str] = []
        # Everyone joins on their replica and answers the first three steps, then goes Back once.
        for person, (_context, page) in enumerate(people):
            page.goto(f"/assess?code={workshop.join_code}")
            wait_for_app(page)
            flows.pick_perspective(page, PERSPECTIVES[person % 3])
            token = flows.query(page, "r")
            assert token is not None
            tokens.append(token)
            for step in range(3):
                flows.answer_step(page, [level(person, step)])
                flows.next_step(page)
            flows.previous_step(page)
            assert flows.selected_option(flows.radio_group(page, CURRENT).first) is not None
            assert level(person, 2) in (flows.selected_option(flows.radio_group(page, CURRENT).first) or "")

        # Each resumes on the OTHER replica, answers the rest and sends; the facilitator works meanwhile.
        for person, (_context, page) in enumerate(people):
            other = servers[(person + 1) % 2]
            page.goto(f"{other.url}/assess?code={workshop.join_code}&r={tokens[person]}")
            wait_for_app(page)
            assert flows.step_heading(page) != "Review and send"
            for step in range(3, 6):
                flows.answer_step(page, [level(person, step)])
                flows.next_step(page)
            expect(page.get_by_text("Every statement has an answer.")).to_be_visible()
            if person == 0:
                # Double send: the same response sent from both replicas at once.
                twin_context, twin = phone(browser, servers[person % 2])
                extra.append(twin_context)
                twin.goto(f"/assess?code={workshop.join_code}&r={tokens[person]}")
                wait_for_app(twin)
                expect(twin.get_by_role("heading", name="Review and send")).to_be_visible()
                twin.get_by_role("button", name="Send my answers").click()
                page.get_by_role("button", name="Send my answers").click()
                for shown in (twin, page):
                    expect(shown.get_by_text("Thank you: your answers are in.")).to_be_visible()
                    wait_for_app(shown)
            else:
                flows.send_answers(page)
            if person == 2:
                # Three have sent: the facilitator saves an agreed rating while the others still answer.
                facilitator.goto(f"/facilitate?a={workshop.id}")
                wait_for_app(facilitator)
                facilitator.get_by_label("Facilitator key").fill(key)
                facilitator.get_by_role("button", name="Open").click()
                expect(facilitator.get_by_role("tab", name="Discussion")).to_be_visible()
                wait_for_app(facilitator)
                facilitator.get_by_role("tab", name="Discussion").click()
                wait_for_app(facilitator)
                rating = facilitator.get_by_role("radiogroup", name="Agreed group rating")
                rating.locator('[data-testid="stRadioOption"]').filter(has_text="In between").click()
                facilitator.get_by_label("Notes from the discussion").fill("Agreed across two replicas")
                facilitator.get_by_role("button", name="Save the agreed rating").click()
                wait_for_app(facilitator)
                expect(facilitator.locator('[data-testid="stAlertContentSuccess"]').filter(has_text="Saved")).to_be_visible()

        # The database: six sent responses, each with exactly the answers given, and the one agreed rating.
        engine = storage.make_engine(pg_database)
        try:
            assert storage.progress(engine, workshop.id) == (6, 6)
            for person, token in enumerate(tokens):
                respondent = storage.get_respondent(engine, token)
                assert respondent is not None and respondent.submitted_at is not None
                answers = storage.get_answers(engine, respondent.id)
                expected = {sid: flows.LEVEL_LABELS.index(level(person, step)) for step, sid in enumerate(statements)}
                assert {sid: a.current for sid, a in answers.items()} == expected, f"person {person + 1}"
            agreed = storage.agreed_ratings(engine, workshop.id)
        finally:
            engine.dispose()
        assert [(a.rating, a.notes) for a in agreed.values()] == [(2, "Agreed across two replicas")]

        # Every participant's screen says their answers are in, on either replica after a reload.
        for person, (_context, page) in enumerate(people):
            page.reload()
            wait_for_app(page)
            expect(page.get_by_text("Thank you: your answers are in.")).to_be_visible()
        # The facilitator's screens on both replicas: six sent, and the saved rating.
        for server in servers:
            facilitator.goto(f"{server.url}/facilitate?a={workshop.id}")
            wait_for_app(facilitator)
            if facilitator.get_by_label("Facilitator key").count():
                facilitator.get_by_label("Facilitator key").fill(key)
                facilitator.get_by_role("button", name="Open").click()
                wait_for_app(facilitator)
            expect(flows.sent_metric(facilitator)).to_have_text("6")
        snap(facilitator, "facilitator-second-replica")
    finally:
        for context, _page in people:
            context.close()
        for context in extra:
            context.close()
        facilitator_context.close()
