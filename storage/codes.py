"""Secrets handed to people: workshop join codes, facilitator keys and respondent tokens."""

from __future__ import annotations

import hashlib
import hmac
import secrets

# No 0/O, 1/I/L or U/V confusion when read aloud or copied from a projector.
JOIN_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
JOIN_LENGTH = 10  # 30**10 is about 2**49 codes
_SCRYPT = {"n": 2**14, "r": 8, "p": 1}
MIN_KEY_LENGTH = 16  # what new_facilitator_key makes: 96 bits


def new_join_code() -> str:
    """A fresh join code in stored form: 10 characters, no dash."""
    return "".join(secrets.choice(JOIN_ALPHABET) for _ in range(JOIN_LENGTH))


def format_join_code(code: str) -> str:
    """The display form of a stored join code: XXXXX-XXXXX."""
    return f"{code[:5]}-{code[5:]}"


def normalise_join_code(text: str) -> str | None:
    """The stored form of a code as typed (any case, spaces, dashes), or None if it cannot be one."""
    cleaned = "".join(ch for ch in text.upper() if not ch.isspace() and ch not in "-‐‑–—_")
    if len(cleaned) != JOIN_LENGTH or any(ch not in JOIN_ALPHABET for ch in cleaned):
        return None
    return cleaned


def new_token() -> str:
    """A respondent token: 128 random bits, safe in a URL."""
    return secrets.token_urlsafe(16)


def new_facilitator_key() -> str:
    """A facilitator key: 96 random bits, safe in a URL."""
    return secrets.token_urlsafe(12)


def hash_key(key: str) -> str:
    """A salted scrypt hash of a key, as 'scrypt$<salt>$<hash>' (hex)."""
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(key.encode("utf-8"), salt=salt, dklen=32, **_SCRYPT)
    return f"scrypt${salt.hex()}${digest.hex()}"


def verify_key(key: str | None, stored: str | None) -> bool:
    """Whether the key matches the stored hash (constant-time); anything missing is False."""
    if not key or not stored or not isinstance(key, str):
        return False
    try:
        scheme, salt_hex, digest_hex = stored.split("$")
        salt, expected = bytes.fromhex(salt_hex), bytes.fromhex(digest_hex)
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    actual = hashlib.scrypt(key.encode("utf-8"), salt=salt, dklen=len(expected), **_SCRYPT)
    return hmac.compare_digest(actual, expected)


def new_link_token() -> str:
    """The secret of a team's or session's link: 128 random bits, safe in a URL."""
    return secrets.token_urlsafe(16)


def digest(secret: str) -> str:
    """SHA-256 of a long random secret (a device id): enough, as it cannot be guessed, unlike a typed key."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()
