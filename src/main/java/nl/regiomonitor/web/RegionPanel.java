package nl.regiomonitor.web;

import java.util.Optional;

/**
 * A part another capability adds to a region's page (the plans van aanpak and what is overdue in
 * them), so the package of that page need not know the capability.
 */
public interface RegionPanel {

    /** The template holding the fragment {@code panel(content)} that shows it. */
    String template();

    /** What the fragment shows for {@code region}, empty when the current user may not see it. */
    Optional<Object> content(String region);
}
