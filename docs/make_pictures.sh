#!/usr/bin/env bash
# Re-make the README's pictures from real output (needs LibreOffice and poppler-utils:
# apt-get install libreoffice-calc-nogui poppler-utils).
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
zi-workbook validate samples/01_kpu_kab_batang_2022.xlsx --as-of 2022-05-31 --out "$tmp/status.xlsx" || true
soffice --headless --norestore -env:UserInstallation=file://"$tmp"/profile \
  --convert-to pdf --outdir "$tmp" "$tmp/status.xlsx" >/dev/null 2>&1
# the Status sheet's first page (Tindak Lanjut comes first), its left and right halves
for p in $(seq 1 60); do
  if pdftotext -f "$p" -l "$p" "$tmp/status.pdf" - 2>/dev/null | grep -q "Target Waktu"; then
    pdftoppm -png -r 300 -f "$p" -l "$p" -x 60 -y 100 -W 1900 -H 1000 -singlefile "$tmp/status.pdf" docs/img/status
    pdftoppm -png -r 300 -f "$p" -l "$p" -x 1900 -y 100 -W 1600 -H 1000 -singlefile "$tmp/status.pdf" docs/img/status-right
    break
  fi
done
# the LKE sheet's page for area I, at the end of the plan's year (docs/img/lke.png)
zi-workbook validate samples/01_kpu_kab_batang_2022.xlsx --as-of 2022-12-31 --out "$tmp/lke.xlsx" || true
soffice --headless --norestore -env:UserInstallation=file://"$tmp"/profile \
  --convert-to pdf --outdir "$tmp" "$tmp/lke.xlsx" >/dev/null 2>&1
for p in $(seq 1 60); do
  if pdftotext -f "$p" -l "$p" "$tmp/lke.pdf" - 2>/dev/null | grep -q "AREA I — MANAJEMEN"; then
    pdftoppm -png -r 110 -f "$p" -l "$p" -singlefile "$tmp/lke.pdf" docs/img/lke
    break
  fi
done
echo "docs/img/status.png docs/img/status-right.png docs/img/lke.png"
# the browser page, taken by its browser test (needs Chromium and a built site)
if [ -d site ] && [ -x /usr/bin/chromium ]; then
  ZI_WEB_SCREENSHOT=docs/img/web.png ZI_REQUIRE_BROWSER=1 \
    python -m pytest -q -p no:cacheprovider tests/test_web_browser.py -k counts_statuses
  echo "docs/img/web.png"
fi
