"""Command line: run the server (as systemd does), or only check the configuration."""

import argparse
import logging
import signal
import sys
import threading

from . import __version__
from .config import DEFAULT_PATH, ConfigError, load
from .server import Server

log = logging.getLogger("hello_service")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="hello-service", description="A small HTTP text-transform service.")
    parser.add_argument("--config", default=DEFAULT_PATH, help=f"configuration file (default: {DEFAULT_PATH})")
    parser.add_argument("--check-config", action="store_true", help="validate the configuration and exit")
    parser.add_argument("--version", action="version", version=f"hello-service {__version__}")
    args = parser.parse_args(argv)

    try:
        config = load(args.config)
    except ConfigError as e:
        print(f"hello-service: {e}", file=sys.stderr)
        return 2
    if args.check_config:
        print(f"{args.config}: ok")
        return 0

    logging.basicConfig(level=config.log_level.upper(), format="%(levelname)s %(message)s", stream=sys.stderr)
    try:
        server = Server(config)
    except OSError as e:
        log.error("cannot listen on %s port %d: %s", config.listen, config.port, e.strerror)
        return 1
    # systemd stops the service with SIGTERM: finish the requests in flight, then exit 0.
    signal.signal(signal.SIGTERM, lambda *_: threading.Thread(target=server.shutdown).start())
    log.info("hello-service %s listening on %s", __version__, server.url)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    log.info("stopped")
    return 0
