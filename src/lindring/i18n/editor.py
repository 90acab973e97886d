"""Messages of the editors' commands (validate, check, diff, compare, --profile), in
both languages, registered with :mod:`lindring.i18n`."""

from __future__ import annotations

from lindring.i18n import register

MESSAGES: dict[str, dict[str, str]] = {
    "profile_unknown": {
        "en": "no profile '{name}'. Profiles: {profiles}.",
        "nb": "ingen profil «{name}». Profiler: {profiles}.",
    },
    "profile_invalid": {
        "en": "the profile is invalid (problems found: {count}); nothing was converted",
        "nb": "profilen er ugyldig (feil funnet: {count}); ingenting ble regnet om",
    },
    "revision_unreadable": {
        "en": "cannot read {what}: not a file, a directory with {file}, or a git revision ({reason})",
        "nb": "kan ikke lese {what}: verken en fil, en mappe med {file} eller en git-revisjon ({reason})",
    },
    "validate_nothing": {
        "en": "nothing to validate in {paths}: give table files, profiles, tables/ or handbook/",
        "nb": "ingenting å validere i {paths}: oppgi tabellfiler, profiler, tables/ eller handbook/",
    },
    "profile_lacks_drug": {
        "en": "this guideline's table has no drug '{name}'",
        "nb": "tabellen til denne retningslinjen har ikke legemiddelet «{name}»",
    },
    "compare_disagree": {
        "en": "The guidelines disagree by more than 25 %: {what}.",
        "nb": "Retningslinjene er uenige med mer enn 25 %: {what}.",
    },
    "refusal.lookup_outside": {
        "en": "Not calculated: the published table for {drug} {route} runs from {low} to {high} microgram/h ({ome_low} to {ome_high} mg oral morphine per 24 h), and this dose is outside it. The table is not extended beyond its own rows.",
        "nb": "Ikke regnet ut: den publiserte tabellen for {drug} {route} går fra {low} til {high} mikrogram/time ({ome_low} til {ome_high} mg peroral morfin per døgn), og denne dosen ligger utenfor. Tabellen forlenges ikke utover sine egne rader.",
    },
    "where.lookup_outside": {
        "en": "the default profile (the Norwegian table), or the palliative care team",
        "nb": "standardprofilen (den norske tabellen), eller palliativt team",
    },
    "compare_refused": {
        "en": "every profile refused this conversion: {text}",
        "nb": "alle profilene avviste denne omregningen: {text}",
    },
}

register(MESSAGES)
