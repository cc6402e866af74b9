"""Word lists of the salary grammar: currencies, magnitudes, periods, pay kinds.

Kept as plain data so the grammar stays small and a new spelling is a one-line change.
"""

from __future__ import annotations

#: Currency symbols -> ISO code. "$" alone is ambiguous (any dollar): resolved later by codes/hints.
SYMBOLS: dict[str, str] = {
    "US$": "USD",
    "USD$": "USD",
    "U$S": "USD",
    "C$": "CAD",
    "CA$": "CAD",
    "CAD$": "CAD",
    "A$": "AUD",
    "AU$": "AUD",
    "AUD$": "AUD",
    "NZ$": "NZD",
    "S$": "SGD",
    "SGD$": "SGD",
    "HK$": "HKD",
    "R$": "BRL",
    "MX$": "MXN",
    "$": "USD",
    "€": "EUR",
    "£": "GBP",
    "₹": "INR",
    "¥": "JPY",
    "₩": "KRW",
    "₪": "ILS",
    "₺": "TRY",
    "₽": "RUB",
    "zł": "PLN",
    "Rs": "INR",
    "Rs.": "INR",
    "Fr.": "CHF",
    "kr": "SEK",
    "Kč": "CZK",
    "₱": "PHP",
    "₦": "NGN",
    "₴": "UAH",
    "NT$": "TWD",
    "元": "CNY",  # yuan, or Taiwan/Hong Kong dollars: resolved by location like "$"
    "円": "JPY",
    "₫": "VND",
    "RM": "MYR",
}
AMBIGUOUS_SYMBOLS = {"$", "kr", "¥", "元"}

#: ISO 4217 codes recognised in upper case (common ones only: "ALL", "TOP" would hit English words).
CODES = (
    "USD EUR GBP INR CAD AUD JPY CHF CNY SEK NOK DKK PLN BRL MXN SGD HKD NZD ZAR ILS KRW CZK "
    "HUF RON TRY AED SAR PHP IDR THB MYR VND NGN KES EGP ARS CLP COP PEN UAH RUB TWD BGN"
).split()

#: Currency words (case-insensitive) -> ISO code.
WORDS: dict[str, str] = {
    "dollars": "USD",
    "dollar": "USD",
    "euros": "EUR",
    "euro": "EUR",
    "eur": "EUR",
    "pounds": "GBP",
    "pound": "GBP",
    "sterling": "GBP",
    "rupees": "INR",
    "rupee": "INR",
    "yen": "JPY",
    "francs": "CHF",
    "zloty": "PLN",
    "usd": "USD",
    "gbp": "GBP",
    "cad": "CAD",
    "inr": "INR",
    "aud": "AUD",
    "chf": "CHF",
    "reais": "BRL",
    "złotych": "PLN",
    "zlotych": "PLN",
    "kc": "CZK",
    "yuan": "CNY",
    "rmb": "CNY",
}

#: Magnitude suffixes -> (multiplier, implied currency, implied period).
MULTS: dict[str, tuple[float, str | None, str | None]] = {
    "k": (1e3, None, None),
    "thousand": (1e3, None, None),
    "m": (1e6, None, None),
    "mm": (1e6, None, None),
    "mn": (1e6, None, None),
    "million": (1e6, None, None),
    "mil": (1e3, None, None),  # Portuguese/Spanish "R$ 8 mil"
    "tsd": (1e3, None, None),
    "tausend": (1e3, None, None),
    "mio": (1e6, None, None),
    "万": (1e4, None, None),  # Chinese/Japanese ten-thousand ("4万", "40萬")
    "萬": (1e4, None, None),
    "千": (1e3, None, None),
    "triệu": (1e6, "VND", None),  # Vietnamese million ("15 - 25 triệu")
    "trieu": (1e6, "VND", None),
    "l": (1e5, "INR", None),
    "lakh": (1e5, "INR", None),
    "lakhs": (1e5, "INR", None),
    "lac": (1e5, "INR", None),
    "lacs": (1e5, "INR", None),
    "lpa": (1e5, "INR", "year"),
    "cr": (1e7, "INR", None),
    "crore": (1e7, "INR", None),
    "crores": (1e7, "INR", None),
}

#: Period spellings (lower case, regex fragments) -> period.
PERIOD_PATTERNS: tuple[tuple[str, str], ...] = (
    (
        r"/\s*(?:hours?|hrs?|h|std|stunde|heure|hora|uur|timme|time)\b|\bper\s+(?:hour|hr|h)\b|"
        r"\ban?\s+hour\b|\bhourly\b|\bp\.?\s?h\.?(?=\s|$|\))|\bstunde\b|\bstundenlohn\b|"
        r"\bstündlich\b|\b(?:par|de\s+l')\s*heure\b|\bhoraire\b|\bpor\s+hora\b|\bper\s+uur\b|"
        r"\bper\s+timme\b|\btimlön\b|\btimel[øo]nn?\b|時薪|时薪|時給|/\s*小時|/\s*小时|每小時|每小时|"
        # Nordic: "266 kr timen", "i timen", "pr. time", "for hver time", "i timmen", "kr/t"
        r"\b(?:i|om|per|pr\.?|for\s+hver|hver)\s+tim(?:en?|men)\b|\btim(?:en|men)\b|/(?<=kr/|r\./)\s?t\b|"
        r"\bp/\s?hr?\b|\bsaatlik\b|/\s*saat\b",
        "hour",
    ),
    (
        r"/\s*(?:days?|d|tag|jour|dia|día|dag)\b|\bper\s+(?:day|diem)\b|\ba\s+day\b|\bdaily\b|"
        r"\bp\.d\.|\b(?:pro|je)\s+tag\b|\btagessatz\b|\bpar\s+jour\b|\bpor\s+d[ií]a\b|"
        r"\b(?:per|pr\.?|om|i)\s+dag(?:en)?\b|\bdagtarief\b|\bdagsats\b|\bday[\s-]rate\b|日薪|日給|每日|/\s*日|/\s*天|\bgünlük\b|/\s*gün\b",
        "day",
    ),
    (
        r"/\s*(?:weeks?|wk|w|woche|semaine|semana)\b|\bper\s+(?:week|wk)\b|\ba\s+week\b|"
        r"\bweekly\b|\bp\.w\.|\bpw\b|\bhaftalık\b|\b(?:pro|je)\s+woche\b|\bpar\s+semaine\b|\bpor\s+semana\b",
        "week",
    ),
    (
        r"/\s*(?:months?|mos?|mth|m|mån(?:ad)?|mnd|mes|mês|mois|monat|maand)\b|"
        r"\bper\s+(?:month|mo|mth)\b|\ba\s+month\b|\bmonthly\b|\bpcm\b|\bp\.m\.|"
        r"\b(?:par|pro|per|pr\.?|je|im|al|por|i|om)\s*(?:mois|monat|maand|mes|mês|mnd|md|m[åa]ned(?:en)?|m[åa]nad(?:en)?)\b|\bmensa(?:l|is)\b|"
        r"\bmensuel\w*|\bmonatlich\w*|\bmensal\b|\bmensual\b|\bmaandelijks\b|\bm[åa]nedlig\b|"
        r"\bm[åa]natlig\b|\bm[åa]neds?l[øo]nn?\b|\bm[åa]nadsl[öo]n\b|月薪|月給|每月|按月|/\s*月|\baylık\b|\bayda\b|/\s*ay\b|經常性薪資|经常性薪资",
        "month",
    ),
    (
        r"/\s*(?:years?|yr|y|annum|a|jahr|an|año|ano|jaar|år)\b|\bper\s+(?:year|yr|annum)\b|"
        r"\ba\s+year\b|\b(?:yearly|annually|annual)\b|\bp\.\s?a\.?|\bpa\b|\bper\s+an+um\b|"
        r"\bpar\s+an\b|\b(?:pro|im|je)\s+jahr\b|\bannuel\w*|\bj[äa]hrlich\w*|"
        r"\bbrutto\s+p\.?\s?a\b|\bpor\s+a[ñn]o\b|\banual\b|\bper\s+jaar\b|\bjaarsalaris\b|"
        r"\b(?:per|pr\.?|i|om)\s+[åa]r(?:et)?\b|\b[åa]rsl[øo]nn?\b|\b[åa]rsl[öo]n\b|\b[åa]rlig(?:e|en)?\b|年薪|年收|年俸|每年|按年|/\s*年|\byıllık\b|\byılda\b|/\s*yıl\b",
        "year",
    ),
)

#: German compounds carry the period inside the word ("Einsatzstunde", "Bruttomonatsgehalt",
#: "Jahresbrutto"): word part -> period, checked on each word (a regex scanning every word for an
#: infix cost more than the rest of the tokenizer).
PERIOD_INFIXES: tuple[tuple[str, str], ...] = (
    ("stunde", "hour"),
    ("monats", "month"),
    ("jahres", "year"),
)

#: Pay-kind words -> kind. Base pay is what the salary row keeps; the rest go to other_amounts.
KIND_WORDS: dict[str, str] = {
    "equity": "equity",
    "shares": "equity",
    "stock": "equity",
    "options": "equity",
    "rsu": "equity",
    "rsus": "equity",
    "esop": "equity",
    "tokens": "equity",
    "bonus": "bonus",
    "bonuses": "bonus",
    "commission": "bonus",
    "commissions": "bonus",
    "signing": "bonus",
    "sign-on": "bonus",
    "relocation": "benefit",
    "stipend": "benefit",
    "ote": "ote",
    "tc": "total_comp",
    "base": "base",
    "salary": "base",
    "salaries": "base",
}
#: Multi-word kinds, matched before single words.
KIND_PHRASES: tuple[tuple[str, str], ...] = (
    (r"on[\s-]target\s+earnings", "ote"),
    (r"total\s+comp(?:ensation)?|total\s+(?:remuneration|package)", "total_comp"),
    (r"base\s+(?:salary|pay)", "base"),
)

#: Board estimate markers: parsed like any pay but reported with source "estimate".
ESTIMATE_PATTERN = r"\(?\s*(?:glassdoor|employer|indeed|est\w*)\s+est(?:imate)?\.?\s*\)?"

#: Country hints in locations -> (ISO country, currency). Lower-case substrings, checked in order.
COUNTRY_HINTS: tuple[tuple[str, str, str], ...] = (
    ("united kingdom", "GB", "GBP"),
    ("london", "GB", "GBP"),
    ("england", "GB", "GBP"),
    ("uk", "GB", "GBP"),
    ("canada", "CA", "CAD"),
    ("toronto", "CA", "CAD"),
    ("vancouver", "CA", "CAD"),
    ("australia", "AU", "AUD"),
    ("sydney", "AU", "AUD"),
    ("india", "IN", "INR"),
    ("bangalore", "IN", "INR"),
    ("bengaluru", "IN", "INR"),
    ("germany", "DE", "EUR"),
    ("berlin", "DE", "EUR"),
    ("munich", "DE", "EUR"),
    ("france", "FR", "EUR"),
    ("paris", "FR", "EUR"),
    ("netherlands", "NL", "EUR"),
    ("amsterdam", "NL", "EUR"),
    ("spain", "ES", "EUR"),
    ("ireland", "IE", "EUR"),
    ("dublin", "IE", "EUR"),
    ("switzerland", "CH", "CHF"),
    ("zurich", "CH", "CHF"),
    ("japan", "JP", "JPY"),
    ("tokyo", "JP", "JPY"),
    ("singapore", "SG", "SGD"),
    ("sweden", "SE", "SEK"),
    ("stockholm", "SE", "SEK"),
    ("poland", "PL", "PLN"),
    ("norway", "NO", "NOK"),
    ("oslo", "NO", "NOK"),
    ("denmark", "DK", "DKK"),
    ("copenhagen", "DK", "DKK"),
    ("china", "CN", "CNY"),
    ("brazil", "BR", "BRL"),
    ("mexico", "MX", "MXN"),
    ("israel", "IL", "ILS"),
    ("new zealand", "NZ", "NZD"),
    ("taiwan", "TW", "TWD"),
    ("taipei", "TW", "TWD"),
    ("hong kong", "HK", "HKD"),
    ("vietnam", "VN", "VND"),
    ("ho chi minh", "VN", "VND"),
    ("hanoi", "VN", "VND"),
    ("united states", "US", "USD"),
    ("usa", "US", "USD"),
    ("us", "US", "USD"),
)
#: Places written in Chinese/Japanese/Korean script (no word boundaries there): substring -> hint.
CJK_PLACES: tuple[tuple[str, str, str], ...] = (
    *((p, "TW", "TWD") for p in ("台灣", "臺灣", "台北", "臺北", "新北", "台中", "臺中", "高雄",
                                 "桃園", "新竹", "台南", "臺南")),
    *((p, "CN", "CNY") for p in ("中国", "北京", "上海", "深圳", "广州", "杭州", "成都")),
    ("香港", "HK", "HKD"),
    *((p, "JP", "JPY") for p in ("日本", "東京", "大阪")),
    *((p, "KR", "KRW") for p in ("한국", "서울")),
)  # fmt: skip
#: Currency -> country used for annualisation constants when the location says nothing.
CURRENCY_COUNTRY: dict[str, str] = {
    "USD": "US",
    "GBP": "GB",
    "CAD": "CA",
    "AUD": "AU",
    "INR": "IN",
    "JPY": "JP",
    "CHF": "CH",
    "SEK": "SE",
    "PLN": "PL",
    "BRL": "BR",
    "MXN": "MX",
    "ILS": "IL",
    "NZD": "NZ",
    "SGD": "SG",
    "EUR": "DE",
    "NOK": "NO",
    "DKK": "DK",
    "CNY": "CN",
    "HKD": "HK",
    "ZAR": "ZA",
    "KRW": "KR",
}
