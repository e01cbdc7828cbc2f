"""The store's tables as the code uses them now (the migrations bring a database to this shape)."""

from __future__ import annotations

import sqlalchemy as sa

MAX_ID = 40  # honoree ids and room keys
MAX_SIGNATURE = 30
MAX_QUERY = 100
MAX_CONTACT = 30  # a phone number or e-mail, kept only until the request is closed
MAX_CLIENT = 32  # a client key: a keyed digest of the visitor's address (hall.ui.client)

METADATA = sa.MetaData()

# SQLite only aliases the rowid for exactly INTEGER PRIMARY KEY; PostgreSQL wants room to grow.
ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")

schema_version = sa.Table(
    "schema_version",
    METADATA,
    sa.Column("version", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("applied_at", sa.DateTime, nullable=False),
)

likes_t = sa.Table(
    "likes",
    METADATA,
    # The key is the one-like-per-session rule; the database enforces it under any concurrency.
    sa.Column("honoree_id", sa.String(MAX_ID), primary_key=True),
    sa.Column("session_ref", sa.String(32), primary_key=True),
    sa.Column("created_at", sa.DateTime, nullable=False),
)

like_totals_t = sa.Table(
    "like_totals",
    METADATA,
    # v2: kept in step with likes inside the same transaction, so a count is one row read.
    sa.Column("honoree_id", sa.String(MAX_ID), primary_key=True),
    sa.Column("likes", sa.Integer, nullable=False),
)

messages_t = sa.Table(
    "messages",
    METADATA,
    sa.Column("id", ID, primary_key=True, autoincrement=True),
    sa.Column("honoree_id", sa.String(MAX_ID), nullable=False, server_default=""),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("signature", sa.String(MAX_SIGNATURE), nullable=False, server_default=""),
    # One of guestbook.MessageStatus; a new message is pending.
    sa.Column("status", sa.String(10), nullable=False, server_default="pending"),
    sa.Column("session_ref", sa.String(32), nullable=False),
    sa.Column("created_at", sa.DateTime, nullable=False),
    sa.Column("moderated_at", sa.DateTime, nullable=True),
    sa.Index("ix_messages_status", "status", "id"),
    sa.Index("ix_messages_honoree", "honoree_id", "status", "id"),
    sa.Index("ix_messages_session", "session_ref", "created_at"),
)

events_t = sa.Table(
    "events",
    METADATA,
    sa.Column("id", ID, primary_key=True, autoincrement=True),
    sa.Column("created_at", sa.DateTime, nullable=False),
    # The local calendar day, fixed at insert: visit stats group by it without date functions.
    sa.Column("day", sa.Date, nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("mode", sa.String(8), nullable=False),
    # The room's key in hall.rooms (v6: before, the URL path, which differed for four rooms).
    sa.Column("room", sa.String(MAX_ID), nullable=False, server_default=""),
    sa.Column("honoree_id", sa.String(MAX_ID), nullable=False, server_default=""),
    sa.Column("query", sa.String(MAX_QUERY), nullable=False, server_default=""),
    sa.Column("results", sa.Integer, nullable=True),
    # Visit stats read recent days (and the days being summed) by kind and day: a range scan.
    sa.Index("ix_events_kind_day", "kind", "day", "mode", "room"),
)

event_days_t = sa.Table(
    "event_days",
    METADATA,
    # v5: one row per closed day, kind, mode and subject, so visit stats read a few rows per day
    # instead of every event. subject: the room, honoree id or search text ("" for a visit).
    sa.Column("kind", sa.String(16), primary_key=True),
    sa.Column("day", sa.Date, primary_key=True),
    sa.Column("mode", sa.String(8), primary_key=True),
    sa.Column("subject", sa.String(MAX_QUERY), primary_key=True),
    sa.Column("n", sa.Integer, nullable=False),
    sa.Column("zero", sa.Integer, nullable=False),  # searches among n that found nobody
)

event_rollup_t = sa.Table(
    "event_rollup",
    METADATA,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),  # a single row, id 1
    sa.Column("through", sa.Date, nullable=True),  # every event up to this day is in event_days
)

saved_tours_t = sa.Table(
    "saved_tours",
    METADATA,
    # v3: tours saved from the docents' builder, as the same YAML the pack's tours/ use.
    sa.Column("id", sa.String(MAX_ID), primary_key=True),
    sa.Column("yaml", sa.Text, nullable=False),
    sa.Column("updated_at", sa.DateTime, nullable=False),
)

screens_t = sa.Table(
    "screens",
    METADATA,
    # v3: a big screen's pairing with one docent's tablet; shared by every replica.
    sa.Column("code", sa.String(8), primary_key=True),
    sa.Column("screen_ref", sa.String(32), nullable=False, unique=True),
    sa.Column("docent_ref", sa.String(32), nullable=True),
    sa.Column("room", sa.String(MAX_ID), nullable=False, server_default=""),  # a room key
    sa.Column("params", sa.Text, nullable=False, server_default="{}"),
    sa.Column("seq", sa.Integer, nullable=False, server_default="0"),
    sa.Column("expires_at", sa.DateTime, nullable=False),
    sa.Index("ix_screens_docent", "docent_ref"),
)

change_requests_t = sa.Table(
    "change_requests",
    METADATA,
    # v4: a person or their family asks for a record to be corrected or withdrawn (PIPL).
    sa.Column("id", ID, primary_key=True, autoincrement=True),
    sa.Column("honoree_id", sa.String(MAX_ID), nullable=False),
    sa.Column("kind", sa.String(12), nullable=False),
    sa.Column("details", sa.Text, nullable=False),
    sa.Column("contact", sa.String(MAX_CONTACT), nullable=False, server_default=""),
    sa.Column("status", sa.String(8), nullable=False, server_default="open"),
    sa.Column("created_at", sa.DateTime, nullable=False),
    sa.Column("closed_at", sa.DateTime, nullable=True),
    sa.Index("ix_change_requests_status", "status", "id"),
)

guesses_t = sa.Table(
    "guesses",
    METADATA,
    # v7: tries at a gate's secret, per gate ("curator", "docent") and client key, plus one row per
    # gate for all clients together (client "*"); deleted an hour after the last try.
    sa.Column("gate", sa.String(16), primary_key=True),
    sa.Column("client", sa.String(MAX_CLIENT), primary_key=True),
    sa.Column("failures", sa.Integer, nullable=False),
    sa.Column("first_at", sa.DateTime, nullable=False),
    sa.Column("last_at", sa.DateTime, nullable=False),
    sa.Column("locked_until", sa.DateTime, nullable=True),
)

rate_counts_t = sa.Table(
    "rate_counts",
    METADATA,
    # v7: likes, messages and requests counted per clock hour, per client key (or client key and
    # honoree) and for the whole hall ("*"); an hour's rows are deleted once it is over.
    sa.Column("action", sa.String(12), primary_key=True),
    sa.Column("bucket", sa.String(MAX_CLIENT + 1 + MAX_ID), primary_key=True),
    sa.Column("window_start", sa.DateTime, primary_key=True),
    sa.Column("n", sa.Integer, nullable=False),
    sa.Index("ix_rate_counts_window", "window_start"),
)

bookings_t = sa.Table(
    "bookings",
    METADATA,
    # v9: a group's visit to the hall or a studio in a slot, or a request for a talk. The contact
    # is emptied `contact_until` (the date asked for plus hall.yaml's contact_days).
    sa.Column("id", ID, primary_key=True, autoincrement=True),
    sa.Column("ref", sa.String(12), nullable=False, unique=True),  # the requester's reference
    sa.Column("kind", sa.String(8), nullable=False),  # visit | talk
    sa.Column("target", sa.String(MAX_ID), nullable=False, server_default=""),  # "hall", a studio id
    sa.Column("day", sa.Date, nullable=False),
    sa.Column("slot", sa.String(5), nullable=False, server_default=""),  # HH:MM of a visit
    sa.Column("people", sa.Integer, nullable=False),  # a visit's group, a talk's audience
    sa.Column("group_name", sa.String(60), nullable=False),
    sa.Column("setting", sa.String(12), nullable=False, server_default=""),  # a talk's 五进 setting
    sa.Column("topic", sa.String(200), nullable=False, server_default=""),
    sa.Column("speaker_id", sa.String(MAX_ID), nullable=False, server_default=""),  # asked for; "" any
    sa.Column("assigned_id", sa.String(MAX_ID), nullable=False, server_default=""),
    sa.Column("contact", sa.String(MAX_CONTACT), nullable=False, server_default=""),
    sa.Column("contact_until", sa.Date, nullable=False),
    sa.Column("status", sa.String(10), nullable=False, server_default="pending"),
    sa.Column("dedupe", sa.String(32), nullable=False, unique=True),  # the same request twice
    sa.Column("created_at", sa.DateTime, nullable=False),
    sa.Column("decided_at", sa.DateTime, nullable=True),
    sa.Index("ix_bookings_day", "day", "kind", "slot"),
    sa.Index("ix_bookings_contact", "contact_until"),
)

booking_slots_t = sa.Table(
    "booking_slots",
    METADATA,
    # v9: places taken in one slot of one place; raised only by an UPDATE that checks the
    # capacity in its own WHERE, so concurrent bookings can never overfill a slot.
    sa.Column("target", sa.String(MAX_ID), primary_key=True),
    sa.Column("day", sa.Date, primary_key=True),
    sa.Column("slot", sa.String(5), primary_key=True),
    sa.Column("taken", sa.Integer, nullable=False),
)
