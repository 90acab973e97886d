"""Every sentence lindring shows, in Norwegian bokmål (``nb``) and English (``en``).

Messages are looked up by code and filled with typed parameters: an
:class:`~lindring.model.Amount` is shown with its unit spelled out (``mikrogram``,
never ``µg``), a :class:`~fractions.Fraction` without trailing zeros and with a
decimal comma in Norwegian, a :class:`~lindring.model.Localized` table text in the
chosen language. Clinical wording that editors own (referrals, renal cautions) lives
in the table, not here. A test checks that both languages have the same codes and
placeholders.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from fractions import Fraction
from typing import Any

from lindring.model import LANGS, Amount, Localized, Span
from lindring.numbers import format_number

_ENV = ("LINDRING_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def detect_lang(env: Mapping[str, str] | None = None) -> str:
    """``nb`` or ``en`` from ``LINDRING_LANG``, then the locale; English by default."""
    env = os.environ if env is None else env
    for name in _ENV:
        value = env.get(name, "").strip().lower()
        if not value or value in ("c", "posix", "c.utf-8"):
            continue
        first = value.split(":")[0].split(".")[0].split("_")[0].split("-")[0]
        return "nb" if first in ("nb", "no", "nn") else "en"
    return "en"


def lang_code(value: str) -> str | None:
    """The language ``value`` names, as its code (``NB``: ``nb``), or ``None`` when it
    names neither ``nb`` nor ``en``."""
    code = value.lower()
    return code if code in LANGS else None


UNIT_NAMES = {
    "mg": {"nb": "mg", "en": "mg"},
    "ml": {"nb": "ml", "en": "ml"},
    "microgram": {"nb": "mikrogram", "en": "microgram"},
    "microgram/h": {"nb": "mikrogram/time", "en": "microgram/h"},
}
PER_24H = {"nb": "/døgn", "en": "/24 h"}


def show_amount(amount: Amount, lang: str) -> str:
    unit = UNIT_NAMES[amount.unit][lang]
    return f"{format_number(amount.value, lang)} {unit}{PER_24H[lang] if amount.per_24h else ''}"


def show(value: Any, lang: str) -> str:
    """One parameter as text in ``lang``."""
    if type(value) is str:  # most parameters (a fast path: messages run per batch row)
        return value
    if isinstance(value, Amount):
        return show_amount(value, lang)
    if isinstance(value, Localized):
        return value.get(lang)
    if isinstance(value, Span):
        low, high = format_number(value.low, lang, 4), format_number(value.high, lang, 4)
        return low if low == high else f"{low}-{high}"
    if isinstance(value, Fraction):
        return format_number(value, lang)
    if isinstance(value, tuple):  # amounts are added up; anything else is listed
        sep = " + " if all(isinstance(item, Amount) for item in value) else "; "
        return sep.join(show(item, lang) for item in value)
    if value is None:
        return ""
    return str(value)


def register(messages: dict[str, dict[str, str]]) -> None:
    """Add a module's own messages (same shape as :data:`MESSAGES`; codes must be new)."""
    clash = set(messages) & set(MESSAGES)
    if clash:
        raise ValueError(f"message codes defined twice: {sorted(clash)}")
    MESSAGES.update(messages)


#: modules that add their own messages with :func:`register` when imported
CATALOGUES = (
    "lindring.i18n.batch",
    "lindring.i18n.checks",
    "lindring.i18n.editor",
    "lindring.i18n.handbook",
    "lindring.i18n.problems",
    "lindring.i18n.pump",
)
STRICT_VAR = "LINDRING_STRICT_MESSAGES"


def load_catalogues() -> None:
    """Import every message catalogue (each registers itself once)."""
    import importlib

    for name in CATALOGUES:
        importlib.import_module(name)


def text(code: str, lang: str, **params: Any) -> str:
    """The message ``code`` in ``lang`` with ``params`` filled in.

    A code not yet registered loads every catalogue first, so a message never depends on
    which modules happened to be imported. A code that is still unknown is a bug: an error
    under ``LINDRING_STRICT_MESSAGES`` (set by the tests), else the code itself.
    """
    entry = MESSAGES.get(code)
    if entry is None:
        load_catalogues()
        entry = MESSAGES.get(code)
    if entry is None:
        if os.environ.get(STRICT_VAR):
            raise KeyError(f"no message for code {code!r}")
        return code
    shown = {k: show(v, lang) for k, v in params.items()}
    return entry[lang if lang in LANGS else "en"].format(**shown)


MESSAGES: dict[str, dict[str, str]] = {
    # --- input errors -----------------------------------------------------------------
    "unknown_drug": {
        "en": "unknown drug '{name}'. Close names: {suggestions}. Run `lindring drugs` for all.",
        "nb": "ukjent legemiddel «{name}». Nære navn: {suggestions}. `lindring drugs` viser alle.",
    },
    "unknown_drug_none": {
        "en": "unknown drug '{name}'. Run `lindring drugs` for the names lindring knows.",
        "nb": "ukjent legemiddel «{name}». `lindring drugs` viser navnene lindring kjenner.",
    },
    "unknown_drug_lookalike": {
        "en": "unknown drug '{name}'. Close names: {suggestions}. Take care: {strong} is {ratio} times as potent as {weak} by mouth; do not mix them up.",
        "nb": "ukjent legemiddel «{name}». Nære navn: {suggestions}. Obs: {strong} er {ratio} ganger så potent som {weak} peroralt; ikke forveksle dem.",
    },
    "unknown_unit": {
        "en": "unknown unit '{unit}': expected a mass unit, one of {accepted} (case matters)",
        "nb": "ukjent enhet «{unit}»: forventet en masseenhet, en av {accepted} (store og små bokstaver teller)",
    },
    "wrong_dimension": {
        "en": "'{unit}' is not a mass unit: expected one of {accepted}",
        "nb": "«{unit}» er ikke en masseenhet: forventet en av {accepted}",
    },
    "dose_too_long": {
        "en": "the dose is longer than {limit} characters",
        "nb": "dosen er lengre enn {limit} tegn",
    },
    "too_long": {
        "en": "the input is longer than {limit} characters",
        "nb": "inndata er lengre enn {limit} tegn",
    },
    "dose_missing": {
        "en": "no dose given: write e.g. 40 mg, 20 mg x2 or 10 mg q4h",
        "nb": "ingen dose oppgitt: skriv f.eks. 40 mg, 20 mg x2 eller 10 mg q4h",
    },
    "dose_missing_for": {
        "en": "no dose given for {drug}: write e.g. `{drug} 40 mg po to ...`",
        "nb": "ingen dose oppgitt for {drug}: skriv f.eks. `{drug} 40 mg po til ...`",
    },
    "dose_ambiguous": {
        "en": "'{number}' reads as a thousand in one language and a decimal in another: "
        "write 1000 or 1 (no thousands separator)",
        "nb": "«{number}» kan leses både som tusen og som desimaltall: "
        "skriv 1000 eller 1 (uten tusenskille)",
    },
    "dose_zero": {
        "en": "the dose in '{text}' is zero: a dose must be above 0",
        "nb": "dosen i «{text}» er null: en dose må være over 0",
    },
    "dose_sign": {
        "en": "'{text}': a dose is written without a sign (no + or -)",
        "nb": "«{text}»: en dose skrives uten fortegn (ingen + eller -)",
    },
    "dose_leading_zero": {
        "en": "'{text}': write a zero before the decimal point, e.g. 0.5 mg",
        "nb": "«{text}»: skriv null foran desimaltegnet, f.eks. 0,5 mg",
    },
    "dose_no_unit": {
        "en": "'{text}' has no unit: write e.g. {text} mg",
        "nb": "«{text}» mangler enhet: skriv f.eks. {text} mg",
    },
    "dose_space_in_number": {
        "en": "'{text}': no spaces inside a number; write 1000, not 1 000",
        "nb": "«{text}»: ingen mellomrom inne i et tall; skriv 1000, ikke 1 000",
    },
    "dose_operator": {
        "en": "'{text}': arithmetic and exponents are not accepted; write the dose, e.g. 40 mg",
        "nb": "«{text}»: regning og eksponenter godtas ikke; skriv dosen, f.eks. 40 mg",
    },
    "dose_digits": {
        "en": "'{text}': too many digits; a number has at most {digits} digits before the decimal sign and {decimals} after",
        "nb": "«{text}»: for mange sifre; et tall har høyst {digits} sifre før desimaltegnet og {decimals} etter",
    },
    "dose_times": {
        "en": "'{text}': the number of doses per 24 hours must be 1 to 24",
        "nb": "«{text}»: antall doser per døgn må være 1 til 24",
    },
    "dose_interval": {
        "en": "'{text}': the dose interval must divide 24 hours (q1h, q2h, q3h, q4h, q6h, q8h, q12h, q24h)",
        "nb": "«{text}»: doseintervallet må gå opp i 24 timer (q1h, q2h, q3h, q4h, q6h, q8h, q12h, q24h)",
    },
    "dose_prn": {
        "en": "'{text}': prn marks breakthrough doses taken; say how many were taken in 24 hours, e.g. 5 mg x3 prn",
        "nb": "«{text}»: prn (ved behov) markerer behovsdoser som er tatt; oppgi hvor mange det siste døgnet, f.eks. 5 mg x3 prn",
    },
    "dose_two_frequencies": {
        "en": "'{text}': two frequencies given; write one, e.g. 20 mg x2 or 2x20mg",
        "nb": "«{text}»: to hyppigheter oppgitt; skriv én, f.eks. 20 mg x2 eller 2x20mg",
    },
    "dose_schedule_strength": {
        "en": "'{text}': a schedule such as 1+0+1 needs a strength before it, e.g. 20 mg 1+0+1",
        "nb": "«{text}»: et doseringsskjema som 1+0+1 trenger en styrke foran, f.eks. 20 mg 1+0+1",
    },
    "dose_part": {
        "en": "'{text}': '{part}' was not understood; the nearest accepted form is e.g. {example}",
        "nb": "«{text}»: «{part}» ble ikke forstått; nærmeste form som godtas er f.eks. {example}",
    },
    "patch_needs_rate": {
        "en": "'{text}': write a patch as its strength per hour, e.g. 25 mcg/h",
        "nb": "«{text}»: skriv et plaster som styrke per time, f.eks. 25 mikrogram/t",
    },
    "patch_unit_mg": {
        "en": "'{text}': patch strengths are in microgram per hour, never mg: did you mean {number} mcg/h?",
        "nb": "«{text}»: plasterstyrker angis i mikrogram per time, aldri mg: mente du {number} mikrogram/t?",
    },
    "patch_strength_unknown": {
        "en": "'{text}' is not a patch strength sold or a combination of them: strengths are {strengths} microgram/h",
        "nb": "«{text}» er ingen plasterstyrke som selges, eller en kombinasjon av dem: styrkene er {strengths} mikrogram/time",
    },
    "dose_unreadable": {
        "en": "cannot read the dose '{text}': write e.g. 40 mg, 2,5 mg, 20 mg x2, 20 mg bid, "
        "10 mg q4h or 40 mg/24h",
        "nb": "kan ikke lese dosen «{text}»: skriv f.eks. 40 mg, 2,5 mg, 20 mg x2, 20 mg bid, "
        "10 mg q4h eller 40 mg/døgn",
    },
    "missing_to": {
        "en": "say what to convert to: DRUG DOSE ROUTE to DRUG ROUTE, "
        "e.g. oxycodone 40mg po to morphine sc",
        "nb": "si hva det skal omregnes til: LEGEMIDDEL DOSE VEI til LEGEMIDDEL VEI, "
        "f.eks. oksykodon 40mg po til morfin sc",
    },
    "several_to": {
        "en": "'to' appears more than once: convert one source to one target",
        "nb": "«til» står mer enn én gang: regn om én kilde til ett mål",
    },
    "too_many_parts": {
        "en": "at most {limit} opioids can be added together in one conversion",
        "nb": "høyst {limit} opioider kan legges sammen i én omregning",
    },
    "refused_route": {
        "en": "{drug} {route}: {text}",
        "nb": "{drug} {route}: {text}",
    },
    "not_in_profile": {
        "en": "{drug} {route}: {text}",
        "nb": "{drug} {route}: {text}",
    },
    "drug_missing": {
        "en": "a drug name is missing (before and after 'to')",
        "nb": "et legemiddelnavn mangler (før og etter «til»)",
    },
    "unexpected_words": {
        "en": "unexpected words after the target route: '{words}'",
        "nb": "uventede ord etter målets administrasjonsvei: «{words}»",
    },
    "route_missing": {
        "en": "no route given for {drug}: one of {routes}",
        "nb": "ingen administrasjonsvei oppgitt for {drug}: en av {routes}",
    },
    "several_routes": {
        "en": "more than one route given for {drug}",
        "nb": "mer enn én administrasjonsvei oppgitt for {drug}",
    },
    "route_unavailable": {
        "en": "the table has no {route} route for {drug}: available are {routes}",
        "nb": "tabellen har ingen vei {route} for {drug}: tilgjengelig er {routes}",
    },
    "reduce_range": {
        "en": "--reduce must be between 0 and {limit} percent",
        "nb": "--reduce må være mellom 0 og {limit} prosent",
    },
    "reduce_number": {
        "en": "--reduce '{text}' is not a number: write a percent such as 25",
        "nb": "--reduce «{text}» er ikke et tall: skriv en prosent, f.eks. 25",
    },
    "interval": {
        "en": "--interval {hours}: the interval must be one of {allowed} hours",
        "nb": "--interval {hours}: intervallet må være ett av {allowed} timer",
    },
    "egfr": {
        "en": "--egfr '{text}': write the eGFR in ml/min/1.73 m² as a number from 1 to 200, e.g. 45",
        "nb": "--egfr «{text}»: skriv eGFR i ml/min/1,73 m² som et tall fra 1 til 200, f.eks. 45",
    },
    "system_error": {
        "en": "the operating system refused: {reason}{where}",
        "nb": "operativsystemet avviste: {reason}{where}",
    },
    "file_unreadable": {
        "en": "{file}: {reason}",
        "nb": "{file}: {reason}",
    },
    "lang": {
        "en": "--lang must be nb or en",
        "nb": "--lang må være nb eller en",
    },
    "refused_name": {
        "en": "'{name}': {text}",
        "nb": "«{name}»: {text}",
    },
    "table_invalid": {
        "en": "the conversion table is invalid (problems found: {count}); nothing was converted",
        "nb": "omregningstabellen er ugyldig (feil funnet: {count}); ingenting ble regnet om",
    },
    "internal": {
        "en": "internal error ({kind}): this is a bug in lindring; run with --debug (or set "
        "LINDRING_DEBUG=1) for details and report it. No result was produced.",
        "nb": "intern feil ({kind}): dette er en feil i lindring; kjør med --debug (eller sett "
        "LINDRING_DEBUG=1) for detaljer og meld den. Ingen resultat ble laget.",
    },
    "interrupted": {"en": "interrupted", "nb": "avbrutt"},
    "kind.error": {"en": "error", "nb": "feil"},
    "kind.refused": {"en": "refused", "nb": "avvist"},
    # --- steps ------------------------------------------------------------------------
    "step.source_bare": {
        "en": "{drug} {dose} {route}. A dose without a frequency is read as the 24-hour total: {daily}",
        "nb": "{drug} {dose} {route}. En dose uten hyppighet leses som døgndosen: {daily}",
    },
    "step.source_times": {
        "en": "{drug} {dose} {route}, {times} times per 24 hours: {daily}",
        "nb": "{drug} {dose} {route}, {times} ganger per døgn: {daily}",
    },
    "step.source_per_hour": {
        "en": "{drug} {dose} {route} (a rate per hour): {daily}",
        "nb": "{drug} {dose} {route} (en hastighet per time): {daily}",
    },
    "step.source_prn": {
        "en": "{drug} {dose} {route}, breakthrough doses taken {times} times in 24 hours, counted in the daily total: {daily}",
        "nb": "{drug} {dose} {route}, behovsdoser tatt {times} ganger siste døgn, regnet med i døgndosen: {daily}",
    },
    "step.sum": {
        "en": "Total oral morphine equivalent: {parts} = {ome}",
        "nb": "Samlet oral morfinekvivalent: {parts} = {ome}",
    },
    "step.source_per_24h": {
        "en": "{drug} {dose} {route} per 24 hours: {daily}",
        "nb": "{drug} {dose} {route} per døgn: {daily}",
    },
    "step.ome": {
        "en": "Oral morphine equivalent: {daily} x {factor} (mg oral morphine per mg {drug} {route}) = {ome}",
        "nb": "Oral morfinekvivalent: {daily} x {factor} (mg oral morfin per mg {drug} {route}) = {ome}",
    },
    "step.ome_rate": {
        "en": "Oral morphine equivalent: {daily} x {factor} (mg oral morphine per 24 h for each microgram/h of {drug} {route}) = {ome}",
        "nb": "Oral morfinekvivalent: {daily} x {factor} (mg oral morfin per døgn for hver mikrogram/time {drug} {route}) = {ome}",
    },
    "step.target_rate": {
        "en": "Equianalgesic dose: {ome} / {factor} (mg oral morphine per 24 h for each microgram/h of {drug} {route}) = {result}",
        "nb": "Ekvianalgetisk dose: {ome} / {factor} (mg oral morfin per døgn for hver mikrogram/time {drug} {route}) = {result}",
    },
    "step.target": {
        "en": "Equianalgesic dose: {ome} / {factor} (mg oral morphine per mg {drug} {route}) = {result}",
        "nb": "Ekvianalgetisk dose: {ome} / {factor} (mg oral morfin per mg {drug} {route}) = {result}",
    },
    "step.reduction_override": {
        "en": "Reduction chosen by the user (--reduce): {percent} % (handbook band here: {band_low}-{band_high} %): {start} -> {result}",
        "nb": "Reduksjon valgt av brukeren (--reduce): {percent} % (håndbokens spenn her: {band_low}-{band_high} %): {start} -> {result}",
    },
    "step.range": {
        "en": "The sources give {low} to {high}: shown for context; the calculation uses the table's point values ({result})",
        "nb": "Kildene gir {low} til {high}: vist til orientering; beregningen bruker tabellens punktverdier ({result})",
    },
    "step.route_ratio_down": {
        "en": "Same drug, new route: {daily} {old} / {factor} = {result} {new} (route ratio: {factor} mg {old} is about 1 mg {new}; sources {span})",
        "nb": "Samme legemiddel, ny vei: {daily} {old} / {factor} = {result} {new} (forholdstall: {factor} mg {old} tilsvarer omtrent 1 mg {new}; kildene {span})",
    },
    "step.route_ratio_up": {
        "en": "Same drug, new route: {daily} {old} x {factor} = {result} {new} (route ratio: 1 mg {old} is about {factor} mg {new}; sources {span})",
        "nb": "Samme legemiddel, ny vei: {daily} {old} x {factor} = {result} {new} (forholdstall: 1 mg {old} tilsvarer omtrent {factor} mg {new}; kildene {span})",
    },
    "step.equianalgesic_sum": {
        "en": "Equianalgesic dose in total: {parts} = {result}",
        "nb": "Samlet ekvianalgetisk dose: {parts} = {result}",
    },
    "step.reduction_drug_change": {
        "en": "New drug, incomplete cross-tolerance: reduce by {percent} % (handbook band at this dose: {band_low}-{band_high} %; {high_percent} % at or above {threshold} oral morphine): {start} -> {result}",
        "nb": "Nytt legemiddel, ufullstendig krysstoleranse: reduser med {percent} % (håndbokens spenn ved denne dosen: {band_low}-{band_high} %; {high_percent} % ved {threshold} oral morfin eller mer): {start} -> {result}",
    },
    "step.reduction_edge": {
        "en": "New drug, incomplete cross-tolerance: reduce by {percent} %: the handbook's {high_percent} % at or above {threshold} oral morphine, but never to less than the start just below that dose: {start} -> {result}",
        "nb": "Nytt legemiddel, ufullstendig krysstoleranse: reduser med {percent} %: håndbokens {high_percent} % ved {threshold} oral morfin eller mer, men aldri lavere enn startdosen like under denne grensen: {start} -> {result}",
    },
    "step.reduction_part_drug_change": {
        "en": "Part from another drug, incomplete cross-tolerance: that part is reduced by {percent} % (handbook band at this dose: {band_low}-{band_high} %); the part that already is {drug} is not: {start} -> {result}",
        "nb": "Delen fra et annet legemiddel, ufullstendig krysstoleranse: den delen reduseres med {percent} % (håndbokens spenn ved denne dosen: {band_low}-{band_high} %); delen som allerede er {drug}, reduseres ikke: {start} -> {result}",
    },
    "step.reduction_route_change": {
        "en": "Same drug, new route: no reduction; the handbook advises considering one (its band for a change of drug at this dose: {band_low}-{band_high} %): {result}",
        "nb": "Samme legemiddel, ny vei: ingen reduksjon; håndboken råder til å vurdere en (spennet ved bytte av legemiddel ved denne dosen: {band_low}-{band_high} %): {result}",
    },
    "step.reduction_same": {
        "en": "Same drug and route: nothing to reduce: {result}",
        "nb": "Samme legemiddel og vei: ingenting å redusere: {result}",
    },
    "step.reduction_included": {
        "en": "No reduction: this target's factor already carries the margin for incomplete cross-tolerance (handbook band otherwise {band_low}-{band_high} %): {result}",
        "nb": "Ingen reduksjon: faktoren for dette målet har allerede margin for ufullstendig krysstoleranse (håndbokens spenn ellers {band_low}-{band_high} %): {result}",
    },
    "step.patient_renal": {
        "en": "Renal function, eGFR {egfr}: the table's band lowers the start by {percent} % in all, instead of the {own} % above (the larger applies, once): {result}",
        "nb": "Nyrefunksjon, eGFR {egfr}: tabellens bånd senker starten med {percent} % i alt, i stedet for {own} % over (den største gjelder, én gang): {result}",
    },
    "step.patient_frail": {
        "en": "Frail or elderly patient: the table's rule lowers the start by {percent} % in all, instead of the {own} % above (the larger applies, once): {result}",
        "nb": "Skrøpelig eller eldre pasient: tabellens regel senker starten med {percent} % i alt, i stedet for {own} % over (den største gjelder, én gang): {result}",
    },
    "step.patient_renal_kept": {
        "en": "Renal function, eGFR {egfr}: the table's band asks for {percent} %, no more than the {own} % already applied: unchanged",
        "nb": "Nyrefunksjon, eGFR {egfr}: tabellens bånd ber om {percent} %, ikke mer enn {own} % som alt er brukt: uendret",
    },
    "step.patient_frail_kept": {
        "en": "Frail or elderly patient: the table's rule asks for {percent} %, no more than the {own} % already applied: unchanged",
        "nb": "Skrøpelig eller eldre pasient: tabellens regel ber om {percent} %, ikke mer enn {own} % som alt er brukt: uendret",
    },
    "step.regimen": {
        "en": "Start: {product}, {dose} every {interval} h ({n} doses) = {result}: the largest regimen of products sold at or below {target}",
        "nb": "Start: {product}, {dose} hver {interval}. time ({n} doser) = {result}: det største regimet av preparater som selges, på eller under {target}",
    },
    "step.regimen_up": {
        "en": "Start: {product}, {dose} every {interval} h ({n} doses) = {result}: the largest regimen at or below {target} would reduce more than the handbook's band, so the next one up, still within the band, is used",
        "nb": "Start: {product}, {dose} hver {interval}. time ({n} doser) = {result}: det største regimet på eller under {target} ville redusert mer enn håndbokens spenn, så det neste over, fortsatt innenfor spennet, brukes",
    },
    "step.regimen_infusion": {
        "en": "Start: {product}: {result} as a continuous infusion ({target} calculated, rounded down to what can be drawn up)",
        "nb": "Start: {product}: {result} som kontinuerlig infusjon ({target} beregnet, rundet ned til det som kan trekkes opp)",
    },
    "step.patch": {
        "en": "Patch: {exact} calculated, rounded down to strengths sold: {labels} = {rate} ({product}, changed every {hours} h)",
        "nb": "Plaster: {exact} beregnet, rundet ned til styrker som selges: {labels} = {rate} ({product}, byttes hver {hours}. time)",
    },
    "step.patch_up": {
        "en": "Patch: {exact} calculated; the strength below would reduce more than the handbook's band, so the next one up, still within the band, is used: {labels} = {rate} ({product}, changed every {hours} h)",
        "nb": "Plaster: {exact} beregnet; styrken under ville redusert mer enn håndbokens spenn, så den neste over, fortsatt innenfor spennet, brukes: {labels} = {rate} ({product}, byttes hver {hours}. time)",
    },
    "step.pump": {
        "en": "Start: a pump at {rate} ml/h delivering {result} ({target} calculated; the pump never delivers more): the plan follows",
        "nb": "Start: smertepumpe på {rate} ml/time som gir {result} ({target} beregnet; pumpen gir aldri mer): planen følger",
    },
    "step.breakthrough": {
        "en": "Breakthrough dose: {fraction} of {daily} is {exact}; as a practical dose {dose} ({product}; range {frac_low} to {frac_high}: {low} to {high})",
        "nb": "Behovsdose: {fraction} av {daily} er {exact}; som praktisk dose {dose} ({product}; spenn {frac_low} til {frac_high}: {low} til {high})",
    },
    "step.breakthrough_patch": {
        "en": "Breakthrough dose with a patch: {fraction} of the patch's daily oral morphine equivalent as {drug} {route}: {dose} ({product}; range {frac_low} to {frac_high}: {low} to {high})",
        "nb": "Behovsdose ved plaster: {fraction} av plasterets orale morfinekvivalent per døgn som {drug} {route}: {dose} ({product}; spenn {frac_low} til {frac_high}: {low} til {high})",
    },
    "step.breakthrough_pump": {
        "en": "Breakthrough dose: the pump's bolus, {fraction} of {daily}: {dose} (at the pump's other bolus sizes {low} to {high})",
        "nb": "Behovsdose: pumpens bolus, {fraction} av {daily}: {dose} (med pumpens andre bolusstørrelser {low} til {high})",
    },
    # --- alerts -----------------------------------------------------------------------
    "alert.bare_dose_is_daily": {
        "en": "No frequency was given, so the dose was read as the 24-hour total ({daily}). If it is one of several daily doses, add e.g. x2 or q12h.",
        "nb": "Ingen hyppighet oppgitt, så dosen ble lest som døgndosen ({daily}). Er det én av flere doser i døgnet, legg til f.eks. x2 eller q12h.",
    },
    "alert.implausible_high": {
        "en": "Unusually high dose ({ome} oral morphine equivalent): verify the dose and unit; suspect a tenfold error.",
        "nb": "Uvanlig høy dose ({ome} oral morfinekvivalent): kontroller dose og enhet; mistenk tifoldfeil.",
    },
    "alert.implausible_low": {
        "en": "Unusually low dose ({ome} oral morphine equivalent): check for a microgram/milligram mix-up.",
        "nb": "Uvanlig lav dose ({ome} oral morfinekvivalent): kontroller om mikrogram og milligram er forvekslet.",
    },
    "alert.same_drug_route": {
        "en": "Source and target are the same drug and route ({drug}): nothing to convert.",
        "nb": "Kilde og mål er samme legemiddel og vei ({drug}): ingenting å regne om.",
    },
    "alert.route_change_advice": {"en": "{text}", "nb": "{text}"},
    "alert.to_patch": {
        "en": "Crossing over to the patch: {text}",
        "nb": "Overgang til plaster: {text}",
    },
    "alert.from_patch": {
        "en": "Crossing over from the patch: {text}",
        "nb": "Overgang fra plaster: {text}",
    },
    "alert.patch_cautions": {"en": "{text}", "nb": "{text}"},
    "alert.patch_above_max": {
        "en": "The calculated patch dose ({exact}) is above {limit}: consider another route, for example a subcutaneous pump.",
        "nb": "Beregnet plasterdose ({exact}) er over {limit}: vurder en annen vei, for eksempel subkutan smertepumpe.",
    },
    "alert.reduction_outside_band": {
        "en": "The chosen reduction ({percent} %) is outside the handbook's band for this dose ({low}-{high} %).",
        "nb": "Valgt reduksjon ({percent} %) er utenfor håndbokens spenn for denne dosen ({low}-{high} %).",
    },
    "alert.reduction_twice": {
        "en": "The {percent} % reduction comes on top of the margin this target's factor already carries: the dose may be too low; consider no extra reduction.",
        "nb": "Reduksjonen på {percent} % kommer i tillegg til marginen faktoren for dette målet allerede har: dosen kan bli for lav; vurder å ikke redusere ekstra.",
    },
    "alert.high_dose": {
        "en": "High dose: {ome} oral morphine equivalent (at or above {threshold}). Risk of life-threatening overdose when switching: consider advice from a palliative care team.",
        "nb": "Høy dose: {ome} oral morfinekvivalent ({threshold} eller mer). Fare for livstruende overdose ved bytte: vurder råd fra palliativt team.",
    },
    "alert.ceiling_source": {
        "en": "The current {drug} dose ({dose}) is above its maximum daily dose ({limit}).",
        "nb": "Nåværende dose {drug} ({dose}) er over maksimal døgndose ({limit}).",
    },
    "alert.ceiling_target": {
        "en": "The equianalgesic {drug} dose ({dose}) is above its maximum daily dose ({limit}): {drug} is not suitable at this dose.",
        "nb": "Ekvianalgetisk dose {drug} ({dose}) er over maksimal døgndose ({limit}): {drug} passer ikke ved denne dosen.",
    },
    "alert.breakthrough_ceiling": {
        "en": "Breakthrough doses of {drug} count toward its maximum daily dose ({limit}), and the start leaves room for {room}: give no more than that as needed in a day, or ask the palliative care team for breakthrough doses of another opioid.",
        "nb": "Behovsdoser av {drug} teller med i største døgndose ({limit}), og startdosen gir rom for {room}: gi ikke mer enn det ved behov per døgn, eller spør palliativt team om behovsdoser av et annet opioid.",
    },
    "alert.avoid": {"en": "{drug}: {text}", "nb": "{drug}: {text}"},
    "alert.renal": {"en": "Renal function ({drug}): {text}", "nb": "Nyrefunksjon ({drug}): {text}"},
    "alert.renal_avoid": {
        "en": "Renal function (eGFR {egfr} given, band below {below}): {text}",
        "nb": "Nyrefunksjon (eGFR {egfr} oppgitt, bånd under {below}): {text}",
    },
    "alert.renal_reduce": {
        "en": "Renal function (eGFR {egfr} given, band below {below}): {text}",
        "nb": "Nyrefunksjon (eGFR {egfr} oppgitt, bånd under {below}): {text}",
    },
    "alert.renal_prefer": {
        "en": "Renal function (eGFR {egfr} given, band below {below}): {text}",
        "nb": "Nyrefunksjon (eGFR {egfr} oppgitt, bånd under {below}): {text}",
    },
    "alert.potency_gap": {
        "en": "{stronger} is {ratio} times as potent per unit: check the drug name and unit twice.",
        "nb": "{stronger} er {ratio} ganger så potent per enhet: kontroller legemiddelnavn og enhet to ganger.",
    },
    "alert.interval_changed": {
        "en": "No product sold gives a dose every {wanted} h that fits this start; it is given every {interval} h instead.",
        "nb": "Ingen preparat som selges gir en dose hver {wanted}. time som passer denne starten; den gis hver {interval}. time i stedet.",
    },
    "alert.breakthrough_below_step": {
        "en": "No practical breakthrough dose lies within the handbook's range for this start (the smallest dose is {step}): decide it with the responsible doctor.",
        "nb": "Ingen praktisk behovsdose ligger innenfor håndbokens spenn for denne starten (minste dose er {step}): avgjør den med ansvarlig lege.",
    },
    "alert.exemption": {
        "en": "{product} is not marketed in Norway and is had on exemption (godkjenningsfritak): check that it can be obtained in time.",
        "nb": "{product} er ikke markedsført i Norge og skaffes på godkjenningsfritak: sjekk at preparatet kan skaffes i tide.",
    },
    # --- where to turn after a refusal (the same for every refusal of that code) ------
    "where.nonlinear": {
        "en": "a palliative care team or a pain clinic",
        "nb": "palliativt team eller smerteklinikk",
    },
    "where.implausible": {
        "en": "check the dose and unit; if they are right, the palliative care team",
        "nb": "kontroller dose og enhet; stemmer de, palliativt team",
    },
    "where.too_small": {
        "en": "keep the current opioid; the palliative care team if unsure",
        "nb": "fortsett med nåværende opioid; palliativt team ved tvil",
    },
    "where.too_small_patch": {
        "en": "keep an oral or subcutaneous opioid; the palliative care team if unsure",
        "nb": "fortsett med et opioid peroralt eller subkutant; palliativt team ved tvil",
    },
    "where.too_large": {
        "en": "another drug or route (for example a pump) and the palliative care team",
        "nb": "et annet legemiddel eller en annen vei (for eksempel smertepumpe) og palliativt team",
    },
    "where.above_ceiling": {
        "en": "another opioid, and the palliative care team",
        "nb": "et annet opioid, og palliativt team",
    },
    "where.not_sold": {
        "en": "another route of this drug: `lindring drugs` lists them",
        "nb": "en annen vei for dette legemiddelet: `lindring drugs` viser dem",
    },
    "where.refused_route": {
        "en": "the product text's own titration, with the palliative care team",
        "nb": "preparatomtalens egen titrering, sammen med palliativt team",
    },
    "where.not_in_profile": {
        "en": "the default profile (the Norwegian table) or another profile; `lindring compare` shows which cover it",
        "nb": "standardprofilen (den norske tabellen) eller en annen profil; `lindring compare` viser hvilke som dekker den",
    },
    "where.refused_name": {
        "en": "write the full generic name; for transmucosal fentanyl, the product text's titration with the palliative care team",
        "nb": "skriv hele virkestoffnavnet; for transmukøst fentanyl, preparatomtalens titrering sammen med palliativt team",
    },
    "where.renal_avoid": {
        "en": "one of the opioids named, converted again with --egfr; the palliative care team",
        "nb": "et av opioidene som er nevnt, regnet om på nytt med --egfr; palliativt team",
    },
    "where.renal_avoid_all": {
        "en": "another route, or the palliative care team",
        "nb": "en annen vei, eller palliativt team",
    },
    "where.label": {"en": "Where to turn", "nb": "Hvor du kan henvende deg"},
    # --- refusals ---------------------------------------------------------------------
    "refusal.refused_route": {
        "en": "Not calculated: {drug} {route}. {text}",
        "nb": "Ikke beregnet: {drug} {route}. {text}",
    },
    "refusal.not_in_profile": {
        "en": "Not calculated: {drug} {route}. {text}",
        "nb": "Ikke beregnet: {drug} {route}. {text}",
    },
    "refusal.renal_avoid": {
        "en": "No start of {drug} suggested: the table advises avoiding {drug} at eGFR {egfr} (below {below}). Not advised against at this eGFR, {route}: {others}.",
        "nb": "Ingen startdose {drug} foreslått: tabellen fraråder {drug} ved eGFR {egfr} (under {below}). Ikke frarådet ved denne eGFR, {route}: {others}.",
    },
    "refusal.renal_avoid_all": {
        "en": "No start of {drug} suggested: the table advises avoiding {drug} at eGFR {egfr} (below {below}), and it advises against every other opioid by this route ({route}) too.",
        "nb": "Ingen startdose {drug} foreslått: tabellen fraråder {drug} ved eGFR {egfr} (under {below}), og den fraråder også alle andre opioider gitt {route}.",
    },
    "refusal.nonlinear": {
        "en": "Not calculated: {drug} cannot be converted with a fixed ratio. {text}",
        "nb": "Ikke beregnet: {drug} kan ikke regnes om med et fast forhold. {text}",
    },
    "refusal.implausible": {
        "en": "Not calculated: {ome} oral morphine equivalent is above the plausibility limit ({limit}). Check the dose and unit.",
        "nb": "Ikke beregnet: {ome} oral morfinekvivalent er over plausibilitetsgrensen ({limit}). Kontroller dose og enhet.",
    },
    "refusal.too_small": {
        "en": "No start suggested: the reduced dose, {target}, is below the smallest regimen of {drug} {route} that is sold ({smallest}, about {ome} oral morphine). Keep the current opioid, or choose a drug or route with smaller doses; ask the palliative care team if unsure.",
        "nb": "Ingen startdose foreslått: redusert dose, {target}, er under det minste regimet av {drug} {route} som selges ({smallest}, omtrent {ome} oral morfin). Fortsett med nåværende opioid, eller velg et legemiddel eller en vei med mindre doser; spør palliativt team ved tvil.",
    },
    "refusal.too_small_patch": {
        "en": "Too small for a patch: the calculated start is {target}, and the smallest {drug} patch, {smallest}, corresponds to about {ome} oral morphine. Stay on an oral or subcutaneous opioid until the dose is higher.",
        "nb": "For lite til plaster: beregnet start er {target}, og minste plaster med {drug}, {smallest}, tilsvarer omtrent {ome} oral morfin. Fortsett med et opioid peroralt eller subkutant til dosen er høyere.",
    },
    "refusal.too_large": {
        "en": "No start suggested: the reduced dose, {target}, is above the largest practical regimen of {drug} {route} sold ({largest}), which would start below what the handbook's reduction supports. Choose another drug or route (for example a pump), and ask the palliative care team.",
        "nb": "Ingen startdose foreslått: redusert dose, {target}, er over det største praktiske regimet av {drug} {route} som selges ({largest}), og det ville gitt en start under det reduksjonen i håndboken støtter. Velg et annet legemiddel eller en annen vei (for eksempel smertepumpe), og spør palliativt team.",
    },
    "refusal.above_ceiling": {
        "en": "No start suggested: the reduced dose, {target}, is above the maximum daily dose of {drug} ({limit}), so even the largest dose allowed would fall short of the starts the handbook's reduction supports. This dose does not suit {drug}: choose another opioid, and ask the palliative care team.",
        "nb": "Ingen startdose foreslått: redusert dose, {target}, er over største døgndose av {drug} ({limit}), så selv største tillatte dose blir lavere enn startdosene reduksjonen i håndboken støtter. Denne dosen passer ikke for {drug}: velg et annet opioid, og spør palliativt team.",
    },
    "refusal.not_sold": {
        "en": "No start suggested: no product of {drug} {route} is sold in Norway, so the table has this route as a source only. Choose another route.",
        "nb": "Ingen startdose foreslått: ingen preparat med {drug} {route} selges i Norge, så tabellen har denne veien bare som kilde. Velg en annen vei.",
    },
}
