"""The HTML reports of one shared run (session-scoped: kernel start-ups are slow) on the seeds
plus one hostile article whose text carries a ``<script>`` and an ``<img onerror>``: the run's
layout, no external src/href anywhere, article markup shown as text, clean notebook outputs, and
each page opened in headless Chromium (driven over its DevTools pipe) with no failed or outside
requests, interactive tables with rows and images of non-zero size."""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import re
import select
import shutil
import subprocess
import time
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import openpyxl
import pytest

from devzones import cli, report

# Tags written with a slash (<img/src=...>) get past the cleaner's tag removal, and browsers
# still parse them as elements: markup that would run if the reports did not escape it.
HOSTILE_MARKUP = "<script/a>window.__xss=1</script/a><img/src=x onerror=window.__xss=2>"
HOSTILE = (
    "开发区项目签约\n\n来源:测试日报 2024年10月08日\n\n"
    f"  10月8日，太原经济技术开发区{HOSTILE_MARKUP}举行项目签约仪式，新签约项目3个，"
    "总投资12亿元。\n"
)
PAGES = ["index.html", *(f"{t}.html" for t in report.THEMES)]


@pytest.fixture(scope="session")
def run_dir(tmp_path_factory, seeds_dir) -> Path:
    root = tmp_path_factory.mktemp("report-run")
    corpus = root / "corpus"
    shutil.copytree(seeds_dir, corpus)
    (corpus / "900_hostile.txt").write_text(HOSTILE, encoding="utf-8")
    assert cli.main(["report", "--corpus", str(corpus), "--out", str(root / "outputs")]) == 0
    return root / "outputs" / "latest"


def test_a_run_writes_reports_notebooks_tables_and_an_index(run_dir) -> None:
    assert run_dir.is_symlink()
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}_\d{6}", os.readlink(run_dir))
    assert [p.name for p in run_dir.parent.iterdir() if p.name.startswith(".")] == []
    record = json.loads((run_dir / "run.json").read_text())
    assert [t["ok"] for t in record["themes"]] == [True, True, True]
    assert record["summary"]["articles"] == 6
    assert (run_dir / "tables" / "zones.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    for theme in report.THEMES:
        folder = run_dir / theme
        assert (run_dir / f"{theme}.ipynb").is_file()
        csvs = sorted(folder.glob("*.csv"))
        assert csvs and all(p.read_bytes().startswith(b"\xef\xbb\xbf") for p in csvs)
        sheets = openpyxl.load_workbook(folder / f"{theme}.xlsx").sheetnames
        assert sorted(sheets) == sorted(p.stem[:31] for p in csvs)
        assert all(p.stat().st_size > 1000 for p in folder.glob("*.png"))
    assert (run_dir / "zones" / "zones_by_city_level.png").is_file()
    index = (run_dir / "index.html").read_text(encoding="utf-8")
    assert all(f'href="{t}.html"' in index for t in report.THEMES)


class _Links(HTMLParser):
    """Every src/href attribute value in a page."""

    def __init__(self) -> None:
        super().__init__()
        self.values: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        self.values += [v or "" for k, v in attrs if k in ("src", "href")]


@pytest.mark.parametrize("page", PAGES)
def test_pages_reference_nothing_outside(run_dir, page) -> None:
    text = (run_dir / page).read_text(encoding="utf-8")
    links = _Links()
    links.feed(text)
    outside = [v for v in links.values if re.match(r"\s*([a-z][a-z0-9+.-]*:|//)", v, re.I)]
    assert [v[:60] for v in outside if not v.startswith("data:")] == []
    assert not re.search(r"""(@import|url\(|import\()\s*["']?(https?:)?//""", text)


def test_article_markup_is_shown_as_text(run_dir) -> None:
    page = (run_dir / "zones.html").read_text(encoding="utf-8")
    assert "&lt;script/a&gt;window.__xss=1&lt;/script/a&gt;" in page
    assert "<script/a>" not in page and "<img/src=x" not in page


@pytest.mark.parametrize("theme", report.THEMES)
def test_executed_notebooks_have_no_warnings_or_errors(run_dir, theme) -> None:
    nb = nbformat.read(run_dir / f"{theme}.ipynb", as_version=4)
    bad = [
        o.get("text", o.get("ename", ""))[:200]
        for cell in nb.cells
        for o in cell.get("outputs", [])
        if o["output_type"] == "error" or o.get("name") == "stderr"
    ]
    assert bad == []


# ---------------------------------------------------------------- headless Chromium

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--remote-debugging-pipe",
]
PROBE = """JSON.stringify({
  interactive: document.querySelectorAll('table.dataTable').length,
  expected: document.querySelectorAll('div[id$="_fallback"]').length,
  rows: [...document.querySelectorAll('table.dataTable')].map(
    t => [...t.tBodies[0].rows].filter(r => !r.querySelector('td.dt-empty')).length),
  images: [...document.images].map(i => i.complete ? i.naturalWidth * i.naturalHeight : -1),
  xss: window.__xss === undefined ? null : window.__xss,
  text: document.body.innerText,
})"""


class Browser:
    """A headless Chromium driven over its DevTools pipe (fd 3 in, fd 4 out, NUL-framed JSON),
    so no websocket client or browser-automation package is needed."""

    def __init__(self, profile: Path) -> None:
        to_chrome, self._out = os.pipe()
        self._in, from_chrome = os.pipe()

        def as_fds_3_and_4() -> None:  # in the child: lift both ends clear of 3/4, then place them
            high = [fcntl.fcntl(fd, fcntl.F_DUPFD, 10) for fd in (to_chrome, from_chrome)]
            os.dup2(high[0], 3)
            os.dup2(high[1], 4)

        self.proc = subprocess.Popen(
            [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "about:blank"],
            pass_fds=(3, 4),
            preexec_fn=as_fds_3_and_4,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(to_chrome)
        os.close(from_chrome)
        self._buffer, self._id, self.events = b"", 0, []

    def _read(self, deadline: float) -> dict:
        while b"\0" not in self._buffer:
            if not select.select([self._in], [], [], max(0.0, deadline - time.monotonic()))[0]:
                raise TimeoutError("Chromium did not answer")
            chunk = os.read(self._in, 1 << 16)
            if not chunk:
                raise EOFError("Chromium closed its pipe")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def call(self, method: str, session: str | None = None, timeout: float = 30, **params):
        self._id += 1
        message = {"id": self._id, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        os.write(self._out, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            reply = self._read(deadline)
            if reply.get("id") == self._id:
                if "error" in reply:
                    raise RuntimeError(reply["error"])
                return reply["result"]
            self.events.append(reply)

    def wait_for(self, method: str, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while not any(e.get("method") == method for e in self.events):
            self.events.append(self._read(deadline))

    def open(self, url: str) -> str:
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        session = self.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        self.call("Network.enable", session)
        self.call("Page.enable", session)
        self.events.clear()
        self.call("Page.navigate", session, url=url)
        self.wait_for("Page.loadEventFired")
        return session

    def evaluate(self, session: str, expression: str):
        result = self.call("Runtime.evaluate", session, expression=expression, returnByValue=True)
        return result["result"]["value"]

    def close(self) -> None:
        with contextlib.suppress(EOFError, TimeoutError, OSError):
            self.call("Browser.close", timeout=10)
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        os.close(self._in)
        os.close(self._out)


@pytest.fixture(scope="module")
def browser(tmp_path_factory) -> Iterator[Browser]:
    if CHROMIUM is None:
        pytest.skip("chromium is not installed (make test installs it when run as root)")
    b = Browser(tmp_path_factory.mktemp("chromium-profile"))
    yield b
    b.close()


def _settle(browser: Browser, session: str, timeout: float = 30) -> dict:
    """Probe the page until every interactive table has been built from its embedded script."""
    deadline = time.monotonic() + timeout
    while True:
        state = json.loads(browser.evaluate(session, PROBE))
        if state["interactive"] >= state["expected"] or time.monotonic() > deadline:
            return state
        time.sleep(0.2)


@pytest.mark.parametrize("page", PAGES)
def test_pages_render_offline_in_chromium(run_dir, browser, page) -> None:
    session = browser.open((run_dir / page).resolve().as_uri())
    state = _settle(browser, session)
    events = browser.events
    failed = [e["params"] for e in events if e.get("method") == "Network.loadingFailed"]
    fetched = [
        e["params"]["request"]["url"][:80]
        for e in events
        if e.get("method") == "Network.requestWillBeSent"
    ]
    assert failed == []
    assert [u for u in fetched if not u.startswith(("file:", "data:", "blob:"))] == []
    assert state["xss"] is None
    assert all(size > 0 for size in state["images"])
    if page == "index.html":
        assert "all reports ran" in state["text"]
        return
    assert state["interactive"] == state["expected"] > 0
    assert all(rows > 0 for rows in state["rows"])
    assert state["images"], "every theme report has at least one chart"
    if page == "zones.html":
        assert HOSTILE_MARKUP in state["text"]
