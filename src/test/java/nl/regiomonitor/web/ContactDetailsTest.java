package nl.regiomonitor.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The contact details come from {@code regiomonitor.contact.*}; an empty phone or address is left out, a missing e-mail stops the start. */
class ContactDetailsTest {

    @Configuration
    @EnableConfigurationProperties(ContactDetails.class)
    static class Binding {}

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Binding.class);

    @Test
    void theConfiguredValuesAreUsedAndEmptyOptionalOnesAreLeftOut() {
        runner.withPropertyValues(
                        "regiomonitor.contact.organisation=Zorgkantoor Voorbeeld",
                        "regiomonitor.contact.email=regio@voorbeeld.example",
                        "regiomonitor.contact.phone= ",
                        "regiomonitor.contact.address=Postbus 1, 2500 AA Den Haag")
                .run(context -> {
                    ContactDetails contact = context.getBean(ContactDetails.class);
                    assertThat(contact.organisation()).isEqualTo("Zorgkantoor Voorbeeld");
                    assertThat(contact.email()).isEqualTo("regio@voorbeeld.example");
                    assertThat(contact.phone()).isNull();
                    assertThat(contact.address()).isEqualTo("Postbus 1, 2500 AA Den Haag");
                });
    }

    @Test
    void withoutAnEmailAddressTheApplicationDoesNotStart() {
        runner.withPropertyValues("regiomonitor.contact.organisation=Zorgkantoor Voorbeeld")
                .run(context -> assertThat(context).hasFailed());
    }
}
