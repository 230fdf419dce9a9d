"""Unit tests of hello-service, run against a built application directory.

    ./build.sh && /usr/bin/python3 -m unittest            # uses build/staging
    HELLO_SERVICE_APP_DIR=/usr/lib/hello-service /usr/bin/python3 -m unittest   # the installed one
"""

import os
import sys
from pathlib import Path

EXAMPLE_DIR = Path(__file__).resolve().parent.parent
APP_DIR = Path(os.environ.get("HELLO_SERVICE_APP_DIR") or EXAMPLE_DIR / "build/staging/usr/lib/hello-service")

if not list((APP_DIR / "hello_service").glob("_hello*.so")):
    raise ImportError(f"no built extension in {APP_DIR}/hello_service: run ./build.sh or set HELLO_SERVICE_APP_DIR")
sys.path.insert(0, str(APP_DIR))
# Keep __pycache__ out of the tree that gets packaged (lintian: package-installs-python-pycache-dir).
sys.dont_write_bytecode = True
