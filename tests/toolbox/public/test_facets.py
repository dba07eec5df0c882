"""The rules of the toolbox search's filters, without pages: reading the address, building it, and
what removing a filter would give."""

from django.http import QueryDict

from toolbox.public.facets import (
    AUDIENCE,
    KIND,
    REGION,
    TOPIC,
    Selection,
    active_filters,
    address,
    count_without,
    facet_options,
    read_selection,
)

KNOWN = {
    TOPIC: ["financiering", "mdo", "privacy"],
    KIND: ["good_practice", "tip", "tool", "background"],
    AUDIENCE: ["bestuurder", "coordinator"],
    REGION: ["landelijk", "limburg"],
}
LABELS = {facet: {value: value.title() for value in values} for facet, values in KNOWN.items()}


def test_the_address_gives_known_values_once_in_vocabulary_order():
    params = QueryDict("topic=privacy&topic=onbekend&topic=financiering&topic=privacy&kind=tip&colour=red")
    selection = read_selection("mdo", "mdo", params, KNOWN)

    assert selection.values(TOPIC) == ("financiering", "privacy")
    assert selection.values(KIND) == ("tip",)
    assert selection.values(AUDIENCE) == () and selection.values(REGION) == ()
    assert selection.has_filters and not selection.is_empty


def test_only_unknown_values_leave_no_filter():
    selection = read_selection("", "", QueryDict("topic=%22%3E%3Cscript%3E&region=mars"), KNOWN)
    assert not selection.has_filters and selection.is_empty


def test_an_address_keeps_the_words_and_every_filter_and_leaves_out_page_one():
    selection = Selection("MDO & geld", "MDO geld", {TOPIC: ("financiering", "mdo"), KIND: ("tip",)})

    assert address(selection) == "?q=MDO+%26+geld&topic=financiering&topic=mdo&kind=tip"
    assert address(selection, page=1) == address(selection)
    assert address(selection, page=3).endswith("&page=3")
    assert address(Selection()) == "?"


def test_each_chosen_value_has_an_address_without_it():
    selection = Selection("mdo", "mdo", {TOPIC: ("financiering", "mdo"), REGION: ("limburg",)})

    removals = {(f.facet, f.value): f.remove_address for f in active_filters(selection, LABELS)}

    assert removals == {
        (TOPIC, "financiering"): "?q=mdo&topic=mdo&region=limburg",
        (TOPIC, "mdo"): "?q=mdo&topic=financiering&region=limburg",
        (REGION, "limburg"): "?q=mdo&topic=financiering&topic=mdo",
    }


def test_the_options_are_the_values_with_results_and_the_chosen_ones():
    selection = Selection(chosen={KIND: ("tool",)})
    counts = {KIND: {"tip": 2, "tool": 0, "background": 1}, TOPIC: {}, AUDIENCE: {}, REGION: {}}

    facets = facet_options(selection, LABELS, counts)

    assert [facet.name for facet in facets] == [KIND]  # a facet with nothing to offer is left out
    assert [(o.value, o.count, o.selected) for o in facets[0].options] == [
        ("tip", 2, False),
        ("tool", 0, True),  # chosen: stays, so it can be unticked where it was ticked
        ("background", 1, False),
    ]


def test_what_removing_a_filter_gives_is_read_from_the_counts_where_they_tell_it():
    counts = {KIND: {"tip": 2, "tool": 3, "background": 4}, TOPIC: {"financiering": 5, "mdo": 6}}
    two_kinds = Selection(chosen={KIND: ("tip", "tool")})
    one_kind = Selection(chosen={KIND: ("tip",)})
    two_topics = Selection(chosen={TOPIC: ("financiering", "mdo")})
    one_topic = Selection(chosen={TOPIC: ("mdo",)})

    assert count_without(two_kinds, KIND, "tip", counts) == 3
    assert count_without(one_kind, KIND, "tip", counts) == 9  # every kind: the other filters alone
    assert count_without(two_topics, TOPIC, "mdo", counts) == 5
    # An item has any number of topics: the counts cannot tell how many have none of them.
    assert count_without(one_topic, TOPIC, "mdo", counts) is None
