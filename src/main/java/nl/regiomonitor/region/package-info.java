/**
 * The care-office regions, municipalities and their population per year, the reference code
 * lists (profiles, delivery forms, origins, wait statuses, age bands) and the
 * regions API. The bottom of the application with {@code web}: it uses no other capability. Reference data are CSV files in {@code src/main/resources/reference/}.
 */
package nl.regiomonitor.region;
