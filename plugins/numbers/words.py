"""Numbers written in words: "thirty-one", "six thousand", "one hundred and twenty",
"a dozen", "two and a half", "twelve point five", "two thirds", "forty-second".

`read_words(tokens)` splits a run of number-word tokens into numbers the way a
reader would: "one two three" is three numbers, "two thousand thousand" two,
"forty five hundred thirty eight" one (4538).
"""

from __future__ import annotations

from dataclasses import dataclass

UNITS = {"zero": 0, "nought": 0, "naught": 0, "o": 0, "oh": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
         "six": 6, "seven": 7, "eight": 8, "nine": 9}
TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
         "seventeen": 17, "eighteen": 18, "nineteen": 19}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "quadrillion": 1e15, "quintillion": 1e18,
          "sextillion": 1e21, "lakh": 1e5, "crore": 1e7}
SCALES.update({k + "s": v for k, v in list(SCALES.items())})
ORDINAL_UNITS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
                 "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
                 "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19}
ORDINAL_TENS = {k[:-1] + "ieth": v for k, v in TENS.items()}
ORDINAL_SCALES = {"hundredth": 100, "thousandth": 1e3, "millionth": 1e6, "billionth": 1e9, "trillionth": 1e12,
                  "quadrillionth": 1e15, "quintillionth": 1e18, "sextillionth": 1e21}
# denominators of fractions ("two thirds", "a quarter", "three eighths")
DENOMINATORS = {"half": 2, "halves": 2, "quarter": 4, "quarters": 4}
for _word, _value in {**ORDINAL_UNITS, **ORDINAL_TENS, **ORDINAL_SCALES}.items():
    if _value >= 3:
        DENOMINATORS[_word] = _value
        DENOMINATORS[_word + "s"] = _value
ORDINALS = {**ORDINAL_UNITS, **ORDINAL_TENS, **ORDINAL_SCALES}
NUMBER_WORDS = {*UNITS, *TEENS, *TENS, "hundred", "hundreds", *SCALES, "dozen", "dozens"}


@dataclass(slots=True)
class WordNumber:
    """A number read from tokens `first`..`last` (inclusive) of a run."""

    first: int
    last: int
    value: float
    kind: str  # integer | decimal | fraction | ordinal
    precision: float  # half the place value of the last significant digit


def _half_place(value: float) -> float:
    if value != int(value):
        return 0.005
    n = int(abs(value))
    if n == 0:
        return 0.5
    place = 1
    while n % 10 == 0:
        n //= 10
        place *= 10
    return place / 2


class _Builder:
    """Accumulates one integer: groups below a thousand, then scales."""

    def __init__(self) -> None:
        self.total = 0.0
        self.group = 0.0
        self.small = 0.0  # the part written after the last hundred/scale ("and two" dozens)
        self.last: str | None = None
        self.scale: float | None = None
        self.joined = False  # an "and" came before the last small part

    @property
    def value(self) -> float:
        return self.total + self.group

    def take(self, word: str) -> bool:
        """Add one word if it continues the number; False if it starts a new one."""
        last = self.last
        if word in UNITS:
            v = UNITS[word]
            if word in ("o", "oh"):
                return False
            if v == 0:
                if last is not None:
                    return False
                self.group, self.last = 0, "zero"
                return True
            if last in (None, "hundred", "scale", "and") or (last == "ten" and self.group % 10 == 0):
                self.group += v
                self.small = v if last != "ten" else self.small + v
                self.last = "unit"
                return True
            return False
        if word in TEENS or word in TENS:
            v = TEENS.get(word) or TENS[word]
            if last in (None, "hundred", "scale", "and"):
                self.group += v
                self.small = v
                self.last = "ten" if word in TENS else "teen"
                return True
            return False
        if word in ("hundred", "hundreds"):
            if last in (None, "unit", "teen", "ten") and self.group < 100:
                self.group = (self.group or 1) * 100
                self.last, self.small = "hundred", 0
                return True
            if last == "scale" and self.group == 0:
                self.group, self.last, self.small = 100, "hundred", 0
                return True
            return False
        if word in SCALES:
            s = SCALES[word]
            if last in (None, "unit", "teen", "ten", "hundred"):
                if self.scale is not None and s >= self.scale:
                    if s == self.scale:
                        return False
                    self.total = (self.total + self.group) * s
                else:
                    self.total += (self.group or 1) * s
                self.group, self.small, self.scale, self.last = 0, 0, s, "scale"
                return True
            if last == "scale" and self.scale is not None and s > self.scale:
                self.total *= s
                self.scale = s
                return True
            return False
        if word in ("dozen", "dozens"):
            if last in ("unit", "teen", "ten") or (last is None and word == "dozen"):
                if last is None:
                    self.group, self.small = 12, 12
                else:
                    self.group += self.small * 11
                    self.small *= 12
                self.last = "dozen"
                return True
            return False
        return False


def _integer(words: list[str], i: int) -> tuple[int, float, str | None, _Builder] | None:
    """The longest integer starting at words[i]: (next index, value, last kind, builder)."""
    b = _Builder()
    j = i
    pending_and = None
    while j < len(words):
        w = words[j]
        if w == "and":
            if _fraction(words, j + 1) is not None:
                break  # "five billion and three quarters": the fraction belongs to the whole number
            if b.last in ("hundred", "scale", "unit", "ten", "teen") and pending_and is None and b.value >= 100:
                pending_and = j
                saved = (b.total, b.group, b.small, b.last, b.scale)
                b.last = "and"
                j += 1
                continue
            break
        if w == "a" and b.last is None and j + 1 < len(words) and (words[j + 1] in ("hundred", "dozen") or words[j + 1] in SCALES):
            b.group, b.small, b.last = 1, 1, "unit"
            j += 1
            continue
        if not b.take(w):
            break
        b.joined = b.joined or pending_and is not None
        pending_and = None
        j += 1
    if pending_and is not None:  # "and" that nothing followed: not part of the number
        b.total, b.group, b.small, b.last, b.scale = saved
        j = pending_and
    if j == i or b.last is None:
        return None
    return j, b.value, b.last, b


def read_words(words: list[str]) -> list[WordNumber]:
    """Numbers in a run of lower-case number-word tokens (hyphens already split)."""
    out: list[WordNumber] = []
    i = 0
    n = len(words)
    while i < n:
        w = words[i]
        # ordinals standing alone or ending a number: "fifth", "forty-second", "hundredth"
        got = _integer(words, i)
        if got is None:
            if w in ORDINALS:
                out.append(WordNumber(i, i, ORDINALS[w], "ordinal", 0.5))
                i += 1
                continue
            if w in ("a", "one") and i + 1 < n and words[i + 1] in DENOMINATORS:  # "a half", "a third"
                d = DENOMINATORS[words[i + 1]]
                out.append(WordNumber(i, i + 1, 1 / d, "fraction", 0.25 / d))
                i += 2
                continue
            if w == "half" and i + 2 < n and words[i + 1] == "a" and (words[i + 2] in SCALES or words[i + 2] == "dozen"):
                scale = 12 if words[i + 2] == "dozen" else SCALES[words[i + 2]]
                out.append(WordNumber(i, i + 2, 0.5 * scale, "fraction", 0.05 * scale))
                i += 3
                continue
            if w in ("half", "quarter") and i + 1 < n and words[i + 1] in SCALES:  # "half million"
                scale = SCALES[words[i + 1]]
                out.append(WordNumber(i, i + 1, (0.5 if w == "half" else 0.25) * scale, "fraction", 0.05 * scale))
                i += 2
                continue
            if w == "point":
                j, digits = _decimals(words, i + 1)
                if digits:
                    out.append(WordNumber(i, j - 1, float("0." + digits), "decimal", 0.5 * 10 ** -len(digits)))
                    i = j
                    continue
            i += 1
            continue
        j, value, last, builder = got
        first = i
        kind = "integer"
        precision = _half_place(value)
        # "two thousand and fifth", "twenty and three fifths", "three million and a half", "one billion and a quarter million"
        if j + 1 < n and words[j] == "and" and last in ("scale", "hundred", "unit", "ten", "teen"):
            if words[j + 1] in ORDINALS and ORDINALS[words[j + 1]] < 100 and words[j + 1] not in DENOMINATORS or (
                words[j + 1] in ORDINAL_UNITS and last in ("scale", "hundred")
            ):
                out.append(WordNumber(first, j + 1, value + ORDINALS[words[j + 1]], "ordinal", 0.5))
                i = j + 2
                continue
            frac = _fraction(words, j + 1)
            if frac is not None:
                part, k = frac
                total = value + part
                if k < n and words[k] in SCALES:  # "one and a half million", "one billion and a half million"
                    total = value + part * SCALES[words[k]] if last == "scale" else total * SCALES[words[k]]
                    k += 1
                elif last == "scale" and builder.scale:  # "three million and a half"
                    total = value + part * builder.scale
                out.append(WordNumber(first, k - 1, total, "fraction", abs(total - value) / 4 or 0.5))
                i = k
                continue
        # an ordinal ending the number: "one hundred and forty second"
        if j < n and words[j] in ORDINALS and last in ("scale", "hundred", "and", "ten") and not (j + 1 < n and words[j + 1] in SCALES):
            o = ORDINALS[words[j]]
            if (last == "ten" and o < 10) or (last in ("scale", "hundred", "and") and o < 100):
                out.append(WordNumber(first, j, value + o, "ordinal", 0.5))
                i = j + 1
                continue
        # a fraction: "two thirds", "three quarters", "and a half"
        if j < n and words[j] in DENOMINATORS and last in ("unit", "teen", "ten") and not words[j].endswith(("second", "seconds", "first")):
            d = DENOMINATORS[words[j]]
            if words[j] != "half":
                small = builder.small
                value = value - small + small / d if builder.joined else value / d
                kind, precision = "fraction", 0.25 / d
                j += 1
        elif j + 1 < n and words[j] == "point":
            k, digits = _decimals(words, j + 1)
            if digits:
                value = float(f"{int(value)}.{digits}")
                kind, precision = "decimal", 0.5 * 10 ** -len(digits)
                j = k
        if j + 2 < n and words[j] == "of" and words[j + 1] == "a" and words[j + 2] in SCALES and kind == "fraction":
            scale = SCALES[words[j + 2]]  # "two thirds of a million"
            value *= scale
            precision *= scale
            j += 3
        out.append(WordNumber(first, j - 1, value, kind, precision))
        i = j
    return out


def _fraction(words: list[str], i: int) -> tuple[float, int] | None:
    """ "a half", "three quarters", "two fifths" at words[i]: (value, next index)."""
    if i < len(words) and words[i] in ("a", "one") and i + 1 < len(words) and words[i + 1] in DENOMINATORS:
        return 1 / DENOMINATORS[words[i + 1]], i + 2
    part = _integer(words, i)
    if part and part[0] < len(words) and words[part[0]] in DENOMINATORS and part[1] < 20 and words[part[0]] != "half":
        return part[1] / DENOMINATORS[words[part[0]]], part[0] + 1
    return None


def _decimals(words: list[str], i: int) -> tuple[int, str]:
    """Digits after "point": single digits ("two three six") or a number ("seventy-one")."""
    digits = ""
    while i < len(words):
        w = words[i]
        if w in UNITS and (w not in ("o", "oh") or digits or True):
            nxt = _integer(words, i) if UNITS[w] else None
            if nxt is not None and nxt[0] > i + 1:
                digits += str(int(nxt[1]))
                i = nxt[0]
            else:
                digits += str(UNITS[w])
                i += 1
        elif w in TEENS or w in TENS:
            j, value, _, _ = _integer(words, i)
            digits += str(int(value))
            i = j
        else:
            break
    return i, digits


def words_value(text: str) -> float | None:
    """The value of a text that is exactly one number in words, else None."""
    tokens = [t for t in text.lower().replace("-", " ").replace(",", " ").split() if t]
    numbers = read_words(tokens)
    if len(numbers) == 1 and numbers[0].first == 0 and numbers[0].last == len(tokens) - 1:
        return numbers[0].value
    return None
