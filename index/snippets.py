"""Snippets of long records without analysing every word of them.

Whoosh highlights a hit by running the field's analyzer over its stored text
(up to the fragmenter's 32k characters) and handing every token to the
fragmenter; a whole-document record costs tens of milliseconds that way, most
of a search's time. The paper analyzer (``schema.paper_analyzer``) treats
each match of its ``TOKEN`` pattern alone, so here each distinct word is
analysed once, and the fragmenter is given only the tokens that can change
what it makes: every matched token, the tokens after one until its fragment
must have closed, and the tokens just before one that set where its
fragment starts. The fragments, hence the snippets, are Whoosh's own.
"""

from __future__ import annotations

from functools import lru_cache

from whoosh import highlight
from whoosh.analysis import Token

from minutebook.index.schema import TOKEN, paper_analyzer

ANALYZER = paper_analyzer()


@lru_cache(maxsize=100_000)
def _analysed(word: str) -> tuple:
    """A word's tokens as ``(start, end, text)`` relative to it, as the analyzer gives them when highlighting."""
    return tuple((t.startchar, t.endchar, t.text)
                 for t in ANALYZER(word, positions=True, chars=True, mode="index", removestops=False))


class Highlighter(highlight.Highlighter):
    """Whoosh's highlighter (re-tokenising, as for fields that store no character offsets), fed fewer tokens."""

    def highlight_hit(self, hitobj, fieldname, text=None, top=3, minscore=1, strict_phrase=False):
        results = hitobj.results
        field = results.searcher.schema[fieldname]
        analyzer = field.analyzer
        if (results.has_matched_terms() or strict_phrase or type(self.fragmenter) is not highlight.ContextFragmenter
                or analyzer != ANALYZER):
            return super().highlight_hit(hitobj, fieldname, text, top, minscore, strict_phrase)
        if text is None:
            if fieldname not in hitobj:
                raise KeyError(f"Field {fieldname!r} is not stored.")
            text = hitobj[fieldname]
        words = frozenset(field.from_bytes(t[1]) for t in results.query_terms(expand=True, fieldname=fieldname))
        tokens = self._merge_matched_tokens(self._tokens(text, words))
        fragments = self.fragmenter.fragment_tokens(text, tokens)
        fragments = highlight.top_fragments(fragments, top, self.scorer, self.order, minscore=minscore)
        return self.formatter.format(fragments)

    def _tokens(self, text: str, words: frozenset):
        """The tokens Whoosh's analyzer gives ``text``, marked as ``set_matched_filter`` marks them, less those
        the fragmenter would pass over without effect.

        A fragment closes at the latest ``2 * surround`` characters of tokens
        after its last match (each token is at least one character), so that
        many words after a matched one are kept. Outside a fragment the
        fragmenter only remembers the starts of the tokens within
        ``surround`` characters of the last token's end, so before a match
        the words ending within that reach of the word before it are kept.
        The word reaching past ``charlimit`` is kept, for the fragmenter stops there.
        """
        frag = self.fragmenter
        after, reach, limit = 2 * frag.surround + 2, frag.surround + 1, frag.charlimit
        spans = []
        for m in TOKEN.finditer(text):
            spans.append((m.start(), m.end(), m.group()))
            if limit and m.end() > limit:
                break
        keep, hot = [False] * len(spans), {}
        for j, (_, _, word) in enumerate(spans):
            matched = hot.get(word)
            if matched is None:
                matched = hot[word] = any(t in words for _, _, t in _analysed(word))
            if not matched:
                continue
            for k in range(j, min(j + after + 1, len(spans))):
                keep[k] = True
            if j:
                edge, k = spans[j - 1][1] - reach, j - 1
                while k >= 0 and not keep[k] and spans[k][1] >= edge:
                    keep[k] = True
                    k -= 1
        if limit and spans and spans[-1][1] > limit:
            keep[-1] = True
        for kept, (at, _, word) in zip(keep, spans):
            if kept:
                for start, end, t in _analysed(word):
                    token = Token(positions=True, chars=True, removestops=False, mode="index", text=t,
                                  startchar=at + start, endchar=at + end)
                    token.matched = t in words
                    yield token
