"""Short forms of the working's steps and of the warnings, for the answer-first screen.

The default ``convert`` output gives each step on about one line at 80 columns; the
full sentences (``i18n.MESSAGES``) appear with ``--full`` and in ``--json``. A step
or warning without a short form here is shown in full. Same codes and placeholders
in both languages (tested like the full messages).
"""

from __future__ import annotations

from typing import Any

from lindring.i18n import MESSAGES, register, text

SHORT: dict[str, dict[str, str]] = {
    "short.step.source_bare": {
        "en": "{drug} {route} {dose}, no frequency: read as {daily}",
        "nb": "{drug} {route} {dose}, uten hyppighet: lest som {daily}",
    },
    "short.step.source_times": {
        "en": "{drug} {route} {dose}, {times} times per 24 h: {daily}",
        "nb": "{drug} {route} {dose}, {times} ganger per døgn: {daily}",
    },
    "short.step.source_per_hour": {
        "en": "{drug} {route} {dose}",
        "nb": "{drug} {route} {dose}",
    },
    "short.step.source_prn": {
        "en": "{drug} {route} {dose}, taken {times} times as needed: {daily}",
        "nb": "{drug} {route} {dose}, tatt {times} ganger ved behov: {daily}",
    },
    "short.step.source_per_24h": {
        "en": "{drug} {route} {daily}",
        "nb": "{drug} {route} {daily}",
    },
    "short.step.sum": {
        "en": "Oral morphine in total: {parts} = {ome}",
        "nb": "Oral morfin i alt: {parts} = {ome}",
    },
    "short.step.ome": {
        "en": "Oral morphine: {daily} x {factor} = {ome}",
        "nb": "Oral morfin: {daily} x {factor} = {ome}",
    },
    "short.step.ome_rate": {
        "en": "Oral morphine: {daily} x {factor} = {ome}",
        "nb": "Oral morfin: {daily} x {factor} = {ome}",
    },
    "short.step.target": {
        "en": "Equianalgesic: {ome} / {factor} = {result}",
        "nb": "Ekvianalgetisk: {ome} / {factor} = {result}",
    },
    "short.step.target_rate": {
        "en": "Equianalgesic: {ome} / {factor} = {result}",
        "nb": "Ekvianalgetisk: {ome} / {factor} = {result}",
    },
    "short.step.range": {
        "en": "Sources' range {low} to {high} (context only)",
        "nb": "Kildenes spenn {low} til {high} (kun til orientering)",
    },
    "short.step.route_ratio_down": {
        "en": "Same drug, new route: {daily} / {factor} = {result}",
        "nb": "Samme legemiddel, ny vei: {daily} / {factor} = {result}",
    },
    "short.step.route_ratio_up": {
        "en": "Same drug, new route: {daily} x {factor} = {result}",
        "nb": "Samme legemiddel, ny vei: {daily} x {factor} = {result}",
    },
    "short.step.equianalgesic_sum": {
        "en": "Equianalgesic in total: {parts} = {result}",
        "nb": "Ekvianalgetisk i alt: {parts} = {result}",
    },
    "short.step.reduction_drug_change": {
        "en": "Minus {percent} % for cross-tolerance (band {band_low}-{band_high} %): {result}",
        "nb": "Minus {percent} % for krysstoleranse (spenn {band_low}-{band_high} %): {result}",
    },
    "short.step.reduction_edge": {
        "en": "Minus {percent} % (at {threshold} or more, not below the start just under it): {result}",
        "nb": "Minus {percent} % (ved {threshold} eller mer, ikke under startdosen like under): {result}",
    },
    "short.step.reduction_part_drug_change": {
        "en": "Minus {percent} % on the part from another drug: {result}",
        "nb": "Minus {percent} % på delen fra et annet legemiddel: {result}",
    },
    "short.step.reduction_route_change": {
        "en": "Same drug, new route: no reduction (consider {band_low}-{band_high} %): {result}",
        "nb": "Samme legemiddel, ny vei: ingen reduksjon (vurder {band_low}-{band_high} %): {result}",
    },
    "short.step.reduction_same": {
        "en": "Same drug and route: {result}",
        "nb": "Samme legemiddel og vei: {result}",
    },
    "short.step.reduction_included": {
        "en": "No reduction: the patch factor carries the margin: {result}",
        "nb": "Ingen reduksjon: plasterfaktoren har marginen: {result}",
    },
    "short.step.reduction_override": {
        "en": "Minus {percent} %, chosen with --reduce (band {band_low}-{band_high} %): {result}",
        "nb": "Minus {percent} %, valgt med --reduce (spenn {band_low}-{band_high} %): {result}",
    },
    "short.step.regimen": {
        "en": "Start: {dose} every {interval} h = {result} (largest sold at or below)",
        "nb": "Start: {dose} hver {interval}. time = {result} (største som selges, ikke over)",
    },
    "short.step.regimen_up": {
        "en": "Start: {dose} every {interval} h = {result} (next one up, within the band)",
        "nb": "Start: {dose} hver {interval}. time = {result} (neste over, innenfor spennet)",
    },
    "short.step.regimen_infusion": {
        "en": "Start: {result} as a continuous infusion ({target} calculated)",
        "nb": "Start: {result} som kontinuerlig infusjon ({target} beregnet)",
    },
    "short.step.patch": {
        "en": "Patch {labels} = {rate} ({exact} rounded down to strengths sold)",
        "nb": "Plaster {labels} = {rate} ({exact} rundet ned til styrker som selges)",
    },
    "short.step.patch_up": {
        "en": "Patch {labels} = {rate} ({exact}; next one up, within the band)",
        "nb": "Plaster {labels} = {rate} ({exact}; neste over, innenfor spennet)",
    },
    "short.step.pump": {
        "en": "Pump at {rate} ml/h = {result} ({target} calculated)",
        "nb": "Smertepumpe på {rate} ml/time = {result} ({target} beregnet)",
    },
    "short.step.breakthrough": {
        "en": "Breakthrough: {fraction} of {daily} = {exact}; given as {dose}",
        "nb": "Behovsdose: {fraction} av {daily} = {exact}; gis som {dose}",
    },
    "short.step.breakthrough_patch": {
        "en": "Breakthrough: {fraction} of the patch's oral morphine as {drug} {route}: {dose}",
        "nb": "Behovsdose: {fraction} av plasterets orale morfin som {drug} {route}: {dose}",
    },
    "short.step.breakthrough_pump": {
        "en": "Breakthrough: the pump's bolus, {fraction} of {daily}: {dose}",
        "nb": "Behovsdose: pumpens bolus, {fraction} av {daily}: {dose}",
    },
    "short.alert.bare_dose_is_daily": {
        "en": "No frequency given: read as {daily}. Twice a day? Add x2.",
        "nb": "Ingen hyppighet oppgitt: lest som {daily}. To ganger daglig? Skriv x2.",
    },
    "short.alert.high_dose": {
        "en": "High dose ({ome} oral morphine): risk of overdose when switching; ask the palliative care team.",
        "nb": "Høy dose ({ome} oral morfin): fare for overdose ved bytte; spør palliativt team.",
    },
    "short.alert.potency_gap": {
        "en": "{stronger} is {ratio} times as potent per unit: check name and unit twice.",
        "nb": "{stronger} er {ratio} ganger så potent per enhet: kontroller navn og enhet to ganger.",
    },
    "short.step.patient_renal": {
        "en": "eGFR {egfr}: minus {percent} % in all instead of {own} %: {result}",
        "nb": "eGFR {egfr}: minus {percent} % i alt i stedet for {own} %: {result}",
    },
    "short.step.patient_frail": {
        "en": "Frail or elderly: minus {percent} % in all instead of {own} %: {result}",
        "nb": "Skrøpelig eller eldre: minus {percent} % i alt i stedet for {own} %: {result}",
    },
    "short.alert.breakthrough_ceiling": {
        "en": "Breakthrough doses count toward the {limit} maximum of {drug}; the start leaves {room}.",
        "nb": "Behovsdoser teller med i største døgndose av {drug} ({limit}); startdosen gir rom for {room}.",
    },
    "short.alert.to_patch": {
        "en": "To the patch: {brief}",
        "nb": "Til plaster: {brief}",
    },
    "short.alert.from_patch": {
        "en": "From the patch: {brief}",
        "nb": "Fra plaster: {brief}",
    },
    "short.alert.renal": {
        "en": "Renal function: for {drug}, --egfr N gives the table's advice.",
        "nb": "Nyrefunksjon: for {drug} gir --egfr N tabellens råd.",
    },
}


def short(kind: str, code: str, lang: str, params: dict[str, Any]) -> str:
    """The short form of a step or alert (``kind``: ``step`` or ``alert``), else the full one."""
    key = f"short.{kind}.{code}"
    if key not in MESSAGES:
        key = f"{kind}.{code}"
    return text(key, lang, **params)


register(SHORT)
