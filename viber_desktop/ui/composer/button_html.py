"""A button's Text as Viber draws it: only its HTML subset, everything else shown as typed.

Viber reads ``<b> <i> <u> <s> <br> <font color=… size=…>`` in keyboard and rich-media button
Text. Qt's rich text reads far more (``<img src="file:…">`` would load a local file), and reads
``<font size>`` as the HTML 1-7 scale where Viber means pixels, so the Text is rewritten into
a safe equivalent before a QTextDocument sees it.
"""

import html
import re

_TAG = re.compile(r"<(/?)([a-zA-Z]+)((?:\s[^<>]*)?)\s*/?>")
_COLOR = re.compile(r"""color\s*=\s*["']?(#[0-9A-Fa-f]{6}|#[0-9A-Fa-f]{3}|[a-zA-Z]{3,20})""")
_SIZE = re.compile(r"""size\s*=\s*["']?(\d{1,3})""")
_SIMPLE = {"b", "i", "u", "s"}
_DEEPEST = 16  # tags open at once; Qt lays out 1,000 nested <font> tags in seconds


def viber_html(text: str, scale: float = 1.0) -> str:
    """``text`` as safe Qt rich text: Viber's tags kept, any other ``<…>`` escaped.

    ``<font size=N>`` becomes a pixel size (times ``scale``, how much smaller the view is
    than a phone); a tag left open is closed at the end, as a browser would. Tags opened
    inside ``_DEEPEST`` open ones are left out (no text needs them; a hostile one is slow)."""
    out: list[str] = []
    stack: list[str] = []
    pos = 0
    for match in _TAG.finditer(text):
        out.append(html.escape(text[pos : match.start()], quote=False))
        pos = match.end()
        closing, name, attrs = match.group(1), match.group(2).lower(), match.group(3)
        if name == "br" and not closing:
            out.append("<br>")
        elif name in _SIMPLE or name == "font":
            tag = "span" if name == "font" else name
            if closing:
                if tag in stack:
                    while stack:  # close what was opened inside it, as a browser would
                        inner = stack.pop()
                        out.append(f"</{inner}>")
                        if inner == tag:
                            break
                continue
            if len(stack) >= _DEEPEST:
                continue
            if name == "font":
                out.append(f'<span style="{_font_style(attrs, scale)}">')
            else:
                out.append(f"<{tag}>")
            stack.append(tag)
        else:
            out.append(html.escape(match.group(0), quote=False))
    out.append(html.escape(text[pos:], quote=False))
    out.extend(f"</{tag}>" for tag in reversed(stack))
    return "".join(out).replace("\n", " ")


def _font_style(attrs: str, scale: float) -> str:
    style = []
    color = _COLOR.search(attrs)
    if color is not None:
        style.append(f"color: {color.group(1)}")
    size = _SIZE.search(attrs)
    if size is not None:
        style.append(f"font-size: {max(6, round(int(size.group(1)) * scale))}px")
    return "; ".join(style)
