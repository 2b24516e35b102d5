"""The lexicon: every word a pattern reads as a change, a comparison or another period says what it means."""

from __future__ import annotations

import re

import pytest

from auditlint.extract import lexicon


@pytest.mark.parametrize("words", [lexicon.CHANGE_WORD, lexicon.RATE_WORD, lexicon.RATE_ONLY_WORD, lexicon.REASON_WORD, lexicon.EFFECT_WORD])
def test_every_word_of_a_change_has_a_direction(words):
    assert all(lexicon.direction(w) != 0 for w in words.split("|"))


def test_directions():
    assert [lexicon.direction(w) for w in ("增加", "下降率", "节约", "上涨", "增加（减少）", "持平", None)] == [1, -1, -1, 1, 0, 0, 0]
    assert not lexicon.UP & lexicon.DOWN


def test_every_comparing_word_says_how_the_figures_compare():
    words = re.findall(r"[^|?]+", lexicon.COMPARATIVE_WORD)
    unresolved = [w for w in words if w in lexicon.UNRESOLVED]
    assert unresolved == ["大小于", "小大于"]
    assert all(lexicon.comparative(w) is not None for w in words if w not in lexicon.UNRESOLVED)
    assert [lexicon.comparative(w) for w in ("高于", "少于", "持平于", "大小于")] == ["大于", "小于", "等于", None]


def test_template_choices_pair_opposites():
    words = set(lexicon.TEMPLATE_CHOICE_WORD.split("|"))
    assert all(pair <= words for pair in lexicon.OPPOSITES)


@pytest.mark.parametrize(
    "pattern, text",
    [
        (lexicon.COMPARING, "机关运行经费比上年减少"),
        (lexicon.COMPARES, "与"),
        (lexicon.COMPARES_OR_PAIRS, "2022年和"),
        (lexicon.LAST_YEAR, "上一年度"),
        (lexicon.COUNT_OTHER_PERIOD, "较上年增加"),
        (lexicon.YEAR_BESIDE_ANOTHER_PERIOD, "截至"),
        (lexicon.LOOKS_ELSEWHERE, "下一步"),
    ],
)
def test_the_examples_match(pattern, text):
    assert pattern.search(text)
