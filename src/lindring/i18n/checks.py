"""Messages of ``lindring check`` (the failures and notes of its own checks) and the
words of the ``check`` and ``diff`` reports, in both languages, registered with
:mod:`lindring.i18n`. Drug, route and key names in them stay as the table writes them."""

from __future__ import annotations

from lindring.i18n import register

MESSAGES: dict[str, dict[str, str]] = {
    # --- pairs and round trips --------------------------------------------------------
    "check.no_reference": {
        "en": "no reference (morphine po) to convert through",
        "nb": "ingen referanse (morphine po) å regne om gjennom",
    },
    "check.no_probe_dose": {
        "en": "no dose to try: {error}",
        "nb": "ingen dose å prøve med: {error}",
    },
    "check.crashed": {
        "en": "failed with {error}: {detail}",
        "nb": "feilet med {error}: {detail}",
    },
    "check.error_raised": {
        "en": "refused with {refusal}: {message}",
        "nb": "avvist med {refusal}: {message}",
    },
    "check.expected_refusal": {
        "en": "expected the refusal {expected}, got {got}",
        "nb": "forventet avvisningen {expected}, fikk {got}",
    },
    "check.expected_refusal_got_result": {
        "en": "expected the refusal {expected}, got a result",
        "nb": "forventet avvisningen {expected}, fikk et resultat",
    },
    "check.refused": {"en": "refused ({refusal})", "nb": "avvist ({refusal})"},
    "check.no_result": {"en": "returned no result", "nb": "ga ikke noe resultat"},
    "check.outside_range": {
        "en": "equianalgesic {value} outside its range {low}-{high}",
        "nb": "den ekvianalgetiske dosen {value} er utenfor spennet {low}-{high}",
    },
    "check.round_trip_changed": {
        "en": "the dose {start} came back as {end}",
        "nb": "dosen {start} kom tilbake som {end}",
    },
    # --- patches ----------------------------------------------------------------------
    "check.strengths_not_rising": {
        "en": "strengths do not rise",
        "nb": "styrkene stiger ikke",
    },
    "check.strength_unreachable": {
        "en": "a strength sold cannot be typed or suggested",
        "nb": "en styrke som selges, kan ikke skrives inn eller foreslås",
    },
    "check.patches_short": {
        "en": "{count} patches of {largest} do not reach max_rate {top}",
        "nb": "{count} plastre på {largest} når ikke opp til max_rate {top}",
    },
    "check.patch_falls": {
        "en": "{ome} mg OME gives {rate} microgram/h, less than a lower dose",
        "nb": "{ome} mg OME gir {rate} mikrogram/time, mindre enn en lavere dose gir",
    },
    "check.note_sold_above_max": {
        "en": "sold but above max_rate {top}: a suggestion above max_rate carries the "
        "patch_above_max warning",
        "nb": "selges, men ligger over max_rate {top}: et forslag over max_rate får "
        "advarselen patch_above_max",
    },
    # --- route ratios and the start-dose sweep ----------------------------------------
    "check.ratio_disagrees": {
        "en": "the route ratio is {ratio}, but the factors give {implied} "
        "({second_route} {second} / {first_route} {first} per mg)",
        "nb": "forholdstallet mellom veiene er {ratio}, men faktorene gir {implied} "
        "({second_route} {second} / {first_route} {first} per mg)",
    },
    "check.no_route_ratio": {
        "en": "no route ratio relates {old} and {new}: add one with its source",
        "nb": "ingen forholdstall knytter {old} og {new} sammen: legg til ett, med kilde",
    },
    "check.ratio_not_inverse": {
        "en": "does not return the dose",
        "nb": "gir ikke samme dose tilbake",
    },
    "check.start_too_small": {
        "en": "at {ome} mg OME: too small for any regimen, though a lower dose had a start",
        "nb": "ved {ome} mg OME: for lite for alle regimer, selv om en lavere dose fikk en start",
    },
    "check.start_nothing": {
        "en": "at {ome} mg OME: a plan of nothing",
        "nb": "ved {ome} mg OME: en plan uten dose",
    },
    "check.start_above": {
        "en": "at {ome} mg OME: start {start} above the equianalgesic {dose}",
        "nb": "ved {ome} mg OME: starten {start} er over den ekvianalgetiske dosen {dose}",
    },
    "check.start_falls": {
        "en": "at {ome} mg OME: start {start} {unit} is smaller than {previous} at a lower dose",
        "nb": "ved {ome} mg OME: starten {start} {unit} er mindre enn {previous} ved en "
        "lavere dose",
    },
    "check.start_low": {
        "en": "at {ome} mg OME: start is only {ratio} x the equianalgesic dose",
        "nb": "ved {ome} mg OME: starten er bare {ratio} x den ekvianalgetiske dosen",
    },
    "check.more_not_shown": {
        "en": "more failures not shown",
        "nb": "flere feil vises ikke",
    },
    "check.note_least_drug_change": {
        "en": "smallest start for a change of drug: {ratio} x equianalgesic "
        "({where} at {ome} mg OME)",
        "nb": "minste start ved bytte av legemiddel: {ratio} x ekvianalgetisk dose "
        "({where} ved {ome} mg OME)",
    },
    "check.note_least_route_change": {
        "en": "smallest start for a route change: {ratio} x equianalgesic "
        "({where} at {ome} mg OME)",
        "nb": "minste start ved bytte av vei: {ratio} x ekvianalgetisk dose "
        "({where} ved {ome} mg OME)",
    },
    # --- the table read without converting --------------------------------------------
    "check.no_route": {
        "en": "no route with a factor, so it can never be converted",
        "nb": "ingen vei med faktor, så det kan aldri regnes om",
    },
    "check.route_unused": {
        "en": "route {route}: no drug has a factor or a refusal for it",
        "nb": "veien {route}: ingen legemidler har faktor eller avvisning for den",
    },
    "check.ceiling_needs_daily": {
        "en": "a ceiling in mg/24h needs a route dosed per 24 h, not only a patch rate",
        "nb": "en maksimal døgndose i mg/24h trenger en vei som doseres per døgn, ikke bare "
        "en plasterrate",
    },
    "check.ceiling_below_step": {
        "en": "the ceiling {value} mg/24h is below one dose step ({step} mg)",
        "nb": "den maksimale døgndosen {value} mg/24h er under ett dosetrinn ({step} mg)",
    },
    "check.ceiling_implausible": {
        "en": "the ceiling is {ome} mg OME/24h, above the plausibility limit {limit}: "
        "is its unit mg/24h?",
        "nb": "den maksimale døgndosen er {ome} mg OME/24h, over plausibilitetsgrensen "
        "{limit}: er enheten mg/24h?",
    },
    "check.name_not_alone": {
        "en": "'{name}' does not lead to {key} alone",
        "nb": "«{name}» fører ikke til {key} alene",
    },
    "check.name_elsewhere": {
        "en": "'{name}' does not lead to {key}",
        "nb": "«{name}» fører ikke til {key}",
    },
    "check.route_name_elsewhere": {
        "en": "route '{name}' does not lead to {key}",
        "nb": "veinavnet «{name}» fører ikke til {key}",
    },
    "check.unsourced": {
        "en": "a number without a source",
        "nb": "et tall uten kilde",
    },
    "check.source_undefined": {
        "en": "source id '{source}' is cited but not defined",
        "nb": "kilde-id-en «{source}» er sitert, men ikke definert",
    },
    "check.source_uncited": {
        "en": "source '{source}' is defined but cited nowhere (table or profiles): "
        "cite or remove it",
        "nb": "kilden «{source}» er definert, men sitert ingen steder (tabellen eller "
        "profilene): siter den eller fjern den",
    },
    # --- version ----------------------------------------------------------------------
    "check.no_changelog": {
        "en": "table.changelog is missing: add an entry for {version}",
        "nb": "table.changelog mangler: legg til en oppføring for {version}",
    },
    "check.version_not_raised": {
        "en": "{count} number(s) changed since HEAD ({changes}) but table.version is still "
        "{version}: raise it and add a changelog entry (lindring diff HEAD)",
        "nb": "{count} tall er endret siden HEAD ({changes}), men table.version er fortsatt "
        "{version}: øk den og legg til en oppføring i changelog (lindring diff HEAD)",
    },
    "check.version_not_raised_more": {
        "en": "{count} number(s) changed since HEAD ({changes} and {more} more) but "
        "table.version is still {version}: raise it and add a changelog entry "
        "(lindring diff HEAD)",
        "nb": "{count} tall er endret siden HEAD ({changes} og {more} til), men "
        "table.version er fortsatt {version}: øk den og legg til en oppføring i changelog "
        "(lindring diff HEAD)",
    },
    "check.version_below": {
        "en": "table.version {version} is below HEAD's {head}",
        "nb": "table.version {version} er lavere enn {head} i HEAD",
    },
    # --- notes ------------------------------------------------------------------------
    "check.note_no_profiles": {"en": "no profiles", "nb": "ingen profiler"},
    "check.note_skipped": {"en": "skipped", "nb": "hoppet over"},
    "check.note_no_git": {"en": "not compared with git", "nb": "ikke sammenlignet med git"},
    "check.note_no_git_because": {
        "en": "not compared with git: {reason}",
        "nb": "ikke sammenlignet med git: {reason}",
    },
    "check.note_head_invalid": {
        "en": "the committed table does not load",
        "nb": "tabellen i HEAD kan ikke lastes",
    },
    "check.note_unchanged": {
        "en": "no numbers changed since HEAD",
        "nb": "ingen tall er endret siden HEAD",
    },
    "check.note_no_chapters": {"en": "no chapters yet", "nb": "ingen kapitler ennå"},
    # --- the check and validate reports -----------------------------------------------
    "view.valid": {"en": "{files} file(s) valid", "nb": "{files} fil(er) gyldige"},
    "view.problems": {
        "en": "{errors} problem(s), {warnings} warning(s) in {files} file(s)",
        "nb": "{errors} feil og {warnings} advarsel/advarsler i {files} fil(er)",
    },
    "view.check": {"en": "check", "nb": "kontroll"},
    "view.passed": {"en": "passed", "nb": "bestått"},
    "view.failed": {"en": "failed", "nb": "feilet"},
    "view.result": {"en": "result", "nb": "resultat"},
    "view.skipped": {"en": "skipped", "nb": "hoppet over"},
    "view.FAILED": {"en": "FAILED", "nb": "FEILET"},
    "view.ok": {"en": "ok", "nb": "ok"},
    "view.failures": {"en": "{n} failure(s)", "nb": "{n} feil"},
    "view.in": {"en": "{verdict} in {seconds} s", "nb": "{verdict} på {seconds} s"},
    # --- the diff report --------------------------------------------------------------
    "diff.head": {
        "en": "lindring diff: {old} ({old_version}) → {new} ({new_version}); {n} panel conversions",
        "nb": "lindring diff: {old} ({old_version}) → {new} ({new_version}); "
        "{n} omregninger i panelet",
    },
    "diff.changing": {
        "en": "Conversions that change (largest increase first)",
        "nb": "Omregninger som endres (største økning først)",
    },
    "diff.conversion": {"en": "conversion", "nb": "omregning"},
    "diff.suggested": {"en": "suggested start", "nb": "foreslått start"},
    "diff.change": {"en": "change", "nb": "endring"},
    "diff.equianalgesic": {"en": "equianalgesic", "nb": "ekvianalgetisk"},
    "diff.per_24h": {"en": "/24h", "nb": "/døgn"},
    "diff.from_zero": {"en": "from 0", "nb": "fra 0"},
    "diff.not_in_table": {"en": "not in the table", "nb": "ikke i tabellen"},
    "diff.refused": {"en": "refused ({refusal})", "nb": "avvist ({refusal})"},
    "diff.lost": {"en": "No longer possible ({n}):", "nb": "Ikke lenger mulig ({n}):"},
    "diff.gained": {"en": "Now possible ({n}):", "nb": "Nå mulig ({n}):"},
    "diff.fields": {"en": "Changed in the table", "nb": "Endret i tabellen"},
    "diff.kind": {"en": "kind", "nb": "type"},
    "diff.key": {"en": "key", "nb": "nøkkel"},
    "diff.old": {"en": "old", "nb": "gammel"},
    "diff.new": {"en": "new", "nb": "ny"},
    "diff.none": {"en": "No differences.", "nb": "Ingen forskjeller."},
    "diff.working_copy": {"en": "working copy", "nb": "arbeidskopi"},
}

register(MESSAGES)
