"""Tap targets of at least 44 by 44 CSS px on a phone, for everything that is not a link inside a
sentence (WCAG 2.5.8 exempts those; the issue asks 44 px, the size of GOV.UK's and NHS's targets)."""

import pytest

from tests.browser.test_agenda import PHONE, agenda_content  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

MINIMUM = 44

# Every link, button, disclosure and form control on the page that is smaller than MINIMUM, with its
# text. A link whose ::after covers its list item or card counts as that item (the stretched link
# pattern); a checkbox or radio button counts with its label, which a tap on it also reaches.
SMALL_TARGETS = """(minimum) => {
    const small = [];
    for (const el of document.querySelectorAll('a[href], button, summary, input:not([type=hidden]), select')) {
        let box = el.getBoundingClientRect();
        if (box.width === 0 && box.height === 0) continue;
        const after = getComputedStyle(el, '::after');
        if (after.position === 'absolute' && after.content !== 'none') continue;
        const sentence = el.closest('p, li, dd');
        if (el.tagName === 'A' && sentence && sentence.textContent.trim() !== el.textContent.trim()
            && getComputedStyle(el).display === 'inline') continue;
        if (el.type === 'checkbox' || el.type === 'radio') {
            const label = el.labels && el.labels[0];
            if (label) box = label.getBoundingClientRect();
        }
        if (box.height < minimum) {
            const name = `${el.tagName.toLowerCase()} "${el.textContent.trim().slice(0, 40)}"`;
            small.push(`${name} ${Math.round(box.width)}x${Math.round(box.height)}`);
        }
    }
    return small;
}"""


def test_every_target_on_the_agenda_pages_is_at_least_44_px_on_a_phone(new_page, site_url, agenda_content):  # noqa: F811
    page = new_page(viewport=PHONE)
    found = {}
    for path in (
        "/",
        "/agenda/",
        "/agenda/?show=activities",
        agenda_content["walk"].url,
        agenda_content["centre"].url,
        agenda_content["centre"].get_parent().url,
        "/zoeken/?q=wandelen",
        "/zoeken/?q=wandelgroepp",  # nothing found: the suggestion and the agenda link
    ):
        page.goto(site_url(path))
        page.locator(".site-header__toggle > summary").first.click()  # the search opens
        for summary in page.locator("details:not([open]) > summary").all():
            if summary.is_visible():
                summary.click()
        small = page.evaluate(SMALL_TARGETS, MINIMUM)
        if small:
            found[path] = small
    assert not found, found
