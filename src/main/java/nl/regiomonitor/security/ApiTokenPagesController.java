package nl.regiomonitor.security;

import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import nl.regiomonitor.common.Dutch;
import nl.regiomonitor.web.Problem;

/** "Mijn API-sleutels": every logged-in user makes, sees and revokes his own keys here. */
@Controller
@RequestMapping("/account/api-sleutels")
class ApiTokenPagesController {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm");

    /** A key as the page lists it. */
    public record Row(long id, String name, String created, String lastUsed) {

        static Row of(ApiTokenService.ApiToken token) {
            return new Row(
                    token.id(),
                    token.name(),
                    TIME.format(token.createdAt().atZoneSameInstant(Dutch.ZONE)),
                    token.lastUsedAt() == null
                            ? "nog niet"
                            : TIME.format(token.lastUsedAt().atZoneSameInstant(Dutch.ZONE)));
        }
    }

    private final ApiTokenService tokens;

    ApiTokenPagesController(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    @GetMapping
    String list(Model model) {
        return page(null, null, "", model);
    }

    /** The new key is shown on the answer to this post and never again, so it is not a redirect. */
    @PostMapping
    String create(@RequestParam(defaultValue = "") String name, Model model) {
        try {
            return page(tokens.create(me(), name), null, "", model);
        } catch (UserService.InvalidUserChange e) {
            return page(null, e.problem(), name, model);
        }
    }

    @PostMapping("/{id}/intrekken")
    String revoke(@PathVariable long id, RedirectAttributes redirect) {
        redirect.addFlashAttribute(
                "confirmation",
                tokens.revoke(me(), id)
                        ? "De sleutel is ingetrokken; programma's die hem gebruiken, krijgen nu 401."
                        : "Deze sleutel bestaat niet (meer).");
        return "redirect:/account/api-sleutels";
    }

    private String page(ApiTokenService.NewApiToken made, Problem problem, String name, Model model) {
        model.addAttribute("tokens", tokens.list(me()).stream().map(Row::of).toList());
        model.addAttribute("made", made);
        model.addAttribute("problem", problem);
        model.addAttribute("name", name);
        return "security/api-tokens";
    }

    private static AppUser me() {
        return CurrentUser.get().orElseThrow();
    }
}
