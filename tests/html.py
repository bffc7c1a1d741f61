"""A small HTML tree for assertions about one element (its attributes, its own text).

Asserting a substring of the whole page often cannot fail: ``'lang="de"' in html`` is true
on every page, because the language switcher marks each of its options with its language.
``parse(html).find("article")["lang"]`` asks the element the test is about.
"""

from __future__ import annotations

from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Element:
    def __init__(self, tag: str, attrs: dict[str, str | None], parent: Element | None = None):
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list[Element | str] = []

    def __getitem__(self, name: str) -> str | None:
        return self.attrs[name]

    def get(self, name: str, default=None):
        return self.attrs.get(name, default)

    def __repr__(self) -> str:
        attrs = " ".join(f'{k}="{v}"' for k, v in self.attrs.items())
        return f"<{self.tag} {attrs}>"

    def iter(self):
        yield self
        for child in self.children:
            if isinstance(child, Element):
                yield from child.iter()

    def find_all(self, tag: str | None = None, **attrs) -> list[Element]:
        """Descendants (and self) with this tag and these attribute values; ``class_`` matches one class."""
        found = []
        for element in self.iter():
            if tag is not None and element.tag != tag:
                continue
            if all(_attr_matches(element, name, value) for name, value in attrs.items()):
                found.append(element)
        return found

    def find(self, tag: str | None = None, **attrs) -> Element:
        """The only element with this tag and attributes (an AssertionError when none or several)."""
        found = self.find_all(tag, **attrs)
        assert len(found) == 1, f"expected one <{tag} {attrs}>, found {len(found)}: {found[:5]}"
        return found[0]

    def raw_text(self) -> str:
        """The text inside exactly as written (a <textarea>'s value starts after its first line break)."""
        return "".join(child if isinstance(child, str) else child.raw_text() for child in self.children)

    def text(self) -> str:
        """The text inside, whitespace collapsed."""
        parts = []
        for child in self.children:
            parts.append(child if isinstance(child, str) else f" {child.text()} ")
        return " ".join("".join(parts).split())


def _attr_matches(element: Element, name: str, value) -> bool:
    if name == "class_":
        return value in (element.get("class") or "").split()
    name = name.replace("_", "-")
    if value is True:
        return name in element.attrs
    return element.get(name) == value


class _TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {})
        self.current = self.root

    def handle_starttag(self, tag, attrs):
        element = Element(tag, dict(attrs), self.current)
        self.current.children.append(element)
        if tag not in VOID:
            self.current = element

    def handle_startendtag(self, tag, attrs):
        self.current.children.append(Element(tag, dict(attrs), self.current))

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        node = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:  # close it (and anything left open inside)
            self.current = node.parent

    def handle_data(self, data):
        self.current.children.append(data)


def parse(html: str | bytes) -> Element:
    builder = _TreeBuilder()
    builder.feed(html.decode() if isinstance(html, bytes) else html)
    builder.close()
    return builder.root


def page_language(html: str | bytes) -> str | None:
    """The ``lang`` attribute of the ``<html>`` element."""
    return parse(html).find("html").get("lang")
