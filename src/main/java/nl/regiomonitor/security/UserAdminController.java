package nl.regiomonitor.security;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import nl.regiomonitor.region.RegionService;
import nl.regiomonitor.web.Problem;

/**
 * The administrator's pages for users: list and add, change name, organisation, roles and whether someone may
 * log in, set a new password, delete. A refused change shows the page again with what was typed
 * (never the password) and the reason next to the field.
 */
@Controller
@RequestMapping("/admin/users")
class UserAdminController {

    /** What the form shows: what is stored, or what was typed before a refusal. */
    public record UserForm(
            String username, String displayName, String organisation, boolean enabled, Set<String> grants) {

        static UserForm empty() {
            return new UserForm("", "", "", true, Set.of());
        }

        static UserForm of(AppUser user) {
            return new UserForm(
                    user.username(),
                    user.displayName(),
                    user.organisation(),
                    user.enabled(),
                    new TreeSet<>(GrantCodes.codes(user.grants())));
        }
    }

    /** A user as the pages show it. */
    public record UserRow(
            long id, String username, String displayName, String organisation, List<String> roles, boolean enabled) {

        static UserRow of(AppUser user) {
            return new UserRow(
                    user.id(),
                    user.username(),
                    user.displayName(),
                    user.organisation(),
                    user.grants().stream().map(Grant::label).toList(),
                    user.enabled());
        }
    }

    private final UserService users;
    private final RegionService regions;

    UserAdminController(UserService users, RegionService regions) {
        this.users = users;
        this.regions = regions;
    }

    @GetMapping
    String list(Model model) {
        return listPage(UserForm.empty(), null, model);
    }

    @PostMapping
    String create(
            @RequestParam(defaultValue = "") String username,
            @RequestParam(defaultValue = "") String displayName,
            @RequestParam(defaultValue = "") String organisation,
            @RequestParam(defaultValue = "") String password,
            @RequestParam(name = "grants", required = false) List<String> grants,
            Model model,
            RedirectAttributes redirect) {
        List<String> codes = grants == null ? List.of() : grants;
        try {
            AppUser user = users.create(username, displayName, organisation, password, GrantCodes.parse(codes));
            redirect.addFlashAttribute("confirmation", "Gebruiker " + user.username() + " is toegevoegd.");
            return "redirect:/admin/users/" + user.id();
        } catch (UserService.InvalidUserChange e) {
            return listPage(
                    new UserForm(username, displayName, organisation, true, new TreeSet<>(codes)), e.problem(), model);
        }
    }

    @GetMapping("/{id}")
    String user(@PathVariable long id, Model model) {
        AppUser user = existing(id);
        return userPage(user, UserForm.of(user), null, model);
    }

    @PostMapping("/{id}")
    String change(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String displayName,
            @RequestParam(defaultValue = "") String organisation,
            @RequestParam(defaultValue = "false") boolean enabled,
            @RequestParam(name = "grants", required = false) List<String> grants,
            Model model,
            RedirectAttributes redirect) {
        AppUser user = existing(id);
        List<String> codes = grants == null ? List.of() : grants;
        try {
            users.change(id, displayName, organisation, enabled, GrantCodes.parse(codes));
            redirect.addFlashAttribute("confirmation", "De wijzigingen zijn opgeslagen.");
            return "redirect:/admin/users/" + id;
        } catch (UserService.InvalidUserChange e) {
            return userPage(
                    user,
                    new UserForm(user.username(), displayName, organisation, enabled, new TreeSet<>(codes)),
                    e.problem(),
                    model);
        }
    }

    @PostMapping("/{id}/password")
    String setPassword(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String password,
            Model model,
            RedirectAttributes redirect) {
        AppUser user = existing(id);
        try {
            users.setPassword(id, password);
            redirect.addFlashAttribute("confirmation", "Het wachtwoord is opnieuw ingesteld.");
            return "redirect:/admin/users/" + id;
        } catch (UserService.InvalidUserChange e) {
            return userPage(user, UserForm.of(user), e.problem(), model);
        }
    }

    /** Deleting needs the box "yes, delete" ticked: a stray click on the button does nothing. */
    @PostMapping("/{id}/delete")
    String delete(
            @PathVariable long id,
            @RequestParam(defaultValue = "false") boolean confirm,
            Model model,
            RedirectAttributes redirect) {
        AppUser user = existing(id);
        if (!confirm) {
            return userPage(
                    user,
                    UserForm.of(user),
                    new Problem("confirm", "Vink aan dat u gebruiker " + user.username() + " echt wilt verwijderen."),
                    model);
        }
        try {
            users.delete(id);
            redirect.addFlashAttribute("confirmation", "Gebruiker " + user.username() + " is verwijderd.");
            return "redirect:/admin/users";
        } catch (UserService.InvalidUserChange e) {
            return userPage(user, UserForm.of(user), new Problem("confirm", e.getMessage()), model);
        }
    }

    private AppUser existing(long id) {
        return users.find(id)
                .orElseThrow(() -> new ResponseStatusException(
                        HttpStatus.NOT_FOUND, "Er is geen gebruiker met nummer " + id + "."));
    }

    private String listPage(UserForm form, Problem problem, Model model) {
        model.addAttribute("users", users.list().stream().map(UserRow::of).toList());
        addForm(form, problem, model);
        return "security/users";
    }

    private String userPage(AppUser user, UserForm form, Problem problem, Model model) {
        model.addAttribute("user", UserRow.of(user));
        addForm(form, problem, model);
        return "security/user";
    }

    private void addForm(UserForm form, Problem problem, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("problem", problem);
        model.addAttribute("regions", regions.regions());
        model.addAttribute(
                "nationalRoles",
                Arrays.stream(Role.values()).filter(Role::national).toList());
        model.addAttribute(
                "regionalRoles",
                Arrays.stream(Role.values()).filter(r -> !r.national()).toList());
        model.addAttribute("minPasswordLength", UserService.MIN_PASSWORD_LENGTH);
    }
}
