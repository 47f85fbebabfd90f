"""The browser page in Debian's Chromium: site size, cold start, second visit, per plan.

    python web/build.py --out site/ && python bench/web.py [--site site/] [--runs 3]

Cold start: a fresh browser profile (no cache) opens the page; the time until the
worker says the library is imported. Second visit: the same profile, after the service
worker has cached the site, opens the page again, once online and once with the network
off. Per plan: the 70-action sample checked again and drawn (as-of date changed), the
median of ten. Each figure is the median of --runs fresh profiles. No figure is asserted
anywhere; the README quotes a run.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import threading
import time
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(ROOT))

from zi_workbook.web.serve import make_server  # noqa: E402

SAMPLE = ROOT / "samples" / "01_kpu_kab_batang_2022.xlsx"
CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
READY = "body[data-runtime=ready]"


def _ready_ms(page: Any) -> float:
    page.wait_for_selector(READY, state="attached", timeout=300_000)
    return float(page.evaluate("window.ziTimings.ready"))


def _check(page: Any, as_of: str) -> float:
    page.evaluate("document.getElementById('check-result').hidden = true")
    start = time.perf_counter()
    page.fill("#as-of", as_of)
    page.dispatch_event("#as-of", "change")
    page.wait_for_selector("#check-result:not([hidden])", timeout=60_000)
    return time.perf_counter() - start


def one_run(pw: Any, base: str, tmp: Path) -> dict[str, float]:
    browser = pw.chromium.launch_persistent_context(
        str(tmp), executable_path=CHROMIUM, args=ARGS, headless=True
    )
    try:
        page = browser.new_page()
        page.goto(base)
        cold = _ready_ms(page) / 1000
        page.set_input_files("#plan", str(SAMPLE))
        page.wait_for_selector("#check-result:not([hidden])", timeout=60_000)
        plans = [_check(page, f"2022-{m:02d}-28") for m in range(1, 11)]
        # the service worker has cached every file and controls the page (clients.claim)
        page.wait_for_function(
            "navigator.serviceWorker.controller !== null", timeout=120_000, polling=500
        )
        page.goto(base)
        warm = _ready_ms(page) / 1000
        browser.set_offline(True)
        page.goto(base)
        offline = _ready_ms(page) / 1000
        return {"cold": cold, "warm": warm, "offline": offline, "plan": statistics.median(plans)}
    finally:
        browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    if not (args.site / "manifest.json").is_file():
        sys.exit(f"no built site at {args.site}: python web/build.py --out site/")
    from playwright.sync_api import sync_playwright

    files = [p for p in args.site.rglob("*") if p.is_file()]
    size = sum(p.stat().st_size for p in files)
    server = make_server(args.site.resolve(), port=0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    import tempfile

    runs = []
    with sync_playwright() as pw:
        for _ in range(args.runs):
            with tempfile.TemporaryDirectory(prefix="zi-bench-web-") as tmp:
                runs.append(one_run(pw, base, Path(tmp)))
    server.shutdown()

    def med(key: str) -> float:
        return statistics.median(r[key] for r in runs)

    version = "?"
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        version = b.version
        b.close()
    print(f"Chromium {version}, {args.runs} fresh profiles, medians")
    print(f"site size                  {size / 2**20:6.1f} MiB in {len(files)} files")
    print(f"cold start (no cache)      {med('cold'):6.2f} s   (target < 10 s)")
    print(f"second visit (SW cache)    {med('warm'):6.2f} s")
    print(f"second visit, network off  {med('offline'):6.2f} s")
    print(f"70-action plan, per check  {med('plan'):6.2f} s   (target < 1 s)")
    print("runs:", [{k: round(v, 2) for k, v in r.items()} for r in runs])


if __name__ == "__main__":
    main()
