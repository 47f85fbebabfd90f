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


def _ready_ms(page: Any, stages: dict[str, float] | None = None, tag: str = "") -> float:
    page.wait_for_selector(READY, state="attached", timeout=300_000)
    if stages is not None:
        # how long each named stage of the worker took (ms since the previous stage)
        seen = page.evaluate("window.ziTimings.stages")
        before = 0.0
        for name, at in sorted(seen.items(), key=lambda kv: kv[1]):
            stages[f"{tag}{name}"] = (at - before) / 1000
            before = at
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
        stages: dict[str, float] = {}
        page.goto(base)
        cold = _ready_ms(page, stages, "cold:") / 1000
        start = time.perf_counter()
        page.set_input_files("#plan", str(SAMPLE))
        page.wait_for_selector("#check-result:not([hidden])", timeout=60_000)
        first = time.perf_counter() - start
        plans = [_check(page, f"2022-{m:02d}-28") for m in range(1, 11)]
        # the service worker has cached every file and controls the page (clients.claim)
        page.wait_for_function(
            "navigator.serviceWorker.controller !== null", timeout=120_000, polling=500
        )
        page.goto(base)
        warm = _ready_ms(page, stages, "warm:") / 1000
        browser.set_offline(True)
        page.goto(base)
        offline = _ready_ms(page) / 1000
        return {
            "cold": cold, "warm": warm, "offline": offline, "first": first,
            "plan": statistics.median(plans), **stages,
        }
    finally:
        browser.close()


def _serve(site: Path) -> tuple[Any, str]:
    server = make_server(site.resolve(), port=0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def _report(title: str, site: Path, runs: list[dict[str, float]]) -> None:
    def med(key: str) -> float:
        return statistics.median(r[key] for r in runs if key in r)

    files = [p for p in site.rglob("*") if p.is_file()]
    size = sum(p.stat().st_size for p in files)
    print(f"== {title}: {site}")
    print(f"site size                  {size / 2**20:6.1f} MiB in {len(files)} files")
    print(f"cold start (no cache)      {med('cold'):6.2f} s   (target < 10 s)")
    print(f"second visit (SW cache)    {med('warm'):6.2f} s")
    print(f"second visit, network off  {med('offline'):6.2f} s")
    print(f"first check after ready    {med('first'):6.2f} s")
    print(f"70-action plan, per check  {med('plan'):6.2f} s   (target < 1 s)")
    stages = sorted({k for r in runs for k in r if ":" in k}, key=lambda k: (k[0] != "c", k))
    print("stages (median s):", ", ".join(f"{k} {med(k):.2f}" for k in stages))
    print("runs:", [{k: round(v, 2) for k, v in r.items() if ":" not in k} for r in runs])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--against", type=Path, default=None,
                        help="a second built site (e.g. the previous build) measured in the "
                        "same run, alternating with --site, since the machine's load varies")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    sites = [args.site] + ([args.against] if args.against else [])
    for site in sites:
        if not (site / "manifest.json").is_file():
            sys.exit(f"no built site at {site}: python web/build.py --out site/")
    import tempfile

    from playwright.sync_api import sync_playwright

    served = [_serve(site) for site in sites]
    runs: list[list[dict[str, float]]] = [[] for _ in sites]
    with sync_playwright() as pw:
        for _ in range(args.runs):
            for i, (_server, base) in enumerate(served):
                with tempfile.TemporaryDirectory(prefix="zi-bench-web-") as tmp:
                    runs[i].append(one_run(pw, base, Path(tmp)))
        b = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        version = b.version
        b.close()
    for server, _base in served:
        server.shutdown()
    print(f"Chromium {version}, {args.runs} fresh profiles per site, medians")
    for i, site in enumerate(sites):
        _report("site" if i == 0 else "against", site, runs[i])


if __name__ == "__main__":
    main()
