package nl.regiomonitor.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The pages every Dutch public service has: what the figures mean, the accessibility statement, the
 * privacy statement and contact. They need no capability: the threshold for small numbers
 * ({@code small}) and the contact details ({@code contact}) come from the advices every page gets.
 */
@Controller
class BasicsPagesController {

    @GetMapping("/toelichting")
    String explanation() {
        return "web/toelichting";
    }

    @GetMapping("/toegankelijkheid")
    String accessibility() {
        return "web/toegankelijkheid";
    }

    @GetMapping("/privacy")
    String privacy() {
        return "web/privacy";
    }

    @GetMapping("/contact")
    String contact() {
        return "web/contact";
    }
}
