"""Property tests: whatever the input, the loader either returns a Bank or raises BankError."""

from __future__ import annotations

import math
import string

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from questions import Bank, BankError, load_bank_bytes, load_bank_text

# No example database: keep the repository free of a .hypothesis folder.
FAST = settings(max_examples=150, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(FAST, max_examples=60)

KEYS = ["id", "title", "version", "language", "description", "references", "scale", "levels", "value", "label",
        "dont_know", "bands", "min", "name", "perspectives", "principles", "definition", "guidance",
        "statements", "from", "to", "easy_read", "prompt"]
SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-10, max_value=200), st.floats(allow_nan=True),
    st.text(max_size=20), st.sampled_from(["", " ", "assets", "a-1", "en-GB", "1.0", "yes", "~", "*a", "&a"]),
)
VALUES = st.recursive(
    SCALARS,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.one_of(st.sampled_from(KEYS), st.text(max_size=8), st.integers()), children, max_size=5),
    ),
    max_leaves=15,
)
IDS = st.text(alphabet=string.ascii_lowercase + string.digits + "_-", min_size=1, max_size=8).filter(
    lambda value: value[0] not in "_-")
TEXTS = st.text(alphabet=string.ascii_letters + " .,'éŵ", min_size=1, max_size=30).filter(str.strip)


def _outcome(load: object) -> None:
    """Assert a load either succeeded or failed only with a BankError that has problems."""
    assert callable(load)
    try:
        result = load()
    except BankError as error:
        assert error.problems and all(str(problem) for problem in error.problems)
    else:
        assert isinstance(result, Bank)


@FAST
@given(st.text(max_size=300))
def test_load_bank_text_random_text_only_raises_bank_error(text: str) -> None:
    _outcome(lambda: load_bank_text(text, "fuzz.yaml"))


@FAST
@given(st.binary(max_size=300))
def test_load_bank_bytes_random_bytes_only_raises_bank_error(data: bytes) -> None:
    _outcome(lambda: load_bank_bytes(data, "fuzz.yaml"))


@FAST
@given(VALUES)
def test_load_bank_text_random_structures_only_raise_bank_error(value: object) -> None:
    _outcome(lambda: load_bank_text(yaml.safe_dump(value, allow_unicode=True), "fuzz.yaml"))


JUNK = st.one_of(SCALARS, st.lists(SCALARS, max_size=3), st.dictionaries(st.sampled_from(KEYS), SCALARS, max_size=3))
STATEMENT_KEYS = st.sampled_from(["id", "from", "to", "easy_read", "prompt", "references", "junk"])
BANK_KEYS = st.sampled_from(["id", "title", "version", "language", "scale", "perspectives", "junk"])
SMALL = st.integers(1, 3)
BAND_MIN = st.floats(1, 100)
LEVEL_ORDER = st.permutations(range(5))


def _statement(draw: st.DrawFn, statement_id: str) -> dict[str, object]:
    """A statement mapping whose fields are usually valid and sometimes junk."""
    fields: dict[str, object] = {"id": statement_id, "from": draw(TEXTS), "to": draw(TEXTS)}
    if draw(st.booleans()):
        fields["easy_read"] = {"from": draw(TEXTS), "to": draw(TEXTS)}
    if draw(st.booleans()):
        fields[draw(STATEMENT_KEYS)] = draw(JUNK)
    return fields


@st.composite
def _bank_like(draw: st.DrawFn) -> dict[str, object]:
    """A bank that is valid apart from (sometimes) one field replaced by junk."""
    principle_ids = draw(st.lists(IDS, min_size=1, max_size=3, unique=True))
    principles = [{"id": pid, "name": draw(TEXTS), "definition": draw(TEXTS),
                   "statements": [_statement(draw, f"{pid}-{n}") for n in range(draw(SMALL))]}
                  for pid in principle_ids]
    bank: dict[str, object] = {"id": draw(IDS), "title": draw(TEXTS), "version": "1", "principles": principles}
    if draw(st.booleans()):
        bank["scale"] = {"levels": [{"value": v, "label": f"L{v}"} for v in draw(LEVEL_ORDER)],
                         "bands": [{"min": 0, "name": "low"}, {"min": draw(BAND_MIN), "name": "high"}]}
    if draw(st.booleans()):
        bank[draw(BANK_KEYS)] = draw(JUNK)
    return bank


@SLOW
@given(_bank_like())
def test_load_bank_text_mutated_banks_only_raise_bank_error(bank: dict[str, object]) -> None:
    _outcome(lambda: load_bank_text(yaml.safe_dump(bank, allow_unicode=True), "fuzz.yaml"))


@SLOW
@given(st.lists(IDS, min_size=1, max_size=4, unique=True), st.integers(1, 4), TEXTS)
def test_load_bank_text_valid_banks_round_trip(principle_ids: list[str], per: int, text: str) -> None:
    bank_data = {"id": "fuzz", "title": text, "version": 2.5, "principles": [
        {"id": pid, "name": text, "definition": text,
         "statements": [{"id": f"{pid}-{n}", "from": text, "to": text} for n in range(per)]}
        for pid in principle_ids]}
    bank = load_bank_text(yaml.safe_dump(bank_data, allow_unicode=True), "fuzz.yaml")
    assert bank.statement_ids == tuple(f"{pid}-{n}" for pid in principle_ids for n in range(per))
    assert bank.title == text.strip() and bank.version == "2.5"
    assert all(math.isfinite(band.min_score) for band in bank.scale.bands)
