"""Plots: each returns Axes with the expected number of points, bars or lines (Agg backend)."""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from discourse.errors import ParameterError  # noqa: E402
from discourse.plots import (  # noqa: E402
    plot_density,
    plot_distinctive_bars,
    plot_distinctive_scatter,
    plot_profile,
    plot_shift,
    plot_shift_window,
    plot_trajectories,
    plot_word_shift,
)


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


@pytest.fixture
def distinctive():
    z = np.array([5.0, 3.0, 1.0, 0.5, -0.2, -2.5, -4.0])
    return pd.DataFrame({"term": list("abcdefg"), "count_target": [9, 7, 3, 2, 1, 0, 1],
                         "count_reference": [1, 1, 2, 2, 2, 6, 9], "z": z})


def test_scatter_points_highlight_and_labels(distinctive):
    ax = plot_distinctive_scatter(distinctive, n_labels=1, target="Shi", reference="others")
    sizes = [len(c.get_offsets()) for c in ax.collections]
    assert sizes == [3, 2, 2]                      # grey |z| <= 1.96, red, blue
    assert sorted(t.get_text() for t in ax.texts) == ["a", "g"]
    np.testing.assert_allclose(ax.collections[1].get_offsets()[:, 0], np.log10([10, 8]))
    assert "z-score" in ax.get_ylabel() and "Shi" in ax.get_title()


def test_bars_top_each_side(distinctive):
    fig, ax = plt.subplots()
    out = plot_distinctive_bars(distinctive, ax=ax, n=2)
    assert out is ax
    assert len(ax.patches) == 4
    assert [t.get_text() for t in ax.get_yticklabels()] == ["f", "g", "b", "a"]


def test_density_error_bars():
    table = pd.DataFrame({"speaker": ["Shi", "meeting", "narrator"], "per_1k": [12.0, 8.0, 1.0],
                          "ci_low": [10.0, 6.5, 0.2], "ci_high": [14.0, 9.0, 2.0]})
    ax = plot_density(table, by="speaker")
    assert len(ax.patches) == 3
    assert [p.get_height() for p in ax.patches] == [12.0, 8.0, 1.0]
    assert ax.get_xlabel() == "speaker" and "per 1,000" in ax.get_ylabel()
    with pytest.raises(ParameterError, match="ci_low"):
        plot_density(table.drop(columns="ci_low"), by="speaker")


def test_shift_line_and_band():
    table = pd.DataFrame({"from": [2021, 2022], "to": [2022, 2023], "jsd": [0.3, 0.2],
                          "jsd_baseline": [0.1, 0.12], "baseline_low": [0.08, 0.1],
                          "baseline_high": [0.12, 0.14]})
    ax = plot_shift(table)
    observed = [ln for ln in ax.lines if ln.get_label() == "observed JSD"][0]
    assert observed.get_ydata().tolist() == [0.3, 0.2]
    assert len(ax.collections) == 1
    assert [t.get_text() for t in ax.get_xticklabels()] == ["2021\u21922022", "2022\u21922023"]


def test_trajectories_one_line_per_term():
    table = pd.DataFrame({"term": ["a"] * 3 + ["b c"] * 3, "year": [2021, 2022, 2023] * 2,
                          "per_1k": [1.0, 2.0, 0.0, 0.0, 0.5, 3.0]})
    ax = plot_trajectories(table)
    assert [ln.get_label() for ln in ax.lines] == ["a", "b c"]
    assert ax.lines[1].get_ydata().tolist() == [0.0, 0.5, 3.0]


def test_profile_bars():
    table = pd.DataFrame({"speaker": ["A", "B"], "mattr": [0.7, 0.6], "n_tokens": [900, 400]})
    ax = plot_profile(table)
    assert len(ax.patches) == 2 and "type-token" in ax.get_ylabel()


def test_scatter_labels_do_not_overprint_each_other():
    import matplotlib.pyplot as plt
    import numpy as np
    import pandas as pd

    from discourse.plots import plot_distinctive_scatter

    # ten strong terms crowded at one frequency and nearly one z: unmoved, their labels would overlap
    n = 10
    table = pd.DataFrame({"term": [f"term{i:02d}" for i in range(n)] + ["a", "b"],
                          "count_target": [50] * n + [3, 1], "count_reference": [5] * n + [3, 30],
                          "z": list(4 + 0.01 * np.arange(n)) + [0.1, -3.0]})
    fig, ax = plt.subplots(figsize=(6, 4))
    plot_distinctive_scatter(table, ax=ax, n_labels=n)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    boxes = [t.get_window_extent(renderer) for t in ax.texts if t.get_visible()]
    assert 3 <= len(boxes) <= n + 1 and any(t.get_text() == "term09" and t.get_visible() for t in ax.texts)
    overlaps = [(i, j) for i in range(len(boxes)) for j in range(i + 1, len(boxes))
                if boxes[i].overlaps(boxes[j])]
    plt.close(fig)
    assert overlaps == []


def test_bars_x_label_is_short_lines_for_axes_side_by_side():
    import matplotlib.pyplot as plt
    import pandas as pd

    from discourse.plots import plot_distinctive_bars

    table = pd.DataFrame({"term": ["a", "b"], "z": [2.0, -2.0]})
    fig, ax = plt.subplots()
    plot_distinctive_bars(table, ax=ax, target="Shi Xiaolin", reference="other voices of the corpus here")
    label = ax.get_xlabel().splitlines()
    plt.close(fig)
    assert label == ["z-score of weighted log-odds", "> 0: Shi Xiaolin", "< 0: other voices of the corpus he\u2026"]


def test_shift_marks_flagged_pairs():
    table = pd.DataFrame({"from": [2020, 2021, 2022], "to": [2021, 2022, 2023], "jsd": [0.2, 0.5, 0.2],
                          "jsd_baseline": [0.1] * 3, "baseline_low": [0.08] * 3, "baseline_high": [0.12] * 3,
                          "flag": [False, True, False]})
    ax = plot_shift(table)
    circled = [c for c in ax.collections if isinstance(c, matplotlib.collections.PathCollection)]
    assert len(circled) == 1 and tuple(circled[0].get_offsets()[0]) == (1.0, 0.5)
    plt.close("all")
    ax = plot_shift(table.assign(gap=[0, 0, 2], warning=["script changes: a -> b", "", ""]))
    marked = [c.get_offsets().tolist() for c in ax.collections
              if isinstance(c, matplotlib.collections.PathCollection)]
    assert marked == [[[0.0, 0.2], [2.0, 0.2]], [[1.0, 0.5]]]    # boxed apart, then circled


def test_shift_window_points_gaps_and_turns():
    table = pd.DataFrame({"at": [2002, 2003, 2004, 2005], "excess_permuted": [0.1, 0.4, 0.1, 0.2],
                          "flag": [False, True, False, False], "gap": [0, 0, 0, 2]})
    ax = plot_shift_window(table)
    sizes = sorted(len(c.get_offsets()) for c in ax.collections)
    assert sizes == [1, 1, 3]                      # flagged, window across a gap, the others
    with pytest.raises(ParameterError, match="excess_permuted"):
        plot_shift_window(table.drop(columns="excess_permuted"))


def test_word_shift_bars_by_direction():
    table = pd.DataFrame({"from": 2020, "to": 2021, "term": ["a", "b", "c"],
                          "contribution": [0.3, 0.2, 0.1], "direction": ["rising", "falling", "rising"]})
    ax = plot_word_shift(table, n=2)
    widths = sorted(round(p.get_width(), 6) for p in ax.patches)
    assert widths == [-0.2, 0.3]                   # the two largest, falling to the left
    both = pd.concat([table, table.assign(**{"from": 2021, "to": 2022})])
    with pytest.raises(ParameterError, match="one pair"):
        plot_word_shift(both)
