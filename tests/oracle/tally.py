"""How the oracle scripts report: one line a check ("ok - …" or
"not ok - … detail"), then "NAME: N passed, M failed", the line
scripts/test counts, and an exit code of 1 if any check failed."""

import sys


class Tally:
    def __init__(self, name):
        self.name, self.passed, self.failed = name, 0, 0

    def check(self, what, ok, detail=""):
        if ok:
            self.passed += 1
            print(f"ok - {what}")
        else:
            self.failed += 1
            print(f"not ok - {what} {detail}")

    def finish(self):
        print(f"{self.name}: {self.passed} passed, {self.failed} failed")
        sys.exit(1 if self.failed else 0)
