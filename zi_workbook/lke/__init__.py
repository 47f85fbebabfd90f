"""The LKE (Lembar Kerja Evaluasi) of the Zona Integritas evaluation.

``data`` (the worksheet, read once from the package), ``worksheet`` (its details and
sources, for the reference and the LKE sheet), ``codes`` (codes as offices write them),
``words``, ``index`` and ``match`` (suggesting a question from an action's words), ``plan``
(each action's question, a whole plan's), ``coverage`` (coverage and the ceiling against
the WBK/WBBM minimums) and ``actions`` (each question's actions, when a writer asks). Its
finding codes are declared in ``declarations/findings-50-lke.json``.
Importing this package loads nothing.
"""
