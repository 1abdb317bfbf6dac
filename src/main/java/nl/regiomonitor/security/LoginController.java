package nl.regiomonitor.security;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.web.savedrequest.DefaultSavedRequest;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import nl.regiomonitor.region.RegionService;

/**
 * The login page; Spring Security handles the form it posts and the logout. The page says what the
 * visitor was on the way to, read from the request Spring Security saved when it sent them here (never
 * from a parameter: nothing a link can set is echoed), and after a failed attempt it keeps the name typed.
 */
@Controller
class LoginController {

    /** Session attribute with the user name of a failed attempt, read once by the next login page. */
    static final String TYPED_USERNAME = LoginController.class.getName() + ".username";
    /** A typed name longer than any user name is cut: it is only put back in the field. */
    static final int LONGEST_NAME = 100;

    private static final Pattern REGION_PAGE =
            Pattern.compile("/regions/(ZK\\d{2})/(plannen|admin|audit|register|regioperspectief)(/.*)?");
    private static final Map<String, String> REGION_PAGES = Map.of(
            "plannen", "de plannen van aanpak van %s",
            "admin", "het beheer van %s",
            "audit", "het audittrail van %s",
            "register", "het register van %s",
            "regioperspectief", "het regioperspectief van %s in bewerking");

    private final RequestCache saved = new HttpSessionRequestCache();
    private final RegionService regions;

    LoginController(RegionService regions) {
        this.regions = regions;
    }

    @GetMapping("/login")
    String login(HttpServletRequest request, HttpServletResponse response, Model model) {
        SavedRequest wanted = saved.getRequest(request, response);
        model.addAttribute("destination", wanted == null ? null : destination(pathOf(wanted, request)));
        HttpSession session = request.getSession(false);
        if (session != null) {
            model.addAttribute("username", session.getAttribute(TYPED_USERNAME));
            session.removeAttribute(TYPED_USERNAME);
        }
        return "security/login";
    }

    /** The path of the page asked, without its query; nothing when the saved request is of another kind. */
    private static String pathOf(SavedRequest wanted, HttpServletRequest request) {
        if (!(wanted instanceof DefaultSavedRequest stored)) {
            return "";
        }
        String path = stored.getRequestURI();
        return path.startsWith(request.getContextPath())
                ? path.substring(request.getContextPath().length())
                : path;
    }

    /** What a page behind the login is, in words for "Log in om … te zien."; a page not named here is "deze pagina". */
    String destination(String path) {
        Matcher region = REGION_PAGE.matcher(path);
        if (region.matches()) {
            String name = regions.names().get(region.group(1));
            return name == null
                    ? "deze pagina"
                    : REGION_PAGES.get(region.group(2)).formatted(name);
        }
        if (path.equals("/plannen")) {
            return "de plannen van aanpak";
        }
        if (path.startsWith("/plannen/")) {
            return "dit plan van aanpak";
        }
        if (path.startsWith("/admin/users")) {
            return "het gebruikersbeheer";
        }
        if (path.startsWith("/admin/audit")) {
            return "het audittrail";
        }
        if (path.startsWith("/imports")) {
            return "de imports van gegevens";
        }
        if (path.startsWith("/account/api-sleutels")) {
            return "uw API-sleutels";
        }
        if (path.startsWith("/intern/")) {
            return "de cijfers die niet voor publicatie zijn";
        }
        return "deze pagina";
    }
}
