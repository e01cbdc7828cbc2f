"""What the association's people do now: activities (宣讲, 进校园, 志愿服务, 技能展示 …), the
宣讲团 roster, the programme's cited figures and the booking rules, as frozen records."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

import numpy as np

from hall.pack.records import Text


class Kind(StrEnum):
    """What sort of activity it is (labels act_kind_<value>)."""

    TALK = "talk"  # 宣讲
    REPORT = "report"  # 劳模事迹报告会
    SCHOOL = "school"  # 劳模工匠进校园
    SALON = "salon"  # 工匠沙龙
    VOLUNTEER = "volunteer"  # 志愿服务
    SKILL_SHOW = "skill_show"  # 技能展示, at a studio
    ONLINE_CLASS = "online_class"  # 网上名师课堂
    OPEN_DAY = "open_day"  # a studio's open day


class Setting(StrEnum):
    """The 五进 settings a talk goes into (labels act_setting_<value>)."""

    ENTERPRISE = "enterprise"  # 进企业
    CLASSROOM = "classroom"  # 进课堂
    OFFICE = "office"  # 进机关
    COMMUNITY = "community"  # 进农村（社区）
    FAMILY = "family"  # 进家庭


# What a studio's page lists of its own.
STUDIO_KINDS = frozenset({Kind.OPEN_DAY, Kind.SKILL_SHOW})
# What a person's page calls their talks and services.
TALK_KINDS = frozenset({Kind.TALK, Kind.REPORT, Kind.SCHOOL, Kind.SALON, Kind.ONLINE_CLASS})


@dataclass(frozen=True, slots=True)
class Activity:
    """One activity. `day` is the date (the first of the month or year when the source gives no
    day: `precision` says which); `start` is "HH:MM" or ""."""

    id: str
    day: dt.date
    kind: Kind
    title: Text
    precision: str = "day"  # day | month | year
    start: str = ""
    minutes: int = 0
    setting: str = ""  # a Setting value, or ""
    place: str = ""
    district: str = ""  # as written
    district_code: str = ""
    studio_id: str = ""
    speakers: tuple[str, ...] = ()
    audience: int = 0
    online: bool = False
    summary: str = ""
    sample: bool = False
    source: str = ""

    @property
    def dated(self) -> bool:
        """Whether it has a day (and so a calendar entry)."""
        return self.precision == "day"

    def starts_at(self, tz: dt.tzinfo) -> dt.datetime | None:
        """The aware start, or None when no time of day is given."""
        if not self.dated or not self.start:
            return None
        hour, minute = (int(x) for x in self.start.split(":"))
        return dt.datetime.combine(self.day, dt.time(hour, minute), tz)


@dataclass(frozen=True, slots=True)
class Speaker:
    """A member of the 宣讲团: the honoree, the topics they speak on, since when."""

    honoree_id: str
    topics: tuple[str, ...]
    since: int | None = None
    sample: bool = False
    source: str = ""


@dataclass(frozen=True, slots=True)
class Fact:
    """A cited figure about the programme as a whole (e.g. 2021: 131 speakers, 674 talks),
    shown as text: it is not broken into invented activities."""

    text: Text
    source: str = ""


@dataclass(frozen=True, slots=True)
class BookingRules:
    """hall.yaml's `bookings`: visiting slots, places per slot, how far ahead, and how long a
    requester's contact is kept after the date."""

    hall_capacity: int = 40
    studio_capacity: int = 20
    slots: tuple[str, ...] = ("09:00", "10:30", "14:00", "15:30")
    days_ahead: int = 90
    contact_days: int = 30
    timezone: str = "Asia/Shanghai"


@dataclass(frozen=True)
class Activities:
    """Every activity of a pack in date order, with column arrays for fast filters and
    indexes by person and studio; the roster, the cited figures and the booking rules.

    Read-only, shared by every session (plain dicts: a mapping proxy does not pickle, and the
    catalogue cache pickles this)."""

    items: tuple[Activity, ...] = ()
    speakers: Mapping[str, Speaker] = field(default_factory=dict)
    facts: tuple[Fact, ...] = ()
    rules: BookingRules = BookingRules()
    by_person: Mapping[str, tuple[int, ...]] = field(default_factory=dict)
    by_studio: Mapping[str, tuple[int, ...]] = field(default_factory=dict)
    by_id: Mapping[str, int] = field(default_factory=dict)
    # Columns, one entry per item: the day's ordinal, kind / setting / district as small codes.
    days: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int32))
    kinds: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int8))
    settings: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int8))
    districts: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int16))
    audiences: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))
    district_codes: tuple[str, ...] = ()  # the codes `districts` numbers (0 is "")

    @classmethod
    def build(
        cls,
        items: list[Activity],
        speakers: Mapping[str, Speaker],
        facts: tuple[Fact, ...],
        rules: BookingRules,
    ) -> Activities:
        """The container of these activities, sorted by day, start and id."""
        items = sorted(items, key=lambda a: (a.day, a.start, a.id))
        person: dict[str, list[int]] = {}
        studio: dict[str, list[int]] = {}
        for i, a in enumerate(items):
            for hid in dict.fromkeys(a.speakers):
                person.setdefault(hid, []).append(i)
            if a.studio_id:
                studio.setdefault(a.studio_id, []).append(i)
        codes = ("", *sorted({a.district_code for a in items} - {""}))
        number = {c: n for n, c in enumerate(codes)}
        kinds, settings = list(Kind), ["", *Setting]
        return cls(
            items=tuple(items),
            speakers=dict(speakers),
            facts=facts,
            rules=rules,
            by_person={k: tuple(v) for k, v in person.items()},
            by_studio={k: tuple(v) for k, v in studio.items()},
            by_id={a.id: i for i, a in enumerate(items)},
            days=np.fromiter((a.day.toordinal() for a in items), np.int32, len(items)),
            kinds=np.fromiter((kinds.index(a.kind) for a in items), np.int8, len(items)),
            settings=np.fromiter((settings.index(a.setting) for a in items), np.int8, len(items)),
            districts=np.fromiter((number[a.district_code] for a in items), np.int16, len(items)),
            audiences=np.fromiter((a.audience for a in items), np.int64, len(items)),
            district_codes=codes,
        )

    def __len__(self) -> int:
        return len(self.items)

    def get(self, activity_id: str) -> Activity | None:
        i = self.by_id.get(str(activity_id).strip())
        return None if i is None else self.items[i]

    def of_person(self, honoree_id: str) -> tuple[Activity, ...]:
        return tuple(self.items[i] for i in self.by_person.get(honoree_id, ()))

    def of_studio(self, studio_id: str) -> tuple[Activity, ...]:
        return tuple(self.items[i] for i in self.by_studio.get(studio_id, ()))
