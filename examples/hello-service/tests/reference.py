"""Pure-Python versions of the C extension's functions: the specification the tests hold it to."""


def rot(text: str, n: int) -> str:
    shift = n % 26
    out = []
    for ch in text:
        if "a" <= ch <= "z":
            out.append(chr(ord("a") + (ord(ch) - ord("a") + shift) % 26))
        elif "A" <= ch <= "Z":
            out.append(chr(ord("A") + (ord(ch) - ord("A") + shift) % 26))
        else:
            out.append(ch)
    return "".join(out)


def word_count(text: str) -> int:
    # bytes.split() splits on ASCII whitespace only, unlike str.split().
    return len(text.encode("utf-8").split())


def fnv1a64(text: str) -> int:
    h = 0xCBF29CE484222325
    for b in text.encode("utf-8"):
        h = ((h ^ b) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h
