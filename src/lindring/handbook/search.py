"""Search the handbook by relevance: chapters and their sections, with snippets.

Words are compared by a light Norwegian suffix stemmer (``smertepumpe``,
``smertepumpen`` and ``smertepumper`` all become ``smertepump``), so inflected forms
find each other; a query word also matches inside compound words (``pumpe`` in
``smertepumpe``) at a lower weight. Drug names go through the conversion table:
an English name or a brand (``oxycodone``, ``OxyNorm``) also searches for the
Norwegian name (``oksykodon``). Other English words find a chapter through its
``tags`` (``naloxone``, ``syringe driver``).

Scoring per section: for each query word, its rarity (idf) times the weight of where
it occurs (heading 3, chapter title or tags 2, text 1 + log of the count); sections
that contain all the query words rank above those that contain some.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

from lindring.errors import InputError
from lindring.handbook.book import Handbook
from lindring.handbook.markdown import ANCHOR, HEADING, headings, plain
from lindring.model import Tables
from lindring.names import drug_spellings
from lindring.names_norm import normalize_name
from lindring.records import record

WORD = re.compile(r"[0-9a-zæøåäöüé]+")
SUFFIXES = (
    "hetene",
    "hetens",
    "heten",
    "ende",
    "ande",
    "ene",
    "ane",
    "ens",
    "ets",
    "ers",
    "het",
    "en",
    "et",
    "er",
    "ar",
    "es",
    "a",
    "e",
    "s",
)
MIN_STEM = 3
SNIPPET = 160
#: the longest query, the most words in it and the longest word searched for (the
#: handbook's longest word has 30 letters): each word is compared with every word of
#: the handbook and split at every letter, so the work is bounded before it starts
MAX_QUERY = 200
MAX_WORDS = 12
MAX_WORD = 40


def stem(word: str) -> str:
    """A light bokmål stemmer: strip one common ending, keeping at least three letters."""
    word = word.casefold()
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
            return word[: -len(suffix)]
    return word


def words(text: str) -> list[str]:
    return WORD.findall(text.casefold())


@record
class Hit:
    chapter: str  # chapter id
    title: str  # chapter title
    heading: str  # section heading ("" for the chapter's opening)
    anchor: str
    snippet: str
    score: float


@dataclass
class _Section:
    chapter: str
    title: str
    heading: str
    anchor: str
    text: str
    head: set[str] = field(default_factory=set)
    about: set[str] = field(default_factory=set)
    body: Counter[str] = field(default_factory=Counter)


def sections(book: Handbook, tables: Tables) -> list[_Section]:
    """Every chapter cut at its ``##`` and ``###`` headings, embeds resolved."""
    from lindring.handbook.book import resolve_chapter

    found: list[_Section] = []
    for chapter in book.chapters.values():
        about = {stem(w) for w in words(" ".join((chapter.title, chapter.summary, *chapter.tags)))}
        markdown = resolve_chapter(chapter, tables, book, "text").markdown
        anchors = {h.text: h.slug for h in headings(chapter.body, chapter.body_line)}
        current = _Section(chapter.id, chapter.title, "", "", "")
        parts = [current]
        for line in markdown.split("\n"):
            heading = HEADING.match(line)
            if heading and len(heading.group(1)) in (2, 3):
                raw = ANCHOR.sub("", heading.group(2))
                current = _Section(chapter.id, chapter.title, raw, anchors.get(raw, ""), "")
                parts.append(current)
            elif not (heading and len(heading.group(1)) == 1):
                current.text += line + "\n"
        for part in parts:
            part.head = {stem(w) for w in words(part.heading)}
            part.about = about
            part.body = Counter(stem(w) for w in words(plain(part.text)))
            found.append(part)
    return found


def drug_names(tables: Tables) -> dict[str, str]:
    """Every drug name the table knows (key, nb, en, brands), normalized, to its
    Norwegian generic name: the synonyms a query is widened with."""
    adjuvants = tables.pump.adjuvants.values() if tables.pump is not None else ()
    return {
        normalize_name(name): drug.name.nb
        for drug in (*tables.opioids.values(), *adjuvants)
        for name in drug_spellings(drug)
    }


def expand_query(query: str, tables: Tables, names: dict[str, str] | None = None) -> list[set[str]]:
    """One set of stems per query word: the word itself, and for a drug name the
    Norwegian generic name too. Two-word names (``Reltebon Depot``) are tried first."""
    if names is None:
        names = drug_names(tables)
    tokens = words(query)
    terms: list[set[str]] = []
    index = 0
    while index < len(tokens):
        pair = " ".join(tokens[index : index + 2])
        if index + 1 < len(tokens) and pair in names:
            terms.append({stem(w) for w in words(names[pair])})
            index += 2
            continue
        word = tokens[index]
        term = {stem(word)}
        if word in names:
            term |= {stem(w) for w in words(names[word])}
        terms.append(term)
        index += 1
    return terms


def _weight(term: set[str], part: _Section) -> float:
    best = 0.0
    for s in term:
        score = 0.0
        if s in part.head:
            score += 3
        if s in part.about:
            score += 2
        if part.body[s]:
            score += 1 + math.log(part.body[s])
        if score == 0 and len(s) >= 4:  # inside a compound word: smerte|pumpe
            inside = sum(n for w, n in part.body.items() if s in w and w != s)
            inside += sum(1 for w in part.head | part.about if s in w and w != s)
            score = 0.5 * min(inside, 4)
        best = max(best, score)
    return best


def split_compound(word: str, vocabulary: set[str]) -> tuple[str, str] | None:
    """A compound the text writes apart: ``fentanylplast`` -> ``fentanyl`` + ``plast``.

    Both parts must be words of the handbook (at least four letters each); the longest
    first part wins, and a linking ``s`` (``gjennombrudds|smerte``) is allowed.
    """
    for cut in range(len(word) - 4, 3, -1):
        left, right = word[:cut], word[cut:]
        if right in vocabulary and stem(left) in vocabulary:
            return stem(left), right
    return None


def check_query(query: str) -> None:
    """:class:`InputError` for a query longer than the bounds above."""
    if len(query) > MAX_QUERY:
        raise InputError("handbook_query_long", limit=MAX_QUERY)
    tokens = words(query)
    if len(tokens) > MAX_WORDS or any(len(w) > MAX_WORD for w in tokens):
        raise InputError("handbook_query_words", words=MAX_WORDS, letters=MAX_WORD)


def search(book: Handbook, tables: Tables, query: str, limit: int = 10) -> list[Hit]:
    """The sections that best match ``query``, best first (at most ``limit``);
    :class:`InputError` for a query longer than the bounds above."""
    check_query(query)
    terms = expand_query(query, tables)
    if not terms:
        return []
    return rank(sections(book, tables), terms, limit)


def rank(parts: list[_Section], terms: list[set[str]], limit: int = 10) -> list[Hit]:
    """Score every section for the query's ``terms``; the best ``limit`` hits.

    The exported HTML runs a copy of this in JavaScript (handbook/search.js) over the
    same sections; a test holds the two to the same answers.
    """
    vocabulary = set().union(*(p.head | p.about | set(p.body) for p in parts))
    splits = [  # sorted: the same stem is tried first on every run and in the browser
        next((found for s in sorted(term) if (found := split_compound(s, vocabulary))), None)
        for term in terms
    ]
    total = len(parts)
    hits: list[Hit] = []
    weights = [
        [_term_weight(term, split, part) for term, split in zip(terms, splits, strict=True)]
        for part in parts
    ]
    idf = [
        math.log(1 + total / (1 + sum(1 for row in weights if row[i] > 0)))
        for i in range(len(terms))
    ]
    for part, row in zip(parts, weights, strict=True):
        scores = [w * f for w, f in zip(row, idf, strict=True)]
        matched = sum(1 for s in scores if s > 0)
        if not matched:
            continue
        share = matched / len(terms)
        summed = 0.0
        for s in scores:  # added in order, as search.js adds (sum() compensates since 3.12)
            summed += s
        score = summed * share * share
        snippet = _snippet(part.text, terms)
        hits.append(Hit(part.chapter, part.title, part.heading, part.anchor, snippet, score))
    hits.sort(key=lambda h: (-h.score, h.chapter, h.heading))
    return hits[:limit]


def _term_weight(term: set[str], split: tuple[str, str] | None, part: _Section) -> float:
    """The word as written, or (a little less) its two parts where the text has both."""
    whole = _weight(term, part)
    if split is None:
        return whole
    left, right = _weight({split[0]}, part), _weight({split[1]}, part)
    return max(whole, 0.8 * (left + right) / 2 if left and right else 0.0)


def _snippet(markdown: str, terms: list[set[str]]) -> str:
    """About :data:`SNIPPET` characters of the section around the first matching word."""
    text = plain(markdown)
    stems = set().union(*terms)
    for found in WORD.finditer(text.casefold()):
        token = stem(found.group(0))
        if token in stems or any(len(s) >= 4 and s in token for s in stems):
            start = max(0, found.start() - SNIPPET // 3)
            break
    else:
        start = 0
    cut = text[start : start + SNIPPET]
    if start > 0:
        cut = "…" + cut[cut.find(" ") + 1 :] if " " in cut else "…" + cut
    if start + SNIPPET < len(text):
        cut = cut[: cut.rfind(" ")] + " …" if " " in cut else cut + "…"
    return cut
