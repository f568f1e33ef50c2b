"""Chinese word segmentation for search: jieba, loaded once per process with our user dictionary."""

from __future__ import annotations

import functools
import logging
import re
import threading
from pathlib import Path

_FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
_lock = threading.Lock()
_tokenizer = None


def _get():
    global _tokenizer
    if _tokenizer is None:
        with _lock:
            if _tokenizer is None:
                import jieba

                jieba.setLogLevel(logging.WARNING)
                logging.getLogger("jieba").setLevel(logging.WARNING)
                tok = jieba.Tokenizer()
                tok.initialize()
                userdict = _FIXTURES / "jieba_userdict.txt"
                if userdict.exists():
                    tok.load_userdict(str(userdict))
                _tokenizer = tok
    return _tokenizer


def tokenize(text: str) -> list[str]:
    """Search-mode words, without spaces and punctuation.

    >>> "城镇新增就业" in tokenize("全年城镇新增就业10.5万人")
    True
    """
    return [w for w in _get().cut_for_search(text) if w.strip() and not _punct(w)]


def cut_words(text: str) -> list[str]:
    """Plain (not search-mode) words of a short text, to find the noun a verb governs."""
    return list(_get().cut(text, HMM=False))


def is_verb_phrase(text: str) -> bool:
    """Whether every word of a short text is a verb (tagged v, vn, vd, vg … in jieba's dictionary).

    >>> is_verb_phrase("盘活"), is_verb_phrase("保留提升"), is_verb_phrase("省级"), is_verb_phrase("入冬前")
    (True, True, False, False)
    """
    words = [w for w in cut_words(text) if w.strip()]
    return bool(words) and all(w in _verbs() for w in words)


@functools.cache
def _verbs() -> frozenset[str]:
    """The dictionary's verbs, read straight from its file (jieba's part-of-speech tokenizer loads every tag of every
    word, a second of start-up, to answer the same question)."""
    with _get().get_dict_file() as f:
        return frozenset(re.findall(r"^(\S+) \d+ v[a-z]?\r?$", f.read().decode("utf-8"), re.M))


def _punct(word: str) -> bool:
    return all(not ch.isalnum() for ch in word)


def word_start_at_or_before(text: str, pos: int, *, window: int = 8) -> int:
    """The start of the word that holds text[pos], so a cut never falls inside a word.

    >>> text = "力争新增省级以上绿色工厂"
    >>> text[word_start_at_or_before(text, text.index("级以上"))]
    '省'
    """
    base = max(0, pos - window)
    at = base
    for word in _get().cut(text[base : pos + window], HMM=False):
        if at + len(word) > pos:
            return at
        at += len(word)
    return pos
