package nl.regiomonitor.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every page the publication line and problem (read from memory), for the shared fragments in {@code fragments/layout}. */
@ControllerAdvice(annotations = Controller.class)
class PublicationAttributes {

    private final ObjectProvider<PublicationNotice> notice;

    PublicationAttributes(ObjectProvider<PublicationNotice> notice) {
        this.notice = notice;
    }

    @ModelAttribute("publicationLine")
    String line() {
        PublicationNotice n = notice.getIfAvailable();
        return n == null ? null : n.line().orElse(null);
    }

    @ModelAttribute("publicationProblem")
    String problem() {
        PublicationNotice n = notice.getIfAvailable();
        return n == null ? null : n.problem().orElse(null);
    }
}
