/**
 * An honest judgement of small monthly counts (SPEC §4 "Small numbers"): did a region's influx really change,
 * and has it settled at a level? Pure statistics with Apache Commons Math, no database and no web; the figures,
 * API and pages build on {@link nl.regiomonitor.trend.TrendAnalysis#analyse(java.util.List)}, whose Javadoc
 * lists the steps and the rule behind every {@link nl.regiomonitor.trend.Verdict}.
 *
 * <p>References:
 * <ul>
 * <li>Garwood F. (1936). Fiducial limits for the Poisson distribution. Biometrika 28(3/4), 437–442 — exact
 * intervals for a count ({@link nl.regiomonitor.trend.PoissonInterval}).</li>
 * <li>Montgomery D.C. Introduction to Statistical Quality Control, ch. 7 — c- and u-charts with 3-sigma
 * limits.</li>
 * <li>Laney D.B. (2002). Improved control charts for attributes. Quality Engineering 14(4), 531–537 — p′/u′
 * charts for over-dispersed counts.</li>
 * <li>Anhøj J., Olesen A.V. (2014). Run charts revisited: a simulation study of run chart rules for detection
 * of non-random variation in health care processes. PLoS ONE 9(11): e113825 — the longest-run and crossings
 * rules ({@link nl.regiomonitor.trend.RunRules}); as in qicharts2, a chart can be split into phases after a
 * change.</li>
 * </ul>
 */
package nl.regiomonitor.trend;
