"""A closed document leaves nothing that can crash the process later.

PySide frees a document's undo commands (Python objects owned by Qt) before
their stack when Python's cycle collector takes a document with history, and
the stack's destructor then deletes them again: a segfault, at exit or at any
later collection. ``Document.close_cleanly`` therefore empties the history,
and so does a document the collector takes unclosed (its finalizer runs
before the collector breaks the cycle).
The collection runs in a child process, so a crash fails this test instead
of stopping the run."""
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = textwrap.dedent("""
    import gc, os, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    sys.path.insert(0, {root!r})
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    import models
    from desktop_app.document import Document
    from desktop_app.controller import Controller
    for k in range(12):
        doc = Document(models.load_model({sample!r}), None, recovery_dir=None)
        controller = Controller(doc)
        doc.cycle, controller.cycle = controller, doc   # left to the cycle collector, as a window leaves it
        for j in range(k % 3 + 1):
            assert doc.edit("cash", lambda txn, j=j: txn.set(("valuation", "excess_cash"), 10.0 + j))
        if {close!r}:
            doc.close_cleanly()
            assert doc.undo_stack.count() == 0
    del doc, controller
    gc.collect()
    print("collected")
""")


@pytest.mark.parametrize("close", [True, False], ids=["closed", "left-open"])
def test_documents_with_history_are_collected_without_a_crash(close):
    sample = ROOT / "resources" / "samples" / "united-imaging-688271.json"
    run = subprocess.run([sys.executable, "-c", SCRIPT.format(root=str(ROOT), sample=str(sample), close=close)],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, (run.returncode, run.stderr[-2000:])
    assert run.stdout.strip().endswith("collected")
