"""Sources are read as titles with their addresses, never shown as raw URLs."""

from __future__ import annotations

import pytest

from hall.citations import Citation, citations


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("", ()),
        ("《绍兴劳模名录》（2019）", (Citation("《绍兴劳模名录》（2019）"),)),
        (
            "人民网 2018-11-08（浙江日报《匠心筑梦》） http://acftu.people.com.cn/n1/2018/1108/c1-3.html；"
            "央广网转载 http://www.cnr.cn/zjfw/t20181108.shtml",
            (
                Citation(
                    "人民网 2018-11-08（浙江日报《匠心筑梦》）",
                    "http://acftu.people.com.cn/n1/2018/1108/c1-3.html",
                ),
                Citation("央广网转载", "http://www.cnr.cn/zjfw/t20181108.shtml"),
            ),
        ),
        (
            "wiki mirror: https://jendow.com.tw/wiki/%E5%80%AA",
            (Citation("wiki mirror", "https://jendow.com.tw/wiki/%E5%80%AA"),),
        ),
        (
            "https://epaper.zjgrrb.com/html/2017-04/27/content_2585497.htm?div=-1",
            (
                Citation(
                    "epaper.zjgrrb.com",
                    "https://epaper.zjgrrb.com/html/2017-04/27/content_2585497.htm?div=-1",
                ),
            ),
        ),
    ],
)
def test_a_source_cell_reads_as_titled_citations(source: str, expected: tuple[Citation, ...]) -> None:
    assert citations(source) == expected
