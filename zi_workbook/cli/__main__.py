"""python -m zi_workbook.cli"""

from . import main

main()
