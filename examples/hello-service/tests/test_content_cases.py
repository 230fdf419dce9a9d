"""The end-to-end cases of test_content/, run by its own runner against an in-process server."""

import contextlib
import importlib.util
import io
import threading
import unittest

from hello_service.config import Config
from hello_service.server import Server

from . import EXAMPLE_DIR

_spec = importlib.util.spec_from_file_location("hello_run", EXAMPLE_DIR / "test_content/run.py")
run = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(run)


class ContentCases(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server(Config(port=0))
        threading.Thread(target=cls.server.serve_forever, daemon=True).start()

    @classmethod
    def tearDownClass(cls):
        cls.server.shutdown()
        cls.server.server_close()

    def test_each_case(self):
        cases = run.load_cases(EXAMPLE_DIR / "test_content/cases")
        self.assertGreaterEqual(len(cases), 10)
        for name, request, expected in cases:
            with self.subTest(case=name):
                self.assertIsNone(run.check(self.server.url, request, expected))

    def test_runner_reports_and_exits(self):
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            code = run.main(["--base-url", self.server.url, "--wait", "5"])
        self.assertEqual(code, 0, out.getvalue())
        self.assertRegex(out.getvalue(), r"\n\d+ passed, 0 failed\n$")


if __name__ == "__main__":
    unittest.main()
