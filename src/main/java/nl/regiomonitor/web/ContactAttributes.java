package nl.regiomonitor.web;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every page the contact details as {@code contact}, for the footer in {@code fragments/layout}. */
@ControllerAdvice(annotations = Controller.class)
@EnableConfigurationProperties(ContactDetails.class)
class ContactAttributes {

    private final ContactDetails contact;

    ContactAttributes(ContactDetails contact) {
        this.contact = contact;
    }

    @ModelAttribute("contact")
    ContactDetails contact() {
        return contact;
    }
}
