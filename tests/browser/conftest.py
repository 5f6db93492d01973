"""Browser-test harness: a real `streamlit run` server, Chromium from Debian, screenshots."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import BrowserContext, Page, expect

import storage
from tests.browser import seed

REPO = Path(__file__).resolve().parents[2]
SCREENSHOTS = REPO / "test-output" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
START_TIMEOUT = 60.0
# Streamlit renders asynchronously after each interaction: wait on state, never on fixed sleeps.
UI_TIMEOUT = 15_000
expect.set_options(timeout=UI_TIMEOUT)


@dataclass
class Server:
    """One `streamlit run` process on a free port, with its database file and log."""

    process: subprocess.Popen[bytes]
    url: str
    db_path: Path
    log_path: Path

    @property
    def pid(self) -> int:
        """The streamlit process id (the process itself, not a shell)."""
        return self.process.pid

    def log_tail(self, lines: int = 40) -> str:
        """The last lines the server wrote to stdout/stderr."""
        try:
            text = self.log_path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return "(no log)"
        return "\n".join(text.splitlines()[-lines:])

    def stop(self) -> None:
        """Terminate the server, killing it if it does not stop within 10 s."""
        if self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)

    def kill(self) -> None:
        """SIGKILL the server: no shutdown hooks, no flushing, like a crash or an OOM kill."""
        os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
            return bool(response.status == 200)
    except (urllib.error.URLError, OSError):
        return False


def start_server(db_path: Path, log_path: Path, database_url: str | None = None) -> Server:
    """Start `streamlit run app.py` on `db_path` (or `database_url`) and return once /_stcore/health answers 200."""
    port = free_port()
    env = {**os.environ, "COPRO_DATABASE_URL": database_url or f"sqlite:///{db_path}"}
    env.pop("COPRO_PUBLIC_URL", None)  # join links must point at this test server
    command = [
        sys.executable, "-m", "streamlit", "run", "app.py",
        "--server.port", str(port), "--server.address", "127.0.0.1", "--server.headless", "true",
        "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none",
    ]
    log = log_path.open("wb")
    # A file rather than a pipe: a full pipe buffer would block the server mid-test.
    process = subprocess.Popen(command, cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT)
    log.close()
    server = Server(process, f"http://127.0.0.1:{port}", db_path, log_path)
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited with code {process.returncode} before it was healthy:\n{server.log_tail()}")
        if _healthy(server.url):
            return server
        time.sleep(0.25)
    server.stop()
    raise RuntimeError(f"streamlit was not healthy at {server.url} within {START_TIMEOUT:.0f} s:\n{server.log_tail()}")


@pytest.fixture(scope="session")
def app_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The server most tests share (one per xdist worker), on a fresh SQLite file."""
    folder = tmp_path_factory.mktemp("browser")
    server = start_server(folder / "browser.db", folder / "streamlit.log")
    yield server
    server.stop()


@pytest.fixture(scope="session")
def base_url(app_server: Server) -> str:
    """Playwright's base URL: `page.goto("/assess")` goes to the shared server."""
    return app_server.url


@pytest.fixture
def server_factory(tmp_path: Path) -> Iterator[Callable[[Path], Server]]:
    """Start extra servers (e.g. a second one on the same database file); all stop after the test."""
    started: list[Server] = []

    def start(db_path: Path) -> Server:
        server = start_server(db_path, tmp_path / f"streamlit-{len(started)}.log")
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()


@pytest.fixture(scope="session")
def seeded_results(app_server: Server) -> storage.Assessment:
    """A self-assessment (threshold 1) on the shared server with one sent response."""
    engine = seed.engine_for(app_server.db_path)
    try:
        return seed.seed_self_assessment(engine, "Seeded results team", [0, 1, 2, 3, 4, None])
    finally:
        engine.dispose()


@pytest.fixture(scope="session")
def seeded_workshop(app_server: Server) -> tuple[storage.Assessment, str]:
    """An open workshop (threshold 3) on the shared server and its facilitator key."""
    engine = seed.engine_for(app_server.db_path)
    try:
        workshop, key = seed.seed_workshop(engine, "Seeded workshop team")
    finally:
        engine.dispose()
    assert workshop.join_code is not None
    return workshop, key


@pytest.fixture(scope="session")
def seeded_live_workshop(app_server: Server) -> tuple[storage.Assessment, str]:
    """A workshop (threshold 3) that three people have already answered, and its facilitator key."""
    engine = seed.engine_for(app_server.db_path)
    try:
        workshop, key = seed.seed_workshop(engine, "Seeded live team")
        seed.send_responses(engine, workshop, {"staff": 1, "carers": 2, "managers": 4})
    finally:
        engine.dispose()
    return workshop, key


@pytest.fixture(scope="session")
def full_results(app_server: Server) -> storage.Assessment:
    """Two rounds of a self-assessment on the full bank, nine people each: every results chart has data."""
    engine = seed.engine_for(app_server.db_path)
    try:
        return seed.seed_full_results(engine, "Full results team")
    finally:
        engine.dispose()


@pytest.fixture(scope="session")
def browser_type_launch_args() -> dict[str, Any]:
    """Debian's Chromium (never `playwright install`), sandbox off for containers."""
    return {"executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


_IDLE_JS = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app) return 'no stApp yet';
  const connection = app.getAttribute('data-test-connection-state');
  const script = app.getAttribute('data-test-script-state');
  if (connection !== 'CONNECTED') return 'connection ' + connection;
  if (script !== 'notRunning') return 'script ' + script;
  if (document.querySelector('[data-testid="stSkeleton"]')) return 'a widget is still loading';
  if (document.querySelector('[data-stale="true"]')) return 'stale elements from the previous run';
  if (document.querySelector('[data-testid="stStatusWidget"]')) return 'status widget shown';
  return '';
}"""


@pytest.fixture
def context(new_context: Callable[..., BrowserContext]) -> BrowserContext:
    """pytest-playwright's context, failing after 20 s instead of 30 s per action."""
    ctx = new_context()
    ctx.set_default_timeout(20_000)
    return ctx


def wait_for_app(page: Page, timeout: float = UI_TIMEOUT, settle: float = 150) -> None:
    """Wait until Streamlit is connected, idle, and has drawn every element, steadily for `settle` ms."""
    # A click's rerun starts a moment later, and st.rerun() chains runs: one idle glimpse is not enough.
    page.wait_for_timeout(100)
    deadline = time.monotonic() + timeout / 1000
    idle_since: float | None = None
    reason = ""
    while time.monotonic() < deadline:
        reason = str(page.evaluate(_IDLE_JS))
        now = time.monotonic()
        if reason:
            idle_since = None
        elif idle_since is None:
            idle_since = now
        elif (now - idle_since) * 1000 >= settle:
            assert_no_traceback(page)
            return
        page.wait_for_timeout(50)
    raise AssertionError(f"Streamlit did not settle within {timeout / 1000:.0f} s on {page.url}: {reason or 'not steady'}")


def assert_no_traceback(page: Page) -> None:
    """Fail with the shown text when the page displays a Python exception: users must never see one."""
    shown = page.locator('[data-testid="stException"]')
    if shown.count():
        raise AssertionError(f"{page.url} shows a traceback:\n{shown.first.inner_text()}")


def main_height(page: Page) -> int:
    """Height of the app's content: Streamlit scrolls inside stMain, not the document."""
    return int(page.evaluate(
        "() => { const m = document.querySelector('[data-testid=\"stMain\"]');"
        " return Math.max(m ? m.scrollHeight : 0, document.documentElement.scrollHeight); }"
    ))


def shoot(page: Page, name: str) -> Path:
    """Save a full-page PNG to test-output/screenshots/<name>.png (grown viewport, then restored)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    size = page.viewport_size or {"width": 1280, "height": 720}
    # full_page alone captures only the viewport because the document itself does not scroll.
    height = min(max(main_height(page) + 80, size["height"]), 12_000)
    page.set_viewport_size({"width": size["width"], "height": height})
    page.wait_for_timeout(200)
    page.screenshot(path=str(path), full_page=True)
    page.set_viewport_size(size)
    return path


@pytest.fixture
def snap(request: pytest.FixtureRequest) -> Callable[[Page, str], Path]:
    """`snap(page, "step")` saves test-output/screenshots/<test>-<step>.png."""
    params = getattr(getattr(request.node, "callspec", None), "params", {})
    extra = [str(v) for k, v in params.items() if k != "browser_name"]
    test = "-".join([request.node.originalname, *extra]).replace("/", "-")

    def take(page: Page, step: str) -> Path:
        return shoot(page, f"{test}-{step}")

    return take
