"""Verification codes: eight characters that survive being read aloud, typed over or scanned.

The alphabet leaves out what people confuse (0 and O, 1, I and L), so a code copied from paper is
either right or plainly wrong. 31 ** 8 (about 850 billion) codes, and lookups are rate-limited per
visitor: guessing one is hopeless.
"""

import re
import secrets

ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
LENGTH = 8
# What people put between the characters: spaces, dashes (also the typographic ones), dots.
SEPARATORS = re.compile(r"[\s\-\u2010-\u2015.]+")


def new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def normalise(typed: str) -> str:
    """The code as stored (``ABCD2345``) from what someone typed (``abcd - 2345``); it may still be wrong."""
    return SEPARATORS.sub("", typed or "").upper()[: LENGTH * 4]


def is_well_formed(code: str) -> bool:
    return len(code) == LENGTH and all(character in ALPHABET for character in code)


def display(code: str) -> str:
    """``ABCD-2345``: two halves are easier to read out and copy."""
    half = len(code) // 2
    return f"{code[:half]}-{code[half:]}"
