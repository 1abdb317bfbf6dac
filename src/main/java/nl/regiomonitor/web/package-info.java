/** Shared web glue: layout, error answers of the API. Pages and endpoints live in their capability's package. */
package nl.regiomonitor.web;
