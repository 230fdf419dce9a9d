"""The configuration file: defaults, the shipped conffile, and clear errors."""

import unittest

from hello_service.config import Config, ConfigError, load, parse

from . import EXAMPLE_DIR


class ConfigTests(unittest.TestCase):
    def test_the_shipped_conffile_is_valid_and_matches_the_defaults(self):
        self.assertEqual(load(str(EXAMPLE_DIR / "packaging/hello-service.conf")), Config())

    def test_values(self):
        config = parse("[server]\nlisten = ::1\nport = 9000\nmax_body_bytes = 10\n[log]\nlevel = DEBUG\n")
        self.assertEqual(config, Config(listen="::1", port=9000, log_level="debug", max_body_bytes=10))

    def test_empty_file_means_defaults(self):
        self.assertEqual(parse(""), Config())

    def test_errors_name_the_file_and_key(self):
        cases = {
            "[server]\nport = http\n": "f.conf: [server] port = 'http' is not a number",
            "[server]\nport = 70000\n": "f.conf: [server] port = 70000 is outside 0..65535",
            "[server]\nlisten = localhost\n": "f.conf: [server] listen = 'localhost' is not an IP address",
            "[log]\nlevel = loud\n": "f.conf: [log] level = 'loud'; use one of debug, info, warning, error",
            "[server]\nprot = 1\n": "f.conf: unknown key prot in [server]",
            "[client]\n": "f.conf: unknown section [client]; known: log, server",
        }
        for text, message in cases.items():
            with self.subTest(text=text), self.assertRaises(ConfigError) as ctx:
                parse(text, "f.conf")
            self.assertEqual(str(ctx.exception), message)

    def test_missing_file(self):
        with self.assertRaisesRegex(ConfigError, "cannot read /nonexistent/x.conf: No such file"):
            load("/nonexistent/x.conf")


if __name__ == "__main__":
    unittest.main()
