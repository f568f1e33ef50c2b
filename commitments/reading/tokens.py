"""Chinese word segmentation for search: jieba, loaded once per process with our user dictionary."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

_FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
_lock = threading.Lock()
_tokenizer = None
_pos_tagger = None


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
    """Whether every word of a short text is a verb (jieba's part-of-speech tags v, vn, vd, vg).

    >>> is_verb_phrase("盘活"), is_verb_phrase("保留提升"), is_verb_phrase("省级"), is_verb_phrase("入冬前")
    (True, True, False, False)
    """
    global _pos_tagger
    if _pos_tagger is None:
        tokenizer = _get()  # (outside the lock, which _get takes itself)
        with _lock:
            if _pos_tagger is None:
                import jieba.posseg

                _pos_tagger = jieba.posseg.POSTokenizer(tokenizer)
    words = list(_pos_tagger.cut(text, HMM=False))
    return bool(words) and all(w.flag.startswith("v") for w in words)


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
