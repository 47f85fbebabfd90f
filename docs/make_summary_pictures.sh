#!/usr/bin/env bash
# Re-make the summary pictures of the README (docs/img/summary*.png) from real output:
# 38 offices made by bench/make_plans.py, a blank template, a plan with no unit in its
# title, last month's copy in arsip/ and a PDF. Needs LibreOffice and poppler-utils.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
PYTHONPATH="$PWD:$PWD/bench:$PWD/tests" python - "$tmp/kiriman" <<'PY'
import os, shutil, sys
from pathlib import Path
from builders import make_plan
from make_plans import make_plan_folder, unit_name
from zi_workbook.writers.template import write_template
root = Path(sys.argv[1]); root.mkdir()
make_plan_folder(root, 38)
write_template(root / "0039_belum_diisi.xlsx", year=2022, unit=unit_name(38).upper())
first = sorted(root.glob("0001*"))[0]
(root / "arsip").mkdir()
old = shutil.copy(first, root / "arsip" / first.name)
os.utime(old, (1_640_000_000, 1_640_000_000))
make_plan(root, [["I", "Manajemen Perubahan"],
                 ["1", "Tim", "SK Tim", "Menyusun SK", "SK", "https://kpu.go.id/sk", "Januari 2022"],
                 ["", "", "Renja", "Menyusun rencana kerja", "", "", "Maret 2022"]],
          name="0040_rencana_aksi_final.xlsx",
          title_rows=("RENCANA AKSI ZONA INTEGRITAS TAHUN 2022",))
(root / "surat_pengantar.pdf").write_bytes(b"%PDF-1.4\n")
PY
zi-workbook summary "$tmp/kiriman" --as-of 2022-05-31 --out "$tmp/ringkasan.xlsx" || true
soffice --headless --norestore -env:UserInstallation=file://"$tmp"/profile \
  --convert-to pdf --outdir "$tmp" "$tmp/ringkasan.xlsx" >/dev/null 2>&1
pdftoppm -png -r 110 -f 1 -l 1 -singlefile "$tmp/ringkasan.pdf" docs/img/summary-peringkat
pdftoppm -png -r 110 -f 2 -l 2 -singlefile "$tmp/ringkasan.pdf" docs/img/summary
pdftoppm -png -r 110 -f 4 -l 4 -singlefile "$tmp/ringkasan.pdf" docs/img/summary-per-area
echo "docs/img/summary-peringkat.png docs/img/summary.png docs/img/summary-per-area.png"
# The page per office: the tests' Kantor Pertanahan (a PIC column) in June against May.
PYTHONPATH="$PWD:$PWD/tests" python - "$tmp" <<'PY'
import sys
from pathlib import Path
import test_summary_offices as t
root = Path(sys.argv[1])
t._sleman(root / "juni", late_done=True)
t._imigrasi(root / "juni")
t._sleman(root / "mei")
PY
zi-workbook summary "$tmp/juni" --as-of 2022-06-30 --previous "$tmp/mei" --per-office \
  --out "$tmp/kantor.xlsx"
soffice --headless --norestore -env:UserInstallation=file://"$tmp"/profile \
  --convert-to pdf --outdir "$tmp" "$tmp/kantor.xlsx" >/dev/null 2>&1
last=$(pdfinfo "$tmp/kantor.pdf" | awk '/^Pages:/ {print $2}')
pdftoppm -png -r 110 -f "$last" -l "$last" -singlefile "$tmp/kantor.pdf" docs/img/summary-kantor
echo "docs/img/summary-kantor.png"
