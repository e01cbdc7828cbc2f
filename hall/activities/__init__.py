"""What the association's people do now: activities, the 宣讲团 roster, calendars and the rules of
group visits and talk requests. Reading them from a pack: hall.activities.read (called by
hall.pack.read)."""

from hall.activities.booking import (
    HALL,
    BookingRefused,
    Place,
    bookable_days,
    check_talk,
    check_visit,
    places,
)
from hall.activities.calendar import activity_link, calendar_file
from hall.activities.query import Figures, Filters, between, figures, select, week_of, years
from hall.activities.records import (
    STUDIO_KINDS,
    TALK_KINDS,
    Activities,
    Activity,
    BookingRules,
    Fact,
    Kind,
    Setting,
    Speaker,
)

__all__ = [
    "HALL",
    "STUDIO_KINDS",
    "TALK_KINDS",
    "Activities",
    "Activity",
    "BookingRefused",
    "BookingRules",
    "Fact",
    "Figures",
    "Filters",
    "Kind",
    "Place",
    "Setting",
    "Speaker",
    "activity_link",
    "between",
    "bookable_days",
    "calendar_file",
    "check_talk",
    "check_visit",
    "figures",
    "places",
    "select",
    "week_of",
    "years",
]
