"""End-to-end cases for a running hello-service: what `debship test` runs after installing it.

    /usr/bin/python3 test_content/run.py [--base-url URL] [--wait SECONDS] [--cases DIR]

A case is a directory under cases/ holding request.json ({"method", "path", and "body" as JSON
or "raw_body" as a string}) and expected.json ({"status", "body"}); the response must have that
status and a JSON body equal to "body". Prints a line per case, then "N passed, N failed".
Exit status: 0 all passed, 1 a case failed, 2 the service did not answer /health in time.
"""

import argparse
import json
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent


def load_cases(cases_dir: Path) -> list[tuple[str, dict, dict]]:
    cases = []
    for case in sorted(p for p in cases_dir.iterdir() if p.is_dir()):
        request = json.loads((case / "request.json").read_text(encoding="utf-8"))
        expected = json.loads((case / "expected.json").read_text(encoding="utf-8"))
        cases.append((case.name, request, expected))
    return cases


def call(base_url: str, request: dict, timeout: float = 10) -> tuple[int, object]:
    data = None
    if "raw_body" in request:
        data = request["raw_body"].encode("utf-8")
    elif "body" in request:
        data = json.dumps(request["body"]).encode("utf-8")
    req = urllib.request.Request(base_url + request["path"], data=data, method=request.get("method", "GET"))
    if data is not None:
        req.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            status, raw = resp.status, resp.read()
    except urllib.error.HTTPError as e:
        status, raw = e.code, e.read()
    try:
        return status, json.loads(raw.decode("utf-8"))
    except ValueError:
        return status, raw.decode("utf-8", "replace")


def check(base_url: str, request: dict, expected: dict) -> str | None:
    """None when the response is the expected one, else what differs."""
    status, body = call(base_url, request)
    if status != expected["status"]:
        return f"status {status}, expected {expected['status']} (body: {body!r})"
    if body != expected["body"]:
        return f"body {json.dumps(body, ensure_ascii=False)}, expected {json.dumps(expected['body'], ensure_ascii=False)}"
    return None


def wait_healthy(base_url: str, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while True:
        try:
            if call(base_url, {"path": "/health"}, timeout=2) == (200, {"status": "ok"}):
                return True
        except OSError:
            pass
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.2)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", default="http://127.0.0.1:8742")
    parser.add_argument("--wait", type=float, default=0, help="wait up to this many seconds for /health first")
    parser.add_argument("--cases", type=Path, default=HERE / "cases")
    args = parser.parse_args(argv)
    base_url = args.base_url.rstrip("/")

    if not wait_healthy(base_url, args.wait):
        print(f"hello-service did not answer {base_url}/health", file=sys.stderr)
        return 2
    passed = failed = 0
    for name, request, expected in load_cases(args.cases):
        problem = check(base_url, request, expected)
        if problem is None:
            passed += 1
            print(f"ok   {name}")
        else:
            failed += 1
            print(f"FAIL {name}: {problem}")
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
