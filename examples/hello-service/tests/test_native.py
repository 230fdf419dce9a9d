"""The C extension against the pure-Python reference."""

import random
import unittest

from hello_service import _hello

from . import reference

SAMPLES = [
    "",
    "Hello, World!",
    "  leading and trailing  ",
    "tabs\tnew\nlines\r\nvertical\x0bform\x0cfeed",
    "Grüße aus Köln — 你好 world 🙂",
    "no\u00a0break\u2003em-space",  # not ASCII whitespace: one word each side of nothing
    "\x00nul\x00inside",
    "ZzAa" * 1000,
]


class NativeMatchesReference(unittest.TestCase):
    def test_samples(self):
        for text in SAMPLES:
            for n in (-27, -1, 0, 1, 13, 25, 26, 1_000_000):
                with self.subTest(text=text[:20], n=n):
                    self.assertEqual(_hello.rot(text, n), reference.rot(text, n))
            with self.subTest(text=text[:20]):
                self.assertEqual(_hello.word_count(text), reference.word_count(text))
                self.assertEqual(_hello.fnv1a64(text), reference.fnv1a64(text))

    def test_random_text(self):
        rng = random.Random(20240101)
        alphabet = "abcXYZ \t\n\r\x0b\x0cé€🙂\u00a0\x00-"
        for _ in range(300):
            text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 64)))
            n = rng.randrange(-100, 100)
            self.assertEqual(_hello.rot(text, n), reference.rot(text, n), repr(text))
            self.assertEqual(_hello.word_count(text), reference.word_count(text), repr(text))
            self.assertEqual(_hello.fnv1a64(text), reference.fnv1a64(text), repr(text))

    def test_known_values(self):
        self.assertEqual(_hello.rot("Uryyb", 13), "Hello")
        self.assertEqual(_hello.fnv1a64(""), 0xCBF29CE484222325)
        self.assertEqual(_hello.fnv1a64("a"), 0xAF63DC4C8601EC8C)

    def test_rejects_what_is_not_text(self):
        with self.assertRaises(TypeError):
            _hello.rot(b"bytes", 1)
        with self.assertRaises(TypeError):
            _hello.word_count(None)
        with self.assertRaises(UnicodeEncodeError):
            _hello.fnv1a64("lone \ud800 surrogate")


if __name__ == "__main__":
    unittest.main()
