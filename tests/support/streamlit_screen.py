"""What one Streamlit script run sent, as the load generator and the tests read it: widgets, links, texts."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from hall.labels import t
from hall.ui.capacity import BUSY_KEY  # the busy page's container


class LoadError(RuntimeError):
    """A step failed: the server said so, timed out, or the page lacked what the visit needed."""


@dataclass(frozen=True, slots=True)
class Widget:
    kind: str  # the element type: button, text_input, …
    id: str  # the server's widget id; a keyed widget's id ends with "-<key>"
    label: str
    disabled: bool = False
    form_id: str = ""
    fragment_id: str = ""  # set when the widget lives in an st.fragment: a click reruns only that

    def has_key(self, key: str) -> bool:
        return self.id.endswith(f"-{key}")


@dataclass(frozen=True, slots=True)
class Link:
    page: str  # url path
    page_hash: str
    query: str
    label: str


@dataclass
class Screen:
    """What one script run sent: widgets, links, texts, and whether it was an error or busy."""

    seconds: float = 0.0
    widgets: list[Widget] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    block_ids: list[str] = field(default_factory=list)
    metrics: dict[str, str] = field(default_factory=dict)  # st.metric label -> value
    tables: list[bytes] = field(default_factory=list)  # Arrow IPC of each dataframe / data editor
    errors: list[str] = field(default_factory=list)
    query_string: str = ""
    page_hash: str = ""

    @property
    def busy(self) -> bool:
        return any(b.endswith(f"-{BUSY_KEY}") for b in self.block_ids)

    def widget(self, key: str) -> Widget:
        """The widget with this user key (or, for a key like "_next", ending so).

        Raises:
            LoadError: no such widget on the page.
        """
        for w in self.widgets:
            if w.has_key(key) or (key.startswith("_") and w.id.endswith(key)):
                return w
        raise LoadError(f"no widget with key {key!r} on the page")

    def find(self, key: str) -> Widget | None:
        try:
            return self.widget(key)
        except LoadError:
            return None

    def has_text(self, needle: str) -> bool:
        return any(needle in text for text in self.texts)

    def add_element(self, element: Any, fragment_id: str = "") -> None:
        """Take in one element of a delta (`fragment_id`: the st.fragment it was drawn in)."""
        kind = element.WhichOneof("type")
        if kind is None:
            return
        body = getattr(element, kind)
        fields = body.DESCRIPTOR.fields_by_name
        if kind == "exception":
            self.errors.append(f"exception: {body.type}: {body.message}"[:300])
            return
        if kind == "alert" and body.format == body.ERROR:
            self.errors.append(f"error box: {body.body}"[:300])
        if kind == "page_link":
            self.links.append(Link(body.page, body.page_script_hash, body.query_string, body.label))
        elif kind == "metric":
            self.metrics[body.label] = body.body
        if kind == "dataframe" and body.arrow_data.data:
            self.tables.append(body.arrow_data.data)
        if "id" in fields and body.id:  # a widget (a data editor is a dataframe with an id)
            disabled = bool(getattr(body, "disabled", False))
            form_id = str(getattr(body, "form_id", "") or "")
            label = str(getattr(body, "label", ""))
            self.widgets.append(Widget(kind, body.id, label, disabled, form_id, fragment_id))
        for name in ("body", "label"):
            if name in fields:
                value = getattr(body, name)
                if isinstance(value, str) and value:
                    self.texts.append(value)


def saluted(button: Widget) -> bool:
    """Whether the 致敬 button says this visitor has saluted (it stays pressable, to take it back)."""
    return button.label.startswith(tuple(t("liked", lang, n=0).split()[0] for lang in ("zh", "en")))
