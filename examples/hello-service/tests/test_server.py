"""The HTTP server in-process, on an ephemeral port."""

import http.client
import json
import threading
import unittest

from hello_service import __version__
from hello_service.config import Config
from hello_service.server import Server


class ServerTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server(Config(port=0, max_body_bytes=1000))
        cls.thread = threading.Thread(target=cls.server.serve_forever, daemon=True)
        cls.thread.start()

    @classmethod
    def tearDownClass(cls):
        cls.server.shutdown()
        cls.server.server_close()

    def request(self, method, path, body=None, headers=None):
        conn = http.client.HTTPConnection(*self.server.server_address[:2], timeout=10)
        try:
            conn.request(method, path, body=body, headers=headers or {})
            resp = conn.getresponse()
            return resp.status, resp.getheader("Content-Type"), json.loads(resp.read())
        finally:
            conn.close()

    def test_health(self):
        self.assertEqual(self.request("GET", "/health"), (200, "application/json; charset=utf-8", {"status": "ok"}))

    def test_version(self):
        self.assertEqual(self.request("GET", "/version")[2], {"name": "hello-service", "version": __version__})

    def test_transform(self):
        status, _, body = self.request("POST", "/v1/transform", json.dumps({"text": "Hello there", "rot": 13}))
        self.assertEqual(status, 200)
        self.assertEqual(body["text"], "Uryyb gurer")
        self.assertEqual(body["words"], 2)
        self.assertRegex(body["fnv1a64"], r"^[0-9a-f]{16}$")

    def test_body_limits(self):
        self.assertEqual(self.request("POST", "/v1/transform", "x" * 1001)[:1], (413,))
        conn = http.client.HTTPConnection(*self.server.server_address[:2], timeout=10)
        try:
            conn.putrequest("POST", "/v1/transform")
            conn.endheaders()
            self.assertEqual(conn.getresponse().status, 411)
        finally:
            conn.close()

    def test_errors_are_json(self):
        self.assertEqual(self.request("POST", "/health", "{}"), (404, "application/json; charset=utf-8", {"error": "no such endpoint: /health"}))
        self.assertEqual(self.request("POST", "/v1/transform", b"\xff")[2], {"error": "the body is not valid JSON"})
        self.assertEqual(self.request("POST", "/v1/transform", "[1]")[2], {"error": "the body must be a JSON object"})


if __name__ == "__main__":
    unittest.main()
