#!/usr/bin/env bash
# Re-make docs/img/perubahan.png: the Perubahan sheet of the two monthly versions the
# tests build (tests/monthly.py), May -> June 2022. Needs LibreOffice and poppler-utils.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
PYTHONPATH="$PWD:$PWD/tests" python -c "
from pathlib import Path
from monthly import MAY, june, write
write(Path('$tmp'), MAY, 'mei.xlsx'); write(Path('$tmp'), june(), 'juni.xlsx')"
PYTHONPATH="$PWD" python -m zi_workbook.cli compare "$tmp/mei.xlsx" "$tmp/juni.xlsx" \
  --as-of 2022-06-30 --out "$tmp/perubahan.xlsx" >/dev/null || true
soffice --headless --norestore -env:UserInstallation=file://"$tmp"/profile \
  --convert-to pdf --outdir "$tmp" "$tmp/perubahan.xlsx" >/dev/null 2>&1
pdftoppm -png -r 200 -f 1 -l 1 -x 50 -y 90 -W 2240 -H 680 -singlefile "$tmp/perubahan.pdf" docs/img/perubahan
echo "docs/img/perubahan.png"
