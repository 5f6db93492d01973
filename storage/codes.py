"""Secrets handed to people: workshop join codes, facilitator keys and respondent tokens."""

from __future__ import annotations

import hashlib
import hmac
import secrets

# Crockford's base32 without 0 and 1: no 0/O, 1/I/L or U/V confusion when read aloud, copied from a
# projector or written down. Every code and key people read or type is made from these 30 characters.
JOIN_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
JOIN_LENGTH = 10  # 30**10 is about 2**49 codes
RESUME_LENGTH = 16  # 30**16 is about 2**78.5: guessing one of a session's resume codes is hopeless
KEY_LENGTH = 20  # 30**20 is about 2**98
_SCRYPT = {"n": 2**14, "r": 8, "p": 1}
MIN_KEY_LENGTH = 16  # shortest key accepted (old keys: 16 urlsafe characters, 96 bits)
_SEPARATORS = "-‐‑–—_"


def _random(length: int) -> str:
    return "".join(secrets.choice(JOIN_ALPHABET) for _ in range(length))


def _grouped(code: str, size: int) -> str:
    return "-".join(code[i:i + size] for i in range(0, len(code), size))


def _cleaned(text: str) -> str:
    """Upper case without spaces or dashes: how a typed code is compared."""
    return "".join(ch for ch in text.upper() if not ch.isspace() and ch not in _SEPARATORS)


def new_join_code() -> str:
    """A fresh join code in stored form: 10 characters, no dash."""
    return "".join(secrets.choice(JOIN_ALPHABET) for _ in range(JOIN_LENGTH))


def format_join_code(code: str) -> str:
    """The display form of a stored join code: XXXXX-XXXXX."""
    return f"{code[:5]}-{code[5:]}"


def normalise_join_code(text: str) -> str | None:
    """The stored form of a code as typed (any case, spaces, dashes), or None if it cannot be one."""
    cleaned = _cleaned(text)
    if len(cleaned) != JOIN_LENGTH or any(ch not in JOIN_ALPHABET for ch in cleaned):
        return None
    return cleaned


def new_token() -> str:
    """A respondent's resume code in stored form: 16 characters of the readable alphabet (78 bits), no dashes."""
    return _random(RESUME_LENGTH)


def format_resume_code(token: str) -> str:
    """The display form of a resume code (K7M4-QP9X-D2RT-8WHN); an old urlsafe token is shown as it is."""
    readable = len(token) == RESUME_LENGTH and all(ch in JOIN_ALPHABET for ch in token)
    return _grouped(token, 4) if readable else token


def normalise_resume_code(text: str) -> str:
    """The stored form of a resume code as typed: any case, with or without dashes or spaces.

    Anything that cannot be a new code is returned stripped but otherwise unchanged, so an old
    22-character urlsafe token (case matters there) keeps working.
    """
    cleaned = _cleaned(text)
    if len(cleaned) == RESUME_LENGTH and all(ch in JOIN_ALPHABET for ch in cleaned):
        return cleaned
    return text.strip()


def new_facilitator_key() -> str:
    """A facilitator key to show once: 20 characters of the readable alphabet (98 bits), in groups of five."""
    return _grouped(_random(KEY_LENGTH), 5)


def _key_forms(key: str) -> list[str]:
    """What a typed key is checked as: its readable form (case, dashes and spaces ignored), then as typed (old keys)."""
    cleaned = _cleaned(key)
    readable = len(cleaned) == KEY_LENGTH and all(ch in JOIN_ALPHABET for ch in cleaned)
    return [cleaned, key] if readable else [key]


def hash_key(key: str) -> str:
    """A salted scrypt hash of a key, as 'scrypt$<salt>$<hash>' (hex); a readable key is hashed in its plain form."""
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(_key_forms(key)[0].encode("utf-8"), salt=salt, dklen=32, **_SCRYPT)
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
    matches = [hmac.compare_digest(hashlib.scrypt(form.encode("utf-8"), salt=salt, dklen=len(expected), **_SCRYPT),
                                   expected) for form in _key_forms(key)]
    return any(matches)


def new_link_token() -> str:
    """The secret of a team's or session's link: 128 random bits, safe in a URL."""
    return secrets.token_urlsafe(16)


def digest(secret: str) -> str:
    """SHA-256 of a long random secret (a device id): enough, as it cannot be guessed, unlike a typed key."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()
