"""The SVG bar chart's arithmetic: bars scaled to a round top, numbers hidden when bars get narrow."""

from kankernl_site.reports.charts import HEIGHT, bar_chart, nice_maximum


def test_the_scale_ends_on_a_round_number_in_four_whole_steps():
    assert [nice_maximum(value) for value in (0, 3, 5, 9, 40, 41, 123)] == [4, 4, 8, 20, 40, 80, 200]


def test_bars_are_as_high_as_their_share_of_the_scale():
    chart = bar_chart("c", "Titel", "Beschrijving", ["A", "B"], [("jan", [40, 10]), ("feb", [0, 20])])
    [first, second] = chart.groups[0].bars
    assert first.height == 4 * second.height
    assert first.y + first.height == chart.baseline == HEIGHT - 44
    assert [tick.value for tick in chart.ticks] == [0, 10, 20, 30, 40]
    assert chart.show_values


def test_a_label_may_take_two_lines():
    chart = bar_chart("c", "T", "D", ["A"], [("Jan\n2026", [1]), ("Een heel lange lesnaam", [2])])
    assert [group.lines for group in chart.groups] == [["Jan", "2026"], ["Een heel lang…"]]


def test_many_groups_leave_the_numbers_to_the_table():
    chart = bar_chart("c", "T", "D", ["A", "B"], [(f"m{n}", [1, 2]) for n in range(24)])
    assert not chart.show_values
