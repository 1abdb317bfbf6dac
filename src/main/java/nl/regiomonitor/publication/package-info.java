/**
 * The publication: when the data change, one background builder works out every published table of
 * every capability, audits them together and stores them as one immutable, numbered version; only
 * a complete version that passes the audit becomes current, in one step. Pages and the API read
 * the current version from memory, so a request never protects a table or waits for the database
 * to know which figures to show.
 */
package nl.regiomonitor.publication;
