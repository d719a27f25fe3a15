"""Speaker turns of a transcript: whose words a quote's passage is.

Hearings, Hansard, board minutes and press-conference transcripts write each turn as a line opening with
the speaker's label and a colon: "CHAIR LINDA OKAFOR:", "Mr Smith (Leeds North):", "THE PRESIDENT:", "Q:",
"स्वास्थ्य मंत्री :", "الوزير:". A turn runs from its label to the next label; a heading (a paragraph that
does not end a sentence, such as "ANSWER" or "10.14 pm"), a name line of its own or an excerpt's gap marker
ends it too, since the speaker after it is not known.

A label names a person only when it says so plainly: a title before the name ("CHAIR OKAFOR", "Councillor
Marsh", "Shri Gurpreet Singh Sandhu", "السيد أحمد"), a role with the name in brackets ("The Minister for Care
(Daniel Hart)"), a name that other labels of the source repeat ("Helen Ashworth:" twice), or two name words
in a source whose other labels name people. In Hindi and Arabic, which have no capitals, only a personal title
names a person ("श्री", "الدكتور"), before the name or in brackets after a role ("ऊर्जा मंत्री (श्री भंवरलाल सैनी)").
"Q:", "SPEAKER 2:", "THE PRESIDENT:", "Note:", "Dengue:", "पत्रकार (दैनिक उदाहरण):" name no one and decide nothing.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from rapidfuzz.distance import OSA

from factsite.checks.quotes.words import GAP_MARKER_LINE
from factsite.languages.script import fold


def _key(word: str) -> str:
    """A word as labels and speakers compare: case and Latin accents folded; Arabic tashkeel, hamza seats, alef
    forms, alef maqsura and ta marbuta, Devanagari nukta and chandrabindu folded as the quote check folds them."""
    text = unicodedata.normalize("NFKD", fold(word))
    text = "".join(character for character in text if not unicodedata.combining(character) or ord(character) > 0x8FF)
    text = unicodedata.normalize("NFC", text)
    return text.strip(".'\u2019-")


# Titles that announce the name after them.
_TITLES = """
mr mrs ms miss mx dr prof professor sir dame lord lady madam madame rev reverend fr father hon honourable
honorable rt right chair chairman chairwoman chairperson president vice minister secretary mayor judge justice
senator sen rep representative gov governor chancellor general gen col colonel captain capt commissioner
councillor councilor cllr alderman inspector detective sergeant sgt constable superintendent ambassador
bishop director deputy leader chief officer member mp mla msp speaker clerk attorney sheriff premier
commander lieutenant lt major maj admiral trustee supervisor superintendent administrator treasurer
comptroller auditor controller coroner magistrate
shri sri shrimati smt sushri kumari km
श्री श्रीमती सुश्री कुमारी डॉ डा प्रो प्रोफेसर माननीय
السيد السيدة الدكتور الدكتورة د المهندس المهندسة الأستاذ الأستاذة الشيخ الشيخة معالي سعادة فخامة سمو النائب
الوزير الوزيرة
"""
# Roles that name no one, and the words of notes and headings that open a line with a colon.
_ROLES = """
the a an of for and on in to at by with from de du da des del la le van von der den ten ter bin ibn al el y
q a question questions answer answers reply response interviewer interviewee moderator host presenter anchor
reporter reporters correspondent journalist audience participant participants voice voices unidentified
unknown several some hon members member speaker speakers witness interpreter translator operator caller male
female man woman panel panellist panelist all both others prime state deputy office
note notes nb source sources update updated summary background editor editors correction clarification
agenda item items motion resolution resolved decision action present absent apologies attendees subject
date time place venue location contact email phone tel telephone fax website web table figure chart appendix
annex schedule section part chapter page volume total key status result results vote votes transcript minutes
statement remarks introduction conclusion caption photo image credit disclaimer warning posted issued released
published release press media embargo embargoed re ref reference cc
प्रश्न उत्तर संवाददाता प्रवक्ता सदस्य मंत्री मुख्यमंत्री प्रधानमंत्री अध्यक्ष सभापति उपाध्यक्ष उपसभापति सचिव आयुक्त निदेशक
महोदय महोदया जी स्थान दिनांक परिशिष्ट टिप्पणी नोट
س ج سؤال جواب المذيع المذيعة المحاور المحاورة الصحفي الصحفية المراسل المراسلة مقدم ملخص ملاحظة ملاحظات
"""
_TITLE_WORDS = frozenset(map(_key, _TITLES.split()))
_ROLE_WORDS = frozenset(map(_key, _ROLES.split())) | _TITLE_WORDS
# Words after which a title's own words follow ("Minister for Care", "Director of Health").
_ROLE_TAILS = frozenset({"of", "for", "in", "on", "to"})
# A question number, a list number or a timestamp before a label: "Q11", "2147.", "[10:32]".
_PREFIX = r"(?:(?:\[|\()?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s?[ap]\.?m\.?)?(?:\]|\))?\s+|Q\d+\s+|\d+\.\s+)?"
# A label: at most two lines (a long label may wrap), no colon inside, a colon then a space or the line's end
# (never "10:32" or "https://"). Its words are checked by `_is_label`.
_LABEL = re.compile(rf"(?P<prefix>{_PREFIX})(?P<label>[^\n:]{{1,120}}?(?:\n[^\n:]{{1,80}}?)?)[ \t]*:(?=[ \t]|\n|$)")
_LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]")
_WORD = re.compile(r"[^\W\d_][\w'\u2019.\-\u0900-\u097f\u0610-\u061a\u064b-\u065f]*|\d+")
# What ends a sentence, or a label line before another: a line after one of these may open a turn.
_ENDS = ".!?:;\u2026\"'\u201d\u2019\u00bb\u0964\u061f)]"
_MOST_LABEL_WORDS = 16
_MOST_CASELESS_WORDS = 5
# Verbs of speech and the words around them that open a quotation in Hindi and Arabic prose.
_SPEECH_WORDS = """
ने कहा कहां बोले बोली बताया कहना कहते कहती उन्होंने
قال وقال قالت وقالت قائلا قائلًا بقوله وأضاف أضاف وتابع تابع وختم وأكد أكد وأوضح أوضح
"""
_SPEECH_VERBS = frozenset(map(_key, _SPEECH_WORDS.split()))
# What ends a paragraph of speech.
_SENTENCE_ENDS = ".!?:;\u2026\"'\u201d\u2019\u00bb\u0964\u061f"
_PARAGRAPH = re.compile(r"\S[^\n]*(?:\n[ \t]*\S[^\n]*)*")


@dataclass(frozen=True)
class Turn:
    """A turn of a transcript: source offsets [start, end), its label as written (spaces folded, no colon)."""

    label: str
    start: int
    end: int
    # Where the turn's words start, after the label's colon.
    content: int
    # The words a person is named by (folded), empty when the label names no one.
    names: frozenset[str]
    # Every word of the label but its titles (folded): what a claim's speaker shares with it if the same.
    words: frozenset[str]


@functools.lru_cache(maxsize=16)
def find_turns(text: str) -> tuple[Turn, ...]:
    """The speaker turns of a source, in order; none when it has no labels."""
    found: list[tuple[int, int, str, str]] = []  # label start, content start, label, the label's script
    for line_start in _line_starts(text):
        match = _LABEL.match(text, line_start)
        if match is None:
            continue
        label = " ".join(match.group("label").split())
        if _is_label(label):
            found.append((line_start, match.end(), label, match.group("label")))
    if not found:
        return ()
    ends = _turn_ends(text)
    parsed = [_parse(label) for _, _, label, _ in found]
    repeated = _repeated(parsed)
    strong = [bool(names) and (titled or bool(names & repeated)) for names, titled in parsed]
    turns = []
    for number, ((start, content, label, _), (names, _)) in enumerate(zip(found, parsed, strict=True)):
        following = found[number + 1][0] if number + 1 < len(found) else len(text)
        end = min([following, *(e for e in ends if content < e < following)])
        # Two name words without a title name a person where other labels of the source name people, and where
        # the turn's words follow on the label's line: "Main Findings:" or "Governor's Opening Remarks:" over a
        # paragraph is a heading, whose words are no one's.
        inline = bool(text[content:].split("\n", 1)[0].strip())
        person = strong[number] or (len(names) >= 2 and _cased(label) and any(strong) and inline)
        turns.append(Turn(label, start, end, content, names if person else frozenset(), _all_words(label)))
    return tuple(turns)


def turn_at(turns: tuple[Turn, ...], start: int, end: int) -> Turn | None:
    """The turn that holds source offsets [start, end) whole, if any."""
    for turn in turns:
        if turn.start <= start and end <= turn.end:
            return turn
    return None


def speaker_words(speaker: str | None, turns: tuple[Turn, ...] = ()) -> frozenset[str]:
    """The words a claim's speaker is named by, titles and roles left out; empty when it names no person
    ("The municipal commissioner", "Leader of the Opposition", "वित्त मंत्री", "وزير الكهرباء").

    In a script without capitals a speaker without a title ("طارق الشناوي", "भंवरलाल सैनी") may as well be an
    office or a department: it names a person only where a label of the source (`turns`) names that person,
    every word of the speaker among the label's name words ("السيد المهندس طارق الشناوي (...)").
    """
    if not speaker:
        return frozenset()
    text = " ".join(speaker.split())
    names, _ = _parse(text)
    if names or _cased(text):
        return names
    words = frozenset(key for word in _WORD.findall(text) if len(key := _key(word)) >= 2 and not key.isdigit())
    if words and any(words <= turn.names for turn in turns):
        return words
    return frozenset()


def is_other_speaker(turn: Turn | None, speaker: frozenset[str]) -> bool:
    """Whether `turn`'s label names a person who is not the claim's speaker: no word in common."""
    return bool(turn is not None and turn.names and speaker and not _shares(turn.words, speaker))


def is_own_turn(turn: Turn | None, speaker: frozenset[str]) -> bool:
    return bool(turn is not None and speaker and _shares(turn.words, speaker))


def same_person(first: str, second: str) -> bool:
    """Whether two labels name one person ("GOVERNOR ELLEN PARK" and "GOVERNOR PARK"), or are the same label."""
    if first == second:
        return True
    first_names, second_names = _parse(first)[0], _parse(second)[0]
    return bool(first_names and second_names and _shares(first_names, second_names))


def is_quoted_in_turn(text: str, turn: Turn, start: int) -> bool:
    """Whether offset `start` is inside a quotation the turn's speaker makes ("As the minister told us: “...”"):
    words the speaker reads out or quotes are someone else's, and their turn does not say whose."""
    before = text[turn.content : start]
    straight = before.count('"') % 2 == 1
    curly = before.count("\u201c") > before.count("\u201d")
    guillemets = before.count("\u00ab") > before.count("\u00bb")
    return straight or curly or guillemets


def _shares(words: frozenset[str], speaker: frozenset[str]) -> bool:
    """A word in common; a name of five letters or more misspelt by one letter ("Okafor", "Okafur") still
    counts: a slip in a name is not another person."""
    if words & speaker:
        return True
    return any(
        len(word) >= _SLIP_LENGTH and len(name) >= _SLIP_LENGTH and OSA.distance(word, name, score_cutoff=1) <= 1
        for word in words
        for name in speaker
    )


_SLIP_LENGTH = 5


def _line_starts(text: str) -> list[int]:
    """Offsets where a label may open a turn: a paragraph's start, or a line after one that ends a sentence or
    a label (one turn a line)."""
    starts = []
    previous = ""
    offset = 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if stripped and (not previous or previous[-1] in _ENDS):
            starts.append(offset + len(line) - len(line.lstrip()))
        previous = stripped
        offset += len(line)
    return starts


def _turn_ends(text: str) -> list[int]:
    """Where a turn ends before the next label: an excerpt's gap marker, a heading ("ANSWER", "10.14 pm", a
    stage direction in brackets) or a paragraph opening with a name line of its own (Hansard's "Helen Ashby
    (Kingsmere North)" over the speech): the speaker after it is not known from a label."""
    ends = [match.start() for match in GAP_MARKER_LINE.finditer(text)]
    for paragraph in _PARAGRAPH.finditer(text):
        lines = [line.strip() for line in paragraph.group().splitlines()]
        body = " ".join(lines)
        heading = body[-1] not in _SENTENCE_ENDS and not re.search(r"[.!?\u2026\u0964\u061f]\s", body)
        stage = body.startswith("(") and body.endswith(")")
        name_line = len(lines) > 1 and lines[0][-1] not in _ENDS and ":" not in lines[0] and _is_label(lines[0])
        if heading or stage or name_line:
            ends.append(paragraph.start())
    return sorted(set(ends))


def _is_label(label: str) -> bool:
    """Whether the words before a colon read as a speaker's label rather than a sentence."""
    words = label.replace("(", " ").replace(")", " ").replace(",", " ").split()
    if not words or len(words) > _MOST_LABEL_WORDS or re.search(r"[!?;\"\u201c\u201d\u2018]", label):
        return False
    if label.count("(") != label.count(")"):
        return False
    digits = [word for word in words if any(character.isdigit() for character in word)]
    # A number ends a label ("SPEAKER 2") or is none of it ("Volume 781" is a heading, taken as one).
    if digits and (len(digits) > 1 or not words[-1].isdigit()):
        return False
    latin = [word for word in words if _LATIN_WORD.search(word)]
    if latin and len(latin) != len(words) - len(digits):
        return False  # a label is written in one script
    for word in latin:
        bare = word.strip(".'\u2019-")
        if not bare:
            return False
        if bare[0].islower() and bare.casefold() not in _ROLE_TAILS | {"the", "and", "de", "van", "von", "al", "bin"}:
            return False  # "Agenda item 9", "Key decision", "Verbatim transcript of Item 7"
        if word.endswith(".") and not _abbreviation(bare):
            return False  # a full stop ends a sentence, not a name
    # "وقال الوزير:", "सचिव ने कहा:": prose that introduces a quotation, not a label.
    # In a script without capitals a label is short; a role or a constituency in brackets after the name may
    # be long ("السيد المهندس طارق الشناوي (رئيس مجلس إدارة الشركة القابضة لمياه الشرب والصرف الصحي)").
    outside = re.sub(r"\([^)]*\)", " ", label).replace(",", " ").split()
    return bool(latin) or (
        len(outside) <= _MOST_CASELESS_WORDS and not any(_key(word) in _SPEECH_VERBS for word in words)
    )


def _abbreviation(word: str) -> bool:
    return len(word) <= 4 or "." in word


def _parse(label: str) -> tuple[frozenset[str], bool]:
    """The name words of a label (or a claim's speaker) and whether a title or a role introduces them.

    "DR. RAYMOND VANCE, DIRECTOR OF HEALTH AND HUMAN SERVICES" -> raymond, vance (titled); "POWER MINISTER
    (Shri Gurpreet Singh Sandhu)" -> gurpreet, singh, sandhu (titled); "Mr Smith (Leeds North)" -> smith;
    "Q13 Pam Cox" -> pam, cox (untitled); "THE PRESIDENT", "Q", "SPEAKER 2" -> none.
    """
    outside = re.sub(r"\([^)]*\)", " ", label)
    inside = re.findall(r"\(([^)]*)\)", label)
    name_part = re.sub(r"^\s*Q\d+\s+", "", outside.split(",")[0])
    names, titled, role_only = _name_words(name_part)
    if not names:
        # "The Minister for Care (Daniel Hart)": the role outside, the name in brackets. Where the words outside
        # are not read as a role ("ऊर्जा मंत्री", "प्रबंध निदेशक, जेवीवीएनएल"), only a titled name in brackets
        # names a person ("(श्री भंवरलाल सैनी)", "(डॉ. अनुराधा शेखावत)"); "पत्रकार (दैनिक उदाहरण)" names no one.
        for part in inside:
            found, part_titled, _ = _name_words(part)
            if found and (role_only or part_titled):
                return found, True
        return frozenset(), False
    return names, titled


def _name_words(text: str) -> tuple[frozenset[str], bool, bool]:
    """Name words, whether a title comes before them, whether the text is a title or role alone."""
    words = _WORD.findall(text)
    caseless = not any(_LATIN_WORD.search(word) for word in words)
    names: list[str] = []
    titled = in_role = False
    role_seen = False
    for number, word in enumerate(words):
        key = _key(word)
        if not key or key.isdigit():
            continue
        if key in _TITLE_WORDS or key in _ROLE_WORDS:
            if key in _ROLE_TAILS and role_seen and not names:
                in_role = True  # "Minister for Care", "Leader of the Opposition"
            if key in _TITLE_WORDS and not names:
                titled = True
            role_seen = role_seen or key not in _ROLE_TAILS
            continue
        if in_role:
            continue
        if caseless and not titled:
            return frozenset(), False, False  # a word before any title: prose, not a label
        if caseless and _arabic_construct(words, number):
            continue  # "وزير الكهرباء": the word after an indefinite title is its portfolio
        if not caseless and word[:1].islower():
            continue  # "The municipal commissioner"
        if len(key.strip(".")) < 2:
            continue  # an initial
        following = _key(words[number + 1]) if number + 1 < len(words) else ""
        if following in _TITLE_WORDS and not names:
            continue  # "Power Minister", "Health Secretary": a title's own word
        names.append(key)
    if caseless and not titled:
        # In a script without capitals every word looks like a name: only a title says one follows.
        return frozenset(), False, role_seen
    found = frozenset(part for name in names for part in {name, *name.split("-")} if len(part) >= 2)
    found -= _ROLE_WORDS
    return found, titled, role_seen and not found


def _arabic_construct(words: list[str], number: int) -> bool:
    """Whether the word follows an Arabic title without its article: "وزير الكهرباء" is the minister of
    electricity, where "الوزير أحمد" is the minister Ahmad."""
    previous = words[number - 1] if number else ""
    return bool(previous) and not previous.startswith("ال") and _key(previous) in _CONSTRUCT_TITLES


_CONSTRUCT_TITLES = frozenset(
    _key(word) for word in ("وزير", "وزيرة", "رئيس", "رئيسة", "مدير", "مديرة", "نائب", "أمين", "محافظ")
)


def _all_words(label: str) -> frozenset[str]:
    keys = {_key(word) for word in _WORD.findall(label)}
    keys |= {part for key in keys for part in key.split("-")}
    return frozenset(key for key in keys if len(key) >= 2 and not key.isdigit() and key not in _TITLE_WORDS) - {
        "of",
        "for",
        "the",
        "and",
        "in",
        "on",
        "to",
        "al",
        "el",
        "de",
    }


def _repeated(parsed: list[tuple[frozenset[str], bool]]) -> frozenset[str]:
    """Name words that more than one label has: the same person holding the floor again."""
    seen: set[str] = set()
    again: set[str] = set()
    for names, _ in parsed:
        again |= names & seen
        seen |= names
    return frozenset(again)


def _cased(label: str) -> bool:
    return bool(_LATIN_WORD.search(label))
