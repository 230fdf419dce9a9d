"""POST /v1/transform: validation of the request and the response, around the C extension."""

from . import _hello

DEFAULT_ROT = 13
MAX_ROT = 1_000_000


class BadRequest(Exception):
    """The request is not what the endpoint accepts; the message goes back to the client."""


def transform(request: object) -> dict:
    if not isinstance(request, dict):
        raise BadRequest("the body must be a JSON object")
    unknown = sorted(set(request) - {"text", "rot"})
    if unknown:
        raise BadRequest(f"unknown field: {unknown[0]}")
    text = request.get("text")
    if not isinstance(text, str):
        raise BadRequest("text must be a string")
    rot = request.get("rot", DEFAULT_ROT)
    # bool is an int in Python; true/false are not rotation amounts.
    if not isinstance(rot, int) or isinstance(rot, bool) or abs(rot) > MAX_ROT:
        raise BadRequest(f"rot must be an integer between -{MAX_ROT} and {MAX_ROT}")
    try:
        out = _hello.rot(text, rot)
    except UnicodeEncodeError:
        raise BadRequest("text contains a lone surrogate and is not valid Unicode") from None
    return {"text": out, "words": _hello.word_count(out), "fnv1a64": f"{_hello.fnv1a64(out):016x}"}
