# Entry point of the installed service: /usr/bin/python3 -E -s /usr/lib/hello-service/main.py.
# Python puts this file's directory first on sys.path, which is where hello_service lives.
import sys

# Never write __pycache__ into /usr/lib/hello-service (say, when root runs --check-config): dpkg
# does not know those files and would leave them behind on removal.
sys.dont_write_bytecode = True

from hello_service.cli import main  # noqa: E402  (after the bytecode switch, on purpose)

sys.exit(main())
