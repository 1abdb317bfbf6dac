package nl.regiomonitor.web;

import java.util.Optional;

/**
 * What pages say about the publication they show, so the web layer need not know the capability
 * that publishes: the line under a figure page's title, and why the newest figures were not published.
 */
public interface PublicationNotice {

    /** For example "cijfers t/m maart 2025, publicatie 7 van 29 november 2026"; empty before the first publication. */
    Optional<String> line();

    /** Why the newest build was not published, in Dutch; empty when the newest build is the current publication. */
    Optional<String> problem();
}
