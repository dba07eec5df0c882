"""The tags a page template places: no query, and a form that works without JavaScript."""

from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation

from usage.links import read_click

FORM = Template("{% load usage_tags %}{% usefulness_form page %}")


def render(template, page, query=""):
    request = RequestFactory().get(f"/mdo/{query}")
    return template.render(Context({"page": page, "request": request}))


def test_the_form_posts_yes_or_no_with_an_optional_comment(page, django_assert_num_queries):
    with django_assert_num_queries(0):
        html = render(FORM, page)
    assert f'<form method="post" action="/usage/useful/{page.pk}/">' in html
    assert 'name="useful" value="yes"' in html and 'name="useful" value="no"' in html
    assert 'name="comment"' in html and 'maxlength="1000"' in html
    assert "csrfmiddlewaretoken" not in html  # no token, no cookie: see usage/views.py


def test_after_an_answer_the_form_gives_way_to_thanks(page):
    with translation.override("en"):
        html = render(FORM, page, "?nuttig=bedankt")
    assert "<form" not in html
    assert "Thank you for your answer" in html


def test_after_too_many_answers_the_visitor_is_told_so(page):
    with translation.override("en"):
        assert "try again later" in render(FORM, page, "?nuttig=te-vaak")


def test_a_counted_link_leads_to_the_page_with_the_scrubbed_term(page):
    html = render(Template("{% load usage_tags %}{% click_url page 'MDO 0612345678' %}"), page)
    assert html.startswith("/r/?to=")
    assert read_click(html.split("to=")[1].replace("%3A", ":")) == (page.pk, "mdo [phone]")


def test_the_view_counter_is_left_out_for_a_page_type_that_does_not_opt_in(site_home, page):
    counter = Template("{% load usage_tags %}{% view_counter page %}")
    assert "count.js" in render(counter, page)
    assert render(counter, site_home).strip() == ""


def test_an_editors_preview_is_not_counted(page):
    request = RequestFactory().get("/mdo/")
    request.is_preview = True  # what Wagtail sets on the request that renders a preview
    html = Template("{% load usage_tags %}{% view_counter page %}").render(Context({"page": page, "request": request}))
    assert html.strip() == ""
