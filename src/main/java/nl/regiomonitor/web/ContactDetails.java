package nl.regiomonitor.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who runs this Regiomonitor and how to reach them ({@code regiomonitor.contact.*}): one set of values
 * for the footer, the contact page and the accessibility and privacy statements, so they never disagree.
 * Phone and address are optional; a blank one is left out of the pages.
 */
@ConfigurationProperties("regiomonitor.contact")
public record ContactDetails(String organisation, String email, String phone, String address) {

    public ContactDetails {
        organisation = blankToNull(organisation);
        email = blankToNull(email);
        phone = blankToNull(phone);
        address = blankToNull(address);
        if (organisation == null || email == null) {
            // a public service without a way to reach it is not allowed to start
            throw new IllegalArgumentException(
                    "regiomonitor.contact.organisation en regiomonitor.contact.email zijn verplicht");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
