package nl.regiomonitor.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import nl.regiomonitor.security.AppUser;
import nl.regiomonitor.security.Grant;
import nl.regiomonitor.security.GrantCodes;
import nl.regiomonitor.security.UserService;

/**
 * {@code user}: add, disable and list users from the command line, for the first administrator
 * and for when the web application is down. Changes are recorded in the audit trail as done by
 * {@value CurrentUser#SYSTEM}.
 */
@Command(
        name = "user",
        mixinStandardHelpOptions = true,
        description = "Beheer gebruikers: toevoegen (add), uitschakelen (disable) en opsommen (list).",
        subcommands = {UserCommand.Add.class, UserCommand.Disable.class, UserCommand.ListUsers.class})
public class UserCommand implements Callable<Integer> {

    static final int REFUSED = 1;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Kies wat u wilt doen: add, disable of list.");
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Voeg een gebruiker toe.")
    static class Add implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(
                names = "--username",
                paramLabel = "GEBRUIKERSNAAM",
                description = "3 tot 64 tekens: kleine letters, cijfers, punt, streepje, liggend streepje of @.")
        String username;

        @Option(
                names = "--name",
                paramLabel = "NAAM",
                description = "Naam van de gebruiker, bijvoorbeeld \"J. Jansen\".")
        String name;

        @Option(
                names = "--organisation",
                paramLabel = "ORGANISATIE",
                description =
                        "De organisatie waarvoor de gebruiker werkt, bijvoorbeeld \"Gemeente Den Haag\" (niet verplicht).")
        String organisation;

        @Option(
                names = "--role",
                paramLabel = "ROL[:REGIO]",
                description = "Een rol, bijvoorbeeld BEHEERDER of ZORGKANTOOR:ZK02; herhaal de optie voor meer rollen.")
        List<String> roles = new ArrayList<>();

        @Option(names = "--password-stdin", description = "Lees het wachtwoord als één regel van de standaardinvoer.")
        boolean passwordFromStdin;

        @Option(
                names = "--password",
                interactive = true,
                prompt = "Wachtwoord: ",
                description = "Vraag om het wachtwoord (het wordt niet getoond).")
        char[] password;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            List<Grant> grants;
            String secret;
            try {
                grants = GrantCodes.parse(roles);
                secret = password();
            } catch (UserService.InvalidUserChange e) {
                err.println("Fout: " + e.getMessage());
                err.flush();
                return REFUSED;
            }
            return withUsers(spec, (users, out) -> {
                AppUser user = users.create(username, name, organisation, secret, grants);
                out.println("Gebruiker " + user.username() + " is toegevoegd met de rollen "
                        + String.join(", ", GrantCodes.codes(user.grants())) + ".");
                return 0;
            });
        }

        private String password() {
            if (passwordFromStdin == (password != null)) {
                throw new UserService.InvalidUserChange(
                        "password",
                        "Geef het wachtwoord met --password-stdin (één regel op de invoer) of met --password (dan wordt erom gevraagd).");
            }
            if (password != null) {
                return new String(password);
            }
            try {
                // not closed: closing would close System.in for the rest of the JVM
                String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                if (line == null) {
                    throw new UserService.InvalidUserChange("password", "Er stond geen wachtwoord op de invoer.");
                }
                return line;
            } catch (IOException e) {
                throw new UserService.InvalidUserChange(
                        "password", "Het wachtwoord kon niet worden gelezen: " + e.getMessage());
            }
        }
    }

    @Command(
            name = "disable",
            mixinStandardHelpOptions = true,
            description = "Schakel een gebruiker uit: die kan dan niet meer inloggen.")
    static class Disable implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "GEBRUIKERSNAAM")
        String username;

        @Override
        public Integer call() {
            return withUsers(spec, (users, out) -> {
                AppUser user = users.find(username)
                        .orElseThrow(() -> new UserService.InvalidUserChange(
                                "username", "Er is geen gebruiker '" + username + "'."));
                users.setEnabled(user.id(), false);
                out.println("Gebruiker " + user.username() + " is uitgeschakeld.");
                return 0;
            });
        }
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "Toon alle gebruikers: gebruikersnaam, naam, rollen en of ze actief zijn (tab-gescheiden).")
    static class ListUsers implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return withUsers(spec, (users, out) -> {
                out.println("gebruikersnaam\tnaam\trollen\tstatus");
                for (AppUser user : users.list()) {
                    out.println(String.join(
                            "\t",
                            user.username(),
                            user.displayName(),
                            String.join(",", GrantCodes.codes(user.grants())),
                            user.enabled() ? "actief" : "uitgeschakeld"));
                }
                return 0;
            });
        }
    }

    /** What a subcommand does with the user store; the exit code it returns. */
    interface UserWork {
        int run(UserService users, PrintWriter out);
    }

    /**
     * Starts the application without web server, as {@code import} does, and runs {@code work}; a
     * refused change is exit code {@value #REFUSED} with its Dutch message.
     */
    static int withUsers(CommandSpec spec, UserWork work) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ConfigurableApplicationContext context = CommandContext.start(err);
        if (context == null) {
            return REFUSED;
        }
        try (context) {
            return work.run(context.getBean(UserService.class), out);
        } catch (UserService.InvalidUserChange e) {
            err.println("Fout: " + e.getMessage());
            return REFUSED;
        } finally {
            out.flush();
            err.flush();
        }
    }
}
