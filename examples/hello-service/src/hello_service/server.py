"""The HTTP server: GET /health, GET /version, POST /v1/transform. JSON in, JSON out."""

import json
import logging
import socket
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from . import __version__
from .config import Config
from .transform import BadRequest, transform

log = logging.getLogger("hello_service")


class Handler(BaseHTTPRequestHandler):
    server_version = f"hello-service/{__version__}"
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        if self.path == "/health":
            self._send(HTTPStatus.OK, {"status": "ok"})
        elif self.path == "/version":
            self._send(HTTPStatus.OK, {"name": "hello-service", "version": __version__})
        elif self.path == "/v1/transform":
            self._send(HTTPStatus.METHOD_NOT_ALLOWED, {"error": "use POST"}, {"Allow": "POST"})
        else:
            self._send(HTTPStatus.NOT_FOUND, {"error": f"no such endpoint: {self.path}"})

    def do_POST(self) -> None:
        if self.path != "/v1/transform":
            self._send(HTTPStatus.NOT_FOUND, {"error": f"no such endpoint: {self.path}"})
            return
        body = self._read_body()
        if body is None:
            return
        try:
            request = json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            self._send(HTTPStatus.BAD_REQUEST, {"error": "the body is not valid JSON"})
            return
        try:
            self._send(HTTPStatus.OK, transform(request))
        except BadRequest as e:
            self._send(HTTPStatus.BAD_REQUEST, {"error": str(e)})

    def _read_body(self):
        length = self.headers.get("Content-Length")
        if length is None or not length.isdigit():
            self._send(HTTPStatus.LENGTH_REQUIRED, {"error": "Content-Length is required"})
            return None
        limit = self.server.config.max_body_bytes
        if int(length) > limit:
            # The body is not read, so the connection cannot be reused.
            self.close_connection = True
            self._send(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, {"error": f"the body is larger than {limit} bytes"})
            return None
        return self.rfile.read(int(length))

    def _send(self, status: HTTPStatus, payload: dict, headers: dict | None = None) -> None:
        data = (json.dumps(payload, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args) -> None:
        # journald adds time and host; one debug line per request keeps the default log quiet.
        log.debug("%s %s", self.address_string(), format % args)


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, config: Config):
        self.config = config
        if ":" in config.listen:
            self.address_family = socket.AF_INET6
        super().__init__((config.listen, config.port), Handler)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"
