/**
 * Deterministic, seeded synthetic data for the five import files ({@code indications}, {@code allocations},
 * {@code waitlist}, {@code costs}, {@code population}); entry points {@link
 * nl.regiomonitor.ingest.synthetic.SyntheticDataGenerator} and the picocli command {@link
 * nl.regiomonitor.cli.GenerateCommand} ({@code generate}). No Spring here.
 *
 * <h2>Determinism</h2>
 * All randomness comes from one commons-math3 {@code Well19937c(seed)} (with a {@code RandomDataGenerator} on
 * top for Poisson draws), consumed in a fixed order: regional factors and price factors, providers, GGZ-W influx
 * month by month, GGZ-W calibration, GGZ-B initial stock, GGZ-B influx, GGZ-B calibration. The only other
 * "random" decisions (is a client in care also waiting for a preferred provider this month? does a client move,
 * when and where?) are fixed hashes of the client's random pseudonym and the month or a fixed salt. Output is written in a fixed order and transcendental functions
 * use {@code StrictMath} (commons-math3 uses its pure-Java {@code FastMath}), so equal settings give
 * byte-identical files, also on another JVM or CPU. The simulation always runs over the model's own timeline (GGZ-B from 2015-01, GGZ-W
 * from 2021-01) up to the last day of max({@code to}, 2024-12); {@code from}/{@code to} only select what is
 * written, so a shorter period is a slice of the same world. Indications and allocations overlapping the period
 * are written with their real dates, except that an end date after the period is not known yet and is written
 * empty; waitlist snapshots and cost months are those within the period.
 *
 * <h2>Reference data</h2>
 * Region, profile, delivery form, origin and wait-status codes are read from {@code /reference/*.csv} on the
 * classpath; the model's parameter tables are keyed by those codes and fail fast if a code is missing.
 *
 * <h2>Clients</h2>
 * <ul>
 * <li>client_id: 12 random uppercase letters, unique; never digits (no BSN look-alikes).</li>
 * <li>Region: weight = adults (18+, 2019) × a regional factor exp(0.25·N(0,1)) drawn once per region.</li>
 * <li>Age at the first valid_from: 18–26 10%, 27–44 38%, 45–64 40%, 65–80 12% (uniform within the band);
 * birth_year = year(valid_from) − age.</li>
 * <li>decision_date = valid_from − uniform 0…21 days.</li>
 * <li>Exit (death, move, end): exponential with a monthly hazard; GGZ-W 0.6%; GGZ-B 1.0% before 2021 and 1.87%
 * from 2021 (needed to go from 3,195 to 2,810 in a year with ~25 influx a month). The last indication ends on
 * the exit day; without an exit before the end of the simulation valid_to is empty.</li>
 * <li>Profile change: 12% of GGZ-W clients (8% of GGZ-B) get a second indication with another profile of the
 * same series on a day 30…1095 days after the first valid_from (and before the exit); the first ends the day
 * before. A change is not influx.</li>
 * <li>Move: a client moves to another region at most once, after a wait from 30 days past the first valid_from
 * with a monthly hazard of 0.17% (about 2% of the clients a year), and only before the exit: the indication
 * then ends the day before and a new one (same profile, unless a profile change falls on that day) starts in
 * the new region, which is a bordering region with 60% (weighted by adults), else any other region weighted by
 * adults. Care delivered in the old region moves along to a provider in the new one (that allocation ends the
 * day before); care delivered elsewhere stays. Whether, when and where are decided by hashes of the pseudonym,
 * not by the shared generator, so adding moves changed no other draw.</li>
 * <li>Profiles: GGZ-W 01 30%, 02 15%, 03 35%, 04 12%, 05 8%; GGZ-B 03 20%, 04 20%, 05 35%, 06 15%, 07 10%.</li>
 * <li>Origin: young adults (18–26) JEUGD with 30% (GGZ-W) / 20% (GGZ-B); otherwise GGZ-W: WMO_BW 40, ZVW_GGZ 20,
 * WMO_OVERIG 14, WLZ_ANDERS 8, GEEN 5, ONBEKEND 8 (normalised), during the 2021-01…09 wave WMO_BW 70%;
 * GGZ-B: ZVW_GGZ 55, WLZ_ANDERS 25, WMO_BW 5, WMO_OVERIG 3, GEEN 4, ONBEKEND 8.</li>
 * </ul>
 *
 * <h2>Influx and stock</h2>
 * Stock on day d = distinct clients with an indication of the series valid on d; influx in a month = clients
 * whose first indication of the series starts in that month. Monthly counts are Poisson around the expectation
 * × scale. GGZ-W (opened 1-1-2021): 800 + 3,200·((8−m)/8)^1.135 for m = 0…8 (2021-01…09, 4,000 → 800), then
 * 690 → 590 linearly (2021-10…2022-09), then 100 + 450·exp(−m/8) with m = months since 2022-10. GGZ-B: initial
 * stock Poisson(3,600 × scale) with valid_from in 2010–2014 (still present on 2015-01-01), influx 35/month in
 * 2015–2020 and 25/month from 2021.
 *
 * <h2>Calibration</h2>
 * The national stock is made exactly round(T × scale) on 2021-10-01 and 2022-10-01 (GGZ-W 20,150 and 26,135;
 * GGZ-B 3,195 and 2,810). Step 1: a = T1 − stock(2021-10-01); add |a| clients entering 2021-01…09 (month weighted
 * by the expected influx) whose exit lies after 2022-10-01, or remove |a| random clients that are present on
 * both dates. Step 2: b = T2 − stock(2022-10-01); add or remove |b| clients whose first valid_from lies in
 * 2021-10-02…2022-10-01 and who stay past 2022-10-01. Added clients get all other attributes drawn like any
 * other client. The model's expectation is tuned so the corrections are of the order of the Poisson noise.
 *
 * <h2>Care (allocations)</h2>
 * After the first valid_from care starts after a wait: 60% 0–30 days, 25% 31–91, 10% 92–273, 5% never (and not
 * if the client exits first). Delivery form per client: GGZ-W VERBLIJF 65, VPT 10, MPT 9, PGB 11, MPT_PGB 5;
 * GGZ-B VERBLIJF 90, VPT 5, MPT 2, PGB 3. Care region = indication region for 92%, otherwise another region
 * weighted by adults. Providers: per region 3…15 (3 + 12 × adults / largest region), 8-digit codes "73" + 6
 * digits. Care ends at the exit; 10% switch provider once (within the care region, the old allocation ends the
 * day before the new one starts).
 *
 * <h2>Waitlist</h2>
 * One snapshot on the 1st of every month. A client with a valid indication and no active allocation is listed
 * with the status of the waiting spell (ACTIEF 35%, URGENT 5%, WACHT_OP_VOORKEUR 40%, NIET_ACTIEF 20%, drawn per
 * client; a client has one spell). 2% of clients in care are listed as WACHT_OP_VOORKEUR (hash of pseudonym and
 * month). region_code = indication region on the date, profile_code = profile valid on the date. A region without any row
 * gets a WACHT_OP_VOORKEUR row for one of its clients in care; a region without any client at scale ≥ 1 is an
 * error.
 *
 * <h2>Costs</h2>
 * Per month × care region (split at a move that takes care along) × profile (valid at mid-month, or at the nearest day in care) × delivery form:
 * client_days = days in care in the month; amount_eur = client_days × daily tariff (VERBLIJF: GGZ01W 130,
 * GGZ02W 165, GGZ03W 210, GGZ04W 260, GGZ05W 300, GGZ03B 230, GGZ04B 265, GGZ05B 300, GGZ06B 340, GGZ07B 380) ×
 * form multiplier (VPT 0.85, MPT 0.45, PGB 0.55, MPT_PGB 0.40) × regional price factor (uniform 0.95…1.05, four
 * decimals), rounded half-up to cents. An amount whose integer part is nine digits passing the elfproef (only at
 * very large scales) is raised by whole euros so the importer's BSN check does not refuse the file.
 *
 * <h2>Population</h2>
 * The 2019 reference, one block per year from.year…to.year, inhabitants and inhabitants_18plus ×
 * 1.006^(year − 2019), rounded.
 */
package nl.regiomonitor.ingest.synthetic;
