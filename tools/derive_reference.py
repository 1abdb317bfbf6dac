#!/usr/bin/env python3
"""Derives src/main/resources/reference/{regions,population}.csv from ../shared/data.

Run by hand when the sources change: python3 tools/derive_reference.py ../shared/data
The method (see README "Referentiegegevens"):
- regions: the 31 CBS 2025 zorgkantoorregio's as transcribed.
- municipalities: the 2019 municipal division (355) with their 2019 region, mapped to the
  2025 codes by name; Maassluis, Schiedam and Vlaardingen (2019 region Nieuwe Waterweg Noord,
  which no longer exists) go to ZK33 Westland Schieland Delfland, which absorbed it.
- inhabitants: region totals are the 2019 figures (whole region, michielwoerkom). Within a
  region they are split by each municipality's ~2014 population (sotszorg AANT_INW, matched on
  GM code, else on name); municipalities formed by mergers after 2015 share the population of
  the 2015 municipalities of that region that no longer exist, equally. The split is then scaled
  so the region total equals the 2019 total exactly.
- inhabitants 18+: not in any source; estimated as 80.4% of inhabitants, the national share
  of adults on 1 January 2019 (CBS), the same for every municipality.
"""
import csv, json, sys, os

ADULT_SHARE = 0.804
YEAR = 2019

src = sys.argv[1] if len(sys.argv) > 1 else '../shared/data'
out = os.path.join(os.path.dirname(__file__), '..', 'src', 'main', 'resources', 'reference')

regions = list(csv.DictReader(open(os.path.join(src, 'zorgkantoorregios_2025_cbs.csv'), encoding='utf-8')))
cross = list(csv.DictReader(open(os.path.join(src, 'zorgkantoorregio_crosswalk_DERIVED.csv'), encoding='utf-8')))
munis = list(csv.DictReader(open(os.path.join(src, 'gemeente_zorgkantoorregio_2019_DERIVED.csv'), encoding='utf-8')))
woerkom = json.load(open(os.path.join(src, 'gemeente_zorgkantoorregio_2019_michielwoerkom.json'), encoding='utf-8'))
sots = json.load(open(os.path.join(src, 'gemeenten_zorgkantoor_2015_sotszorg.json'), encoding='utf-8'))

name_2019_to_zk = {c['naam_2019_michielwoerkom']: c['zk_code_cbs2025'] for c in cross}
name_2019_to_zk['Zorgkantoor Nieuwe Waterweg Noord'] = 'ZK33'
code_2015_to_zk = {c['zorgkantoorcode_2015_sotszorg']: c['zk_code_cbs2025'] for c in cross if c['zorgkantoorcode_2015_sotszorg']}
code_2015_to_zk['5519'] = 'ZK33'  # Delft Westland Oostland
code_2015_to_zk['5522'] = 'ZK33'  # Nieuwe Waterweg Noord

region_total = {}
for r in woerkom:
    zk = name_2019_to_zk[r['Zorgkantoorregio']]
    region_total.setdefault(zk, {})[r['Zorgkantoorregio']] = r['Inwoneraantal']
region_total = {zk: sum(v.values()) for zk, v in region_total.items()}

by_code = {s['GM_CODE']: s for s in sots}
by_name = {s['GM_NAAM'].lower(): s for s in sots}
rows = []
used = set()
for m in munis:
    zk = m['zk_code_cbs2025_by_name'] or name_2019_to_zk[m['zorgkantoorregio_2019']]
    s = by_code.get(m['gm_code']) or by_name.get(m['gemeente'].lower()) or by_name.get(m['gemeente'].split(' (')[0].lower())
    if s:
        used.add(s['GM_CODE'])
    rows.append({'code': m['gm_code'], 'name': m['gemeente'], 'zk': zk, 'base': s['AANT_INW'] if s else None})

gone = {}
for s in sots:
    if s['GM_CODE'] not in used:
        zk = code_2015_to_zk[str(s['Zorgkantoorcode'])]
        gone[zk] = gone.get(zk, 0) + s['AANT_INW']
for zk in {r['zk'] for r in rows}:
    members = [r for r in rows if r['zk'] == zk]
    unmatched = [r for r in members if r['base'] is None]
    for r in unmatched:
        r['base'] = gone.get(zk, 0) / len(unmatched) if gone.get(zk) else 1000
    base_sum = sum(r['base'] for r in members)
    total = region_total[zk]
    acc = 0
    for i, r in enumerate(sorted(members, key=lambda r: r['code'])):
        if i == len(members) - 1:
            r['inhabitants'] = total - acc  # keep the region total exact
        else:
            r['inhabitants'] = round(r['base'] * total / base_sum)
            acc += r['inhabitants']

with open(os.path.join(out, 'regions.csv'), 'w', encoding='utf-8', newline='') as f:
    w = csv.writer(f, delimiter=';', lineterminator='\n')
    w.writerow(['region_code', 'name'])
    for r in regions:
        w.writerow([r['zk_code'], r['naam']])

with open(os.path.join(out, 'population.csv'), 'w', encoding='utf-8', newline='') as f:
    w = csv.writer(f, delimiter=';', lineterminator='\n')
    w.writerow(['year', 'municipality_code', 'municipality_name', 'region_code', 'inhabitants', 'inhabitants_18plus'])
    for r in sorted(rows, key=lambda r: r['code']):
        w.writerow([YEAR, r['code'], r['name'], r['zk'], r['inhabitants'], round(r['inhabitants'] * ADULT_SHARE)])
print(len(regions), 'regions,', len(rows), 'municipalities,', sum(r['inhabitants'] for r in rows), 'inhabitants')
