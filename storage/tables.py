"""The database schema: tables, keys, constraints and indexes."""

from __future__ import annotations

from datetime import datetime, timezone
from enum import StrEnum
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Dialect

from domain.vocabulary import (
    SCALE_VALUES,
    ActionStatus,
    DiscussionOrder,
    GrantKind,
    Mode,
    PresenterStage,
    ResponseSource,
    Role,
    SessionStatus,
)

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


def belongs_to_assessment() -> sa.Column[int]:
    """The assessment a row belongs to: deleted with it, indexed (respondents, agreed ratings, actions)."""
    return sa.Column("assessment_id", sa.Integer, sa.ForeignKey("assessments.id", ondelete="CASCADE"),
                     nullable=False, index=True)


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

organisations = sa.Table(
    "organisations",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("name", sa.Text, nullable=False, unique=True),
    # The bank a new assessment starts on, as the organisation's admin chose (NULL: the full built-in bank).
    # No foreign key: banks point at organisations, and a cycle would make the tables hard to create.
    sa.Column("default_bank_row_id", sa.Integer, nullable=True),
    sa.Column("created_at", UTCDateTime, nullable=False),
    # Days after a session closes (or, never closed, after its last answer) that its individual answers are
    # deleted, keeping only the scores it showed. NULL: the site default (COPRO_RETENTION_DAYS, else never);
    # 0: never, whatever the site default.
    sa.Column("retention_days", sa.Integer, nullable=True),
    sa.CheckConstraint("retention_days IS NULL OR retention_days >= 0", name="ck_organisations_retention_days"),
)

teams = sa.Table(
    "teams",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("organisation", sa.Text, nullable=False),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("created_at", UTCDateTime, nullable=False),
    sa.Column("organisation_id", sa.Integer, sa.ForeignKey("organisations.id"), nullable=True, index=True),
    # The secret in a team's link (open mode): unguessable, unlike the sequential id.
    sa.Column("link_token", sa.String(64), nullable=True),
    sa.Index("ix_teams_link_token", "link_token", unique=True),
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
    # NULL: built in (offered to all) or uploaded in open mode; else seen only inside that organisation.
    sa.Column("organisation_id", sa.Integer, sa.ForeignKey("organisations.id", ondelete="CASCADE"), nullable=True,
              index=True),
)
# One version of a bank id per owner: two organisations may each adapt "coproduction-full" as 1.1.
BANK_OWNER_INDEX = sa.Index(
    "uq_banks_owner_bank_version", sa.func.coalesce(banks.c.organisation_id, 0), banks.c.bank_id, banks.c.version,
    unique=True,
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
    # The secret in a session's results link: pages are reached by it, never by the sequential id alone.
    sa.Column("link_token", sa.String(64), nullable=True),
    sa.Index("ix_assessments_link_token", "link_token", unique=True),
    one_of("mode", Mode, "ck_assessments_mode"),
    one_of("status", SessionStatus, "ck_assessments_status"),
    sa.CheckConstraint("threshold >= 1", name="ck_assessments_threshold"),
)

respondents = sa.Table(
    "respondents",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    belongs_to_assessment(),
    sa.Column("token", sa.String(200), nullable=False, unique=True),
    sa.Column("perspective", sa.String(200), nullable=False),
    # The respondent id an imported file used; kept only as a label.
    sa.Column("label", sa.Text, nullable=True),
    sa.Column("created_at", UTCDateTime, nullable=False),
    sa.Column("submitted_at", UTCDateTime, nullable=True),
    # Online or typed in from a paper pack (domain.vocabulary.ResponseSource).
    sa.Column("source", sa.String(20), nullable=False, server_default=ResponseSource.ONLINE.value),
    one_of("source", ResponseSource, name="ck_respondents_source"),
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
    belongs_to_assessment(),
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
    belongs_to_assessment(),
    sa.Column("principle", sa.String(200), nullable=False),
    sa.Column("description", sa.Text, nullable=False),
    sa.Column("owner", sa.Text, nullable=False, default=""),
    sa.Column("due_date", sa.Date, nullable=True),
    sa.Column("status", sa.String(20), nullable=False),
    sa.Column("created_at", UTCDateTime, nullable=False),
    sa.Column("updated_at", UTCDateTime, nullable=False),
    one_of("status", ActionStatus, "ck_actions_status"),
)

memberships = sa.Table(
    "memberships",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    # Lower case: providers differ in how they spell the same address.
    sa.Column("email", sa.String(320), nullable=False, index=True),
    sa.Column("organisation_id", sa.Integer, sa.ForeignKey("organisations.id", ondelete="CASCADE"), nullable=False),
    # NULL: the role holds for every team of the organisation.
    sa.Column("team_id", sa.Integer, sa.ForeignKey("teams.id", ondelete="CASCADE"), nullable=True),
    sa.Column("role", sa.String(20), nullable=False),
    sa.Column("invited_by", sa.String(320), nullable=False),
    sa.Column("created_at", UTCDateTime, nullable=False),
    one_of("role", Role, "ck_memberships_role"),
)
MEMBERSHIP_INDEX = sa.Index(
    "uq_memberships_scope", memberships.c.email, memberships.c.organisation_id,
    sa.func.coalesce(memberships.c.team_id, 0), unique=True,
)

device_grants = sa.Table(
    "device_grants",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    # SHA-256 of the browser's random device id: the cookie alone opens nothing stored here.
    sa.Column("device_hash", sa.String(64), nullable=False, index=True),
    sa.Column("kind", sa.String(20), nullable=False),
    # A team id or an assessment id, as the kind says (no foreign key: one column for both; deletes clean up).
    sa.Column("object_id", sa.Integer, nullable=False),
    sa.Column("created_at", UTCDateTime, nullable=False),
    sa.Column("expires_at", UTCDateTime, nullable=False),
    sa.Column("revoked_at", UTCDateTime, nullable=True),
    sa.Index("ix_device_grants_object", "kind", "object_id"),
    one_of("kind", GrantKind, "ck_device_grants_kind"),
)

sign_ins = sa.Table(
    "sign_ins",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    # SHA-256 of the identity token's issuer, subject, issue time and nonce: one per sign-in.
    sa.Column("sign_in_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("email", sa.String(320), nullable=False),
    sa.Column("started_at", UTCDateTime, nullable=False),
    sa.Column("ended_at", UTCDateTime, nullable=True),
)

audit_log = sa.Table(
    "audit_log",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("at", UTCDateTime, nullable=False, index=True),
    sa.Column("actor", sa.String(320), nullable=False),
    sa.Column("action", sa.String(40), nullable=False),
    # No foreign keys: the log outlives what it mentions (a deleted team's deletion stays recorded).
    sa.Column("organisation_id", sa.Integer, nullable=True, index=True),
    sa.Column("target", sa.Text, nullable=False),
    sa.Column("details", sa.Text, nullable=False, default=""),
)

session_snapshots = sa.Table(
    "session_snapshots",
    metadata,
    # One per session whose individual answers were deleted after the retention period.
    sa.Column("assessment_id", sa.Integer, sa.ForeignKey("assessments.id", ondelete="CASCADE"), primary_key=True,
              autoincrement=False),
    # reports.snapshot JSON: the scored frames the session showed (hidden cells already missing).
    sa.Column("scored", sa.Text, nullable=False),
    sa.Column("respondents_deleted", sa.Integer, nullable=False),
    sa.Column("retention_days", sa.Integer, nullable=False),
    sa.Column("answers_deleted_at", UTCDateTime, nullable=False),
)

scheduled_runs = sa.Table(
    "scheduled_runs",
    metadata,
    # When a periodic job (the daily retention check) last ran, shared by every replica and the cron command.
    sa.Column("name", sa.String(40), primary_key=True),
    sa.Column("last_run_at", UTCDateTime, nullable=False),
)

# What the projector shows and which statement is being discussed: one row per workshop, so the presenter
# screen and every facilitator device (on any replica) follow the same place.
presenter_state = sa.Table(
    "presenter_state",
    metadata,
    sa.Column("assessment_id", sa.Integer, sa.ForeignKey("assessments.id", ondelete="CASCADE"), primary_key=True,
              autoincrement=False),
    sa.Column("stage", sa.String(20), nullable=False),
    sa.Column("statement_id", sa.String(200), nullable=True),
    sa.Column("discussion_order", sa.String(20), nullable=False),
    sa.Column("updated_at", UTCDateTime, nullable=False),
    one_of("stage", PresenterStage, "ck_presenter_state_stage"),
    one_of("discussion_order", DiscussionOrder, "ck_presenter_state_order"),
)

# The tables that hold one team's data, children first (the order deletes run in).
TEAM_TABLES = ("answers", "agreed", "actions", "respondents", "session_snapshots", "assessments", "teams")
