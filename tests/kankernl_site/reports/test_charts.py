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


def test_a_month_of_days_names_the_first_and_last_day_inside_the_chart():
    days = [(f"{n} dec 2026", [n]) for n in range(1, 31)]
    chart = bar_chart("c", "T", "D", ["Views"], days, label_ends_only=True)
    assert [group.lines for group in chart.groups if group.lines] == [["1 dec 2026"], ["30 dec 2026"]]
    first, last = chart.groups[0], chart.groups[-1]
    assert (first.label_anchor, last.label_anchor) == ("start", "end")
    assert first.label_x == first.bars[0].x and last.label_x <= chart.right_edge
    assert [bar.title for bar in chart.groups[5].bars] == ["6 dec 2026: 6"]
