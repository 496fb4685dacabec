#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Deterministic benchmark corpus: N news-like articles in Italian and English.

Each article has the shape of the samples/ articles: a headline, a blank line, then five to
seven paragraphs of one to three sentences, sometimes a boilerplate line ("Leggi anche:",
"Read more:"). Sentences come from templates written for this benchmark, with slots for
people, states, organisations, weapons, places, numbers and dates. Names are drawn from the
bundled gazetteer (ontology/gazetteer/*.json, in the article's language) and from a pool of
generated names (a given name from ontology/languages/*.json plus a made-up surname;
"Istituto X" / "X Institute"; "Porto X" / "Port X") whose size grows with N, so the
graph grows with the corpus as a real news stream's does.

The same (N, seed) always gives byte-identical files. Articles are about 1.5 KB each, so
100,000 documents take about 150 MB.

usage: gen_corpus.py N [--out DIR] [--seed S] [--force]
  writes DIR (default bench/corpus/N) with files NNN/it-NNNNNN.txt, 1,000 per folder, and
  DIR/.complete holding the parameters (an existing complete corpus is kept unless --force).
"""
import argparse
import bisect
import itertools
import json
import os
import random
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
VERSION = 3  # bump when the templates change, so old corpora are regenerated

# --- templates -----------------------------------------------------------------------------
# Slots: {P} {P2} person, {S} {S2} state, {SA}/{SA2} state demonym adjective, {O} organisation,
# {W} weapon (plural form where the language has one), {L} {L2} place, {N} a number,
# {D} a date, {R} a role phrase, {Y} a year.

IT = {
    "headlines": [
        "{S} e {S2} firmano a {L} un nuovo accordo di cooperazione",
        "{P} in visita a {L}: colloqui con {P2}",
        "{O}: {S} avrebbe fornito {W} a {S2}",
        "Sanzioni contro {S}, il veto di {S2} al Consiglio di sicurezza",
        "{P} incontra {P2} a {L}",
        "Tensione tra {S} e {S2} dopo il lancio di {W}",
    ],
    "sentences": [
        "Il presidente {SA} {P} ha incontrato il {D} a {L} il leader {SA2} {P2}.",
        "{P} e {P2} hanno firmato il {D} a {L} un trattato di partenariato strategico tra {S} e {S2}.",
        "Secondo {O}, {S} avrebbe fornito a {S2} circa {N} {W} nel corso del {Y}.",
        "Il ministro degli Esteri {SA} {P} si è recato a {L} per una visita di due giorni.",
        "{S} ha posto il veto alla risoluzione presentata da {S2} al Consiglio di sicurezza dell'ONU.",
        "{P} ha dichiarato che {S} sostiene pienamente {S2} nella crisi in corso.",
        "Le forze armate di {S} hanno lanciato {N} {W} verso {L} il {D}.",
        "{S} ha inviato circa {N} soldati in {L}, secondo fonti dell'intelligence di {S2}.",
        "{O} ha annunciato nuove sanzioni contro {S} dopo il test di {W}.",
        "Il {D} {P} è arrivato a {L}, dove è stato accolto da {P2}.",
        "{S} ha negato di aver ricevuto {W} da {S2}.",
        "I colloqui tra {P} e {P2} si sono svolti a porte chiuse a {L}.",
        "Il portavoce di {O} {P} ha definito l'accordo «un passo storico».",
        "{S} e {S2} hanno rafforzato la cooperazione militare, ha riferito {O}.",
        "Nel {Y} {S} aveva già firmato con {S2} un memorandum sulla sicurezza energetica.",
        "Un analista di {O} ha spiegato che {S} cerca {W} per il fronte, mentre {S2} chiede tecnologie avanzate.",
        "{P}, capo della delegazione di {S}, ha incontrato a {L} una delegazione di {O}.",
        "La visita di {P} a {L} segue di {N} giorni quella di {P2} a {L2}.",
        "{S} sospetta {S2} di aver trasferito {W} a gruppi armati nella regione di {L}.",
        "Il premier {SA} {P} ha condannato l'attacco che ha colpito {L} il {D}.",
    ],
    "filler": [
        "La notizia è stata diffusa dall'agenzia di stampa ufficiale nella tarda serata.",
        "Non è stato reso noto il contenuto completo del documento.",
        "La cerimonia si è svolta davanti a una folla di residenti, molti dei quali giovani.",
        "Fonti diplomatiche parlano di un clima disteso e di una lunga cena di lavoro.",
        "Gli osservatori ritengono che l'intesa possa cambiare gli equilibri della regione.",
        "Il testo prevede assistenza reciproca in caso di aggressione armata.",
        "Nei giorni precedenti erano circolate indiscrezioni sui tempi della visita.",
        "I mercati hanno reagito con cautela all'annuncio.",
        "Resta da capire come verranno applicate le nuove misure.",
        "Le immagini trasmesse dalla televisione di Stato mostrano strade imbandierate.",
        "Il governo ha convocato una riunione straordinaria per lunedì prossimo.",
        "La questione sarà discussa anche al prossimo vertice internazionale.",
    ],
    "boilerplate": ["Leggi anche: {P} parla di un futuro di cooperazione", "Riproduzione riservata"],
    "months": ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto",
               "settembre", "ottobre", "novembre", "dicembre"],
    "date": "{d} {m} {y}",
    "number_sep": ".",
    "org_novel": ["Istituto {X}", "Agenzia {X}", "Fondazione {X}", "Centro studi {X}"],
    "place_novel": ["{X}", "Porto {X}", "San {X}"],
}

EN = {
    "headlines": [
        "{S} and {S2} sign new cooperation pact in {L}",
        "{P} visits {L} for talks with {P2}",
        "{O} says {S} supplied {W} to {S2}",
        "{S2} vetoes sanctions on {S} at the Security Council",
        "{P} meets {P2} in {L}",
        "Tension between {S} and {S2} after launch of {W}",
    ],
    "sentences": [
        "{SA} President {P} met {SA2} leader {P2} in {L} on {D}.",
        "{P} and {P2} signed a strategic partnership treaty between {S} and {S2} in {L} on {D}.",
        "According to {O}, {S} supplied about {N} {W} to {S2} during {Y}.",
        "{SA} Foreign Minister {P} travelled to {L} for a two-day visit.",
        "{S} vetoed the resolution tabled by {S2} at the UN Security Council.",
        "{P} said that {S} fully supports {S2} in the current crisis.",
        "The armed forces of {S} launched {N} {W} towards {L} on {D}.",
        "{S} has sent some {N} troops to {L}, according to intelligence sources in {S2}.",
        "{O} announced new sanctions against {S} after the test of {W}.",
        "On {D} {P} arrived in {L}, where he was received by {P2}.",
        "{S} denied receiving {W} from {S2}.",
        "The talks between {P} and {P2} in {L} were held behind closed doors.",
        "A spokesman for {O}, {P}, called the agreement a historic step.",
        "{S} and {S2} have stepped up military cooperation, {O} reported.",
        "In {Y} {S} had already signed a memorandum on energy security with {S2}.",
        "An analyst at {O} said that {S} needs {W} for the front, while {S2} wants advanced technology.",
        "{P}, head of the {SA} delegation, met a delegation of {O} in {L}.",
        "The visit of {P} to {L} comes {N} days after that of {P2} to {L2}.",
        "{S} suspects {S2} of transferring {W} to armed groups in {L}.",
        "{SA} Prime Minister {P} condemned the strike that hit {L} on {D}.",
    ],
    "filler": [
        "The news was released by the official news agency late in the evening.",
        "The full text of the document has not been made public.",
        "The ceremony took place in front of a crowd of residents, many of them young.",
        "Diplomatic sources described a relaxed atmosphere and a long working dinner.",
        "Observers believe the deal could shift the balance of power in the region.",
        "The text provides for mutual assistance in the event of armed aggression.",
        "Reports about the timing of the visit had circulated in the days before.",
        "Markets reacted cautiously to the announcement.",
        "It remains unclear how the new measures will be applied.",
        "Footage broadcast by state television showed streets decked with flags.",
        "The government has called an extraordinary meeting for next Monday.",
        "The issue will also be discussed at the next international summit.",
    ],
    "boilerplate": ["Read more: {P} speaks of a future of cooperation", "Back to top"],
    "months": ["January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December"],
    "date": "{d} {m} {y}",
    "number_sep": ",",
    "org_novel": ["{X} Institute", "{X} Agency", "{X} Foundation", "{X} Center"],
    "place_novel": ["{X}", "Port {X}", "{X} City"],
}

SYLLABLES = ["ka", "lo", "ren", "vi", "mar", "to", "sha", "ne", "dri", "ko", "ba", "lan", "zu",
             "mi", "tor", "ve", "sel", "an", "go", "ri", "pe", "nov", "da", "ski", "ler", "hu",
             "min", "os", "ta", "bek", "ra", "chen", "el", "fi", "mo", "ya"]


def load_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def aliases_for(record, lang):
    names = list(record.get("aliases", {}).get(lang, [])) + list(record.get("aliases", {}).get("*", []))
    if not names and record.get("label"):
        names = [record["label"]]
    return names


class Gazetteer:
    """Surface forms per class and language, from the bundled ontology."""

    def __init__(self, ontology):
        self.by = {}  # (type, lang) -> [names]
        self.demonyms = {}  # lang -> [adjectives]
        seen_state_ids = set()
        files = sorted(os.listdir(os.path.join(ontology, "gazetteer")))
        for fn in files:
            if not fn.endswith(".json"):
                continue
            for rec in load_json(os.path.join(ontology, "gazetteer", fn)).get("entities", []):
                typ = rec.get("type")
                for lang in ("it", "en"):
                    names = aliases_for(rec, lang)
                    # Prefer multi-letter names: acronyms like "UN" are fine, single letters not.
                    names = [n for n in names if len(n) > 1]
                    if not names:
                        continue
                    self.by.setdefault((typ, lang), []).append(names)
                    if typ == "State":
                        dem = rec.get("demonyms", {}).get(lang)
                        if dem:
                            self.demonyms.setdefault(lang, []).append(dem[0])
                if typ == "State":
                    seen_state_ids.add(rec.get("id"))
        self.cum, self.order = {}, {}
        self.given = {}
        for lang in ("it", "en"):
            data = load_json(os.path.join(ontology, "languages", lang + ".json"))
            self.given[lang] = sorted(data.get("given_names", []))

    def pick(self, rng, typ, lang, avoid=None):
        """A known entity's surface form, Zipf-like (rank r drawn with weight 1/r): a few
        entities dominate the news, the long tail still shows up."""
        key = (typ, lang) if (typ, lang) in self.by else (typ, "en")
        lists = self.by[key]
        if key not in self.cum:
            # A fixed shuffle decides which entities are the popular ones.
            order = list(range(len(lists)))
            random.Random(len(lists) * 31 + len(typ)).shuffle(order)
            self.order[key] = order
            self.cum[key] = list(itertools.accumulate(1.0 / (r + 1) for r in range(len(lists))))
        cum = self.cum[key]
        for _ in range(4):
            r = bisect.bisect_left(cum, rng.random() * cum[-1])
            names = lists[self.order[key][min(r, len(lists) - 1)]]
            name = names[rng.randrange(len(names))]
            if name != avoid:
                break
        return name


class NovelPool:
    """Generated names; the pool grows with the corpus size."""

    def __init__(self, n_docs, seed, gaz):
        rng = random.Random(seed * 7 + 3)
        self.surnames = []
        seen = set()
        target = max(40, n_docs // 2)
        while len(self.surnames) < target:
            s = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()
            if s not in seen:
                seen.add(s)
                self.surnames.append(s)
        self.people = {lang: [rng.choice(gaz.given[lang]) + " " + s for s in self.surnames] for lang in ("it", "en")}
        self.n_org = max(10, n_docs // 20)
        self.n_place = max(10, n_docs // 20)

    def person(self, rng, lang):
        return self.people[lang][rng.randrange(len(self.people[lang]))]

    def org(self, rng, lang, L):
        x = self.surnames[rng.randrange(self.n_org)]
        return rng.choice(L["org_novel"]).format(X=x)

    def place(self, rng, lang, L):
        x = self.surnames[-1 - rng.randrange(self.n_place)]
        return rng.choice(L["place_novel"]).format(X=x)


def number(rng, L):
    n = rng.choice([rng.randint(2, 99), rng.randint(100, 999), rng.randint(1, 30) * 1000 + rng.randint(0, 9) * 100])
    s = f"{n:,}".replace(",", L["number_sep"])
    return s


def fill(template, rng, lang, L, gaz, novel):
    def person(avoid=None):
        return novel.person(rng, lang) if rng.random() < 0.35 else gaz.pick(rng, "Person", lang, avoid)

    def org():
        return novel.org(rng, lang, L) if rng.random() < 0.25 else gaz.pick(rng, "Organization", lang)

    def place(avoid=None):
        return novel.place(rng, lang, L) if rng.random() < 0.2 else gaz.pick(rng, "Place", lang, avoid)

    def state(avoid=None):
        return gaz.pick(rng, "State", lang, avoid)

    def demonym():
        d = gaz.demonyms.get(lang) or ["foreign"]
        return d[rng.randrange(len(d))]

    p, s, l = person(), state(), place()
    values = {
        "P": p, "P2": person(p), "S": s, "S2": state(s), "SA": demonym(), "SA2": demonym(),
        "O": org(), "W": gaz.pick(rng, "Weapon", lang), "L": l, "L2": place(l),
        "N": number(rng, L), "Y": str(rng.randint(2015, 2025)),
        "D": L["date"].format(d=rng.randint(1, 28), m=L["months"][rng.randrange(12)], y=rng.randint(2015, 2025)),
    }
    s = template.format(**values)
    return s[0].upper() + s[1:]


def article(i, seed, gaz, novel):
    rng = random.Random(seed * 1_000_003 + i)
    lang = "it" if rng.random() < 0.6 else "en"
    L = IT if lang == "it" else EN
    lines = [fill(rng.choice(L["headlines"]), rng, lang, L, gaz, novel), ""]
    paragraphs = rng.randint(5, 7)
    for p in range(paragraphs):
        sents = []
        for _ in range(rng.randint(2, 3)):
            if rng.random() < 0.7:
                sents.append(fill(rng.choice(L["sentences"]), rng, lang, L, gaz, novel))
            else:
                sents.append(rng.choice(L["filler"]))
        lines.append(" ".join(sents))
        lines.append("")
        if p == 1 and rng.random() < 0.3:
            lines.append(fill(L["boilerplate"][0], rng, lang, L, gaz, novel))
            lines.append("")
    if rng.random() < 0.3:
        lines.append(L["boilerplate"][1])
    else:
        lines.pop()
    return lang, "\n".join(lines) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("n", type=int, help="number of documents")
    ap.add_argument("--out", help="output folder (default: bench/corpus/N)")
    ap.add_argument("--seed", type=int, default=20240619)
    ap.add_argument("--ontology", default=os.path.join(ROOT, "ontology"))
    ap.add_argument("--force", action="store_true", help="regenerate even if complete")
    a = ap.parse_args()
    out = a.out or os.path.join(HERE, "corpus", str(a.n))
    stamp = f"version={VERSION} n={a.n} seed={a.seed}\n"
    marker = os.path.join(out, ".complete")
    if not a.force and os.path.exists(marker):
        with open(marker, encoding="utf-8") as f:
            if f.read() == stamp:
                print(f"gen_corpus: {out} is up to date ({a.n} documents)", file=sys.stderr)
                return 0
    if os.path.exists(out):
        shutil.rmtree(out)
    os.makedirs(out)
    gaz = Gazetteer(a.ontology)
    novel = NovelPool(a.n, a.seed, gaz)
    total = 0
    for i in range(a.n):
        lang, text = article(i, a.seed, gaz, novel)
        folder = os.path.join(out, f"{i // 1000:03d}")
        if i % 1000 == 0:
            os.makedirs(folder, exist_ok=True)
        data = text.encode("utf-8")
        total += len(data)
        with open(os.path.join(folder, f"{lang}-{i:06d}.txt"), "wb") as f:
            f.write(data)
    with open(marker, "w", encoding="utf-8") as f:
        f.write(stamp)
    print(f"gen_corpus: wrote {a.n} documents, {total} bytes ({total / max(1, a.n):.0f} B/doc) to {out}",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
