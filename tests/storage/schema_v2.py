"""A frozen copy of release 2's schema (schema version 2), to test upgrades from it. Never edit."""

from __future__ import annotations

from datetime import datetime, timezone
from enum import StrEnum
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Dialect

from domain.vocabulary import SCALE_VALUES, ActionStatus, Mode, SessionStatus

metadata = sa.MetaData()


class UTCDateTime(sa.TypeDecorator[datetime]):
    """A timestamp stored in UTC and always read back timezone-aware."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> datetime | None:
        """Convert aware datetimes to UTC; naive ones are taken as UTC already."""
        if value is None:
            return None
        moment: datetime = value
        if moment.tzinfo is None:
            return moment.replace(tzinfo=timezone.utc)
        return moment.astimezone(timezone.utc)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        """SQLite drops the zone on the way back: put UTC back on."""
        if value is None:
            return None
        moment: datetime = value
        if moment.tzinfo is None:
            return moment.replace(tzinfo=timezone.utc)
        return moment.astimezone(timezone.utc)


def utcnow() -> datetime:
    """The current time in UTC."""
    return datetime.now(timezone.utc)


def one_of(column: str, values: tuple[str, ...] | type[StrEnum], name: str) -> sa.CheckConstraint:
    """CHECK that a text column holds one of the vocabulary's values (built from domain.vocabulary)."""
    listed = ", ".join("'" + str(value).replace("'", "''") + "'" for value in values)
    return sa.CheckConstraint(f"{column} IN ({listed})", name=name)


def _level_check(column: str) -> sa.CheckConstraint:
    """Answers and ratings are on the scale or NULL (don't know); IN also rejects 2.5 on SQLite."""
    levels = ", ".join(str(value) for value in SCALE_VALUES)
    return sa.CheckConstraint(f"{column} IS NULL OR {column} IN ({levels})", name=f"ck_{column}_level")


schema_version = sa.Table(
    "schema_version",
    metadata,
    sa.Column("version", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("applied_at", UTCDateTime, nullable=False),
)

teams = sa.Table(
    "teams",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("organisation", sa.Text, nullable=False),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("created_at", UTCDateTime, nullable=False),
)

banks = sa.Table(
    "banks",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("bank_id", sa.String(200), nullable=False),
    sa.Column("version", sa.String(100), nullable=False),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("yaml_text", sa.Text, nullable=False),
    sa.Column("content_hash", sa.String(64), nullable=False),
    sa.Column("builtin", sa.Boolean, nullable=False, default=False),
    sa.Column("created_at", UTCDateTime, nullable=False),
    sa.UniqueConstraint("bank_id", "version", name="uq_banks_bank_id_version"),
)

assessments = sa.Table(
    "assessments",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("team_id", sa.Integer, sa.ForeignKey("teams.id", ondelete="CASCADE"), nullable=False, index=True),
    sa.Column("bank_row_id", sa.Integer, sa.ForeignKey("banks.id"), nullable=False, index=True),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("mode", sa.String(20), nullable=False),
    sa.Column("status", sa.String(20), nullable=False),
    # Stored without the display dash: exactly 10 characters of the join alphabet.
    sa.Column("join_code", sa.String(10), nullable=True, unique=True),
    # "scrypt$<salt hex>$<hash hex>"; the key itself is never stored.
    sa.Column("facilitator_hash", sa.Text, nullable=True),
    sa.Column("perspectives", sa.JSON, nullable=False),
    sa.Column("threshold", sa.Integer, nullable=False),
    sa.Column("created_at", UTCDateTime, nullable=False),
    sa.Column("closed_at", UTCDateTime, nullable=True),
    # Made by the page before the click: a double-clicked or retried "Create" makes one assessment.
    sa.Column("request_id", sa.String(64), nullable=True),
    sa.Index("ix_assessments_request_id", "request_id", unique=True),
    one_of("mode", Mode, "ck_assessments_mode"),
    one_of("status", SessionStatus, "ck_assessments_status"),
    sa.CheckConstraint("threshold >= 1", name="ck_assessments_threshold"),
)

respondents = sa.Table(
    "respondents",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "assessment_id", sa.Integer, sa.ForeignKey("assessments.id", ondelete="CASCADE"), nullable=False, index=True
    ),
    sa.Column("token", sa.String(200), nullable=False, unique=True),
    sa.Column("perspective", sa.String(200), nullable=False),
    # The respondent id an imported file used; kept only as a label.
    sa.Column("label", sa.Text, nullable=True),
    sa.Column("created_at", UTCDateTime, nullable=False),
    sa.Column("submitted_at", UTCDateTime, nullable=True),
)

answers = sa.Table(
    "answers",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "respondent_id", sa.Integer, sa.ForeignKey("respondents.id", ondelete="CASCADE"), nullable=False, index=True
    ),
    sa.Column("statement_id", sa.String(200), nullable=False),
    sa.Column("current", sa.Integer, nullable=True),
    sa.Column("target", sa.Integer, nullable=True),
    sa.Column("comment", sa.Text, nullable=False, default=""),
    sa.Column("updated_at", UTCDateTime, nullable=False),
    sa.UniqueConstraint("respondent_id", "statement_id", name="uq_answers_respondent_statement"),
    _level_check("current"),
    _level_check("target"),
)

agreed = sa.Table(
    "agreed",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "assessment_id", sa.Integer, sa.ForeignKey("assessments.id", ondelete="CASCADE"), nullable=False, index=True
    ),
    sa.Column("statement_id", sa.String(200), nullable=False),
    sa.Column("rating", sa.Integer, nullable=True),
    sa.Column("notes", sa.Text, nullable=False, default=""),
    sa.Column("updated_at", UTCDateTime, nullable=False),
    sa.UniqueConstraint("assessment_id", "statement_id", name="uq_agreed_assessment_statement"),
    _level_check("rating"),
)

actions = sa.Table(
    "actions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "assessment_id", sa.Integer, sa.ForeignKey("assessments.id", ondelete="CASCADE"), nullable=False, index=True
    ),
    sa.Column("principle", sa.String(200), nullable=False),
    sa.Column("description", sa.Text, nullable=False),
    sa.Column("owner", sa.Text, nullable=False, default=""),
    sa.Column("due_date", sa.Date, nullable=True),
    sa.Column("status", sa.String(20), nullable=False),
    sa.Column("created_at", UTCDateTime, nullable=False),
    sa.Column("updated_at", UTCDateTime, nullable=False),
    one_of("status", ActionStatus, "ck_actions_status"),
)
