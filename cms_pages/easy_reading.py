"""The text size and contrast a visitor chose, kept in a cookie that the server reads.

The controls at the top of every page (``site/static/js/display-preferences.js``) write the
``weshare-display`` cookie; the server draws ``<html>`` with its classes, so the next page comes
at once in the chosen size. Such a page is personal: :func:`display_cookie_present` tells the
page cache to leave the request alone, so it never keeps one visitor's choice for another.
"""

#: The cookie the controls write (display-preferences.js uses the same name).
DISPLAY_COOKIE = "weshare-display"
#: The classes a visitor may choose, one per group: text size, then contrast.
TEXT_SIZES = ("text-large", "text-larger")
CONTRASTS = ("contrast-high",)
SEPARATOR = "."


def display_choices(cookie_value: str | None) -> tuple[str, ...]:
    """The known classes of a cookie's value, at most one per group, in a fixed order; anything
    else in it is ignored (a cookie is typed by whoever holds the browser)."""
    if not cookie_value or len(cookie_value) > 64:
        return ()
    asked = set(cookie_value.split(SEPARATOR))
    chosen = []
    for group in (TEXT_SIZES, CONTRASTS):
        found = [name for name in group if name in asked]
        if found:
            chosen.append(found[-1])
    return tuple(chosen)


def display_cookie_present(request) -> bool:
    """Whether the request carries a choice of text size or contrast (its pages are personal)."""
    return bool(display_choices(request.COOKIES.get(DISPLAY_COOKIE)))
