"""The pump's sentences in both languages (registered with lindring.i18n)."""

from __future__ import annotations

from lindring.i18n import register

MESSAGES: dict[str, dict[str, str]] = {
    "pump_values": {
        "en": "the pump needs a dose above 0, at least one day and a volume above 0 ml",
        "nb": "pumpen trenger en dose over 0, minst ett døgn og et volum over 0 ml",
    },
    "pump_missing": {
        "en": "the table has no pump section: lindring cannot plan a pump with it",
        "nb": "tabellen mangler pumpedelen: lindring kan ikke planlegge en pumpe med den",
    },
    "pump_drug": {
        "en": "{drug} cannot go in the pump: a subcutaneous or intravenous opioid with injection strengths in the table is needed ({drugs})",
        "nb": "{drug} kan ikke brukes i pumpen: det trengs et subkutant eller intravenøst opioid med injeksjonsstyrker i tabellen ({drugs})",
    },
    "pump_route": {
        "en": "the pump takes the subcutaneous or intravenous dose, not {drug} {route}: convert first, e.g. lindring convert {command}",
        "nb": "pumpen tar den subkutane eller intravenøse dosen, ikke {drug} {route}: regn om først, f.eks. lindring convert {command}",
    },
    "pump_target": {
        "en": "--pump needs a subcutaneous or intravenous target; {drug} by this route is not given by pump",
        "nb": "--pump krever et subkutant eller intravenøst mål; {drug} gis ikke i pumpe ved denne veien",
    },
    "pump_dose": {
        "en": "'{text}': give the pump dose per 24 hours, e.g. 30 mg/24h",
        "nb": "«{text}»: oppgi pumpedosen per døgn, f.eks. 30 mg/døgn",
    },
    "pump_unknown_drug": {
        "en": "'{name}' is not a drug lindring can add to the pump: {names}",
        "nb": "«{name}» er ikke et legemiddel lindring kan legge i pumpen: {names}",
    },
    "pump_add": {
        "en": "--add '{text}': write a drug and its dose per 24 hours, e.g. --add \"midazolam 10mg/24h\"",
        "nb": '--add «{text}»: skriv legemiddel og døgndose, f.eks. --add "midazolam 10mg/døgn"',
    },
    "pump_option_volume": {
        "en": "--volume '{text}': write the reservoir volume in ml, e.g. 100",
        "nb": "--volume «{text}»: skriv reservoarvolumet i ml, f.eks. 100",
    },
    "pump_option_concentration": {
        "en": "--concentration '{text}': write the opioid's concentration in mg/ml, e.g. 5 mg/ml",
        "nb": "--concentration «{text}»: skriv opioidets konsentrasjon i mg/ml, f.eks. 5 mg/ml",
    },
    "pump_option_days": {
        "en": "--days {days}: the reservoir must last 1 day or more",
        "nb": "--days {days}: reservoaret må vare 1 døgn eller mer",
    },
    "pump_option_bolus": {
        "en": "--bolus '{text}': write the fraction of the daily dose, 1/6 or 1/10",
        "nb": "--bolus «{text}»: skriv andelen av døgndosen, 1/6 eller 1/10",
    },
    "pump_concentration_strong": {
        "en": "the concentration is so strong that the rate would be below the pump's smallest step ({step} ml/h): choose a weaker concentration",
        "nb": "konsentrasjonen er så sterk at hastigheten blir under pumpens minste trinn ({step} ml/t): velg en svakere konsentrasjon",
    },
    "pump_days_long": {
        "en": "{volume} ml spread over {days} days is below the pump's smallest rate step: choose fewer days (--days)",
        "nb": "{volume} ml fordelt på {days} døgn blir under pumpens minste hastighetstrinn: velg færre døgn (--days)",
    },
    "pump_volume_small": {
        "en": "the reservoir ({volume} ml) cannot hold {need} ml for {days} days at this concentration: choose fewer days (--days), a larger volume (--volume) or a stronger concentration",
        "nb": "reservoaret ({volume} ml) rommer ikke {need} ml for {days} døgn med denne konsentrasjonen: velg færre døgn (--days), større volum (--volume) eller sterkere konsentrasjon",
    },
    "pump_cannot_hold": {
        "en": "the drugs need {need} ml but the reservoir holds {fill} ml even with the strongest {drug} injection: choose fewer days (--days), a larger volume (--volume) or a stronger opioid per ml{alternative}",
        "nb": "legemidlene trenger {need} ml, men reservoaret rommer {fill} ml selv med sterkeste {drug}-injeksjon: velg færre døgn (--days), større volum (--volume) eller et opioid som er sterkere per ml{alternative}",
    },
    "pump_others_too_much": {
        "en": "the drugs added to the opioid ({drugs}) need {need} ml by themselves, but the reservoir holds {fill} ml: choose fewer days (--days), a larger volume (--volume) or lower doses",
        "nb": "legemidlene som er lagt til opioidet ({drugs}), trenger {need} ml alene, men reservoaret rommer {fill} ml: velg færre døgn (--days), større volum (--volume) eller lavere doser",
    },
    "pump_too_little": {
        "en": "the amount of {drug} is below what can be drawn up ({step} ml): a pump is not suitable for such a small dose",
        "nb": "mengden {drug} er under det som kan trekkes opp ({step} ml): pumpe passer ikke for så liten dose",
    },
    "pump_bolus_fraction": {
        "en": "--bolus must be one of {choices}",
        "nb": "--bolus må være en av {choices}",
    },
    "alert.pump_rate_high": {
        "en": "The rate ({rate} ml/h) is above {limit} ml/h for subcutaneous infusion: use a stronger concentration{alternative}.",
        "nb": "Hastigheten ({rate} ml/t) er over {limit} ml/t for subkutan infusjon: bruk sterkere konsentrasjon{alternative}.",
    },
    "alert.pump_many_ampoules": {
        "en": "{drug} needs {n} ampoules (more than {limit}): use a stronger injection if there is one.",
        "nb": "{drug} krever {n} ampuller (flere enn {limit}): bruk sterkere injeksjon om den finnes.",
    },
    "alert.pump_rounding_loss": {
        "en": "Rounding the rate down leaves {delivered} mg per 24 h of the {asked} mg asked for: choose a weaker concentration so the rate can be set more finely.",
        "nb": "Nedrunding av hastigheten gir {delivered} mg per døgn av {asked} mg som var bedt om: velg svakere konsentrasjon så hastigheten kan settes finere.",
    },
    "alert.pump_bolus_small": {
        "en": "The bolus volume is below the pump's bolus step ({step} ml): set the bolus with the responsible doctor.",
        "nb": "Bolusvolumet er under pumpens bolustrinn ({step} ml): bestem bolus sammen med ansvarlig lege.",
    },
    "alert.pump_mixture": {
        "en": "The reservoir holds a mixture ({names}): every bolus also gives the other drugs. Check with the pharmacy that the mixture is compatible.",
        "nb": "Reservoaret inneholder en blanding ({names}): hver bolus gir også de andre legemidlene. Kontroller med apoteket at blandingen er forlikelig.",
    },
}

register(MESSAGES)
