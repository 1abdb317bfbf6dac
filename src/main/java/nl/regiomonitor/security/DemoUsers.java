package nl.regiomonitor.security;

import java.util.List;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

import nl.regiomonitor.common.AdvisoryLock;

/**
 * Demo mode: with no users yet, creates a care office, a municipality and a provider user for
 * Amstelland en De Meerlanden (ZK01) and Haaglanden (ZK10), each with a demo organisation, a client
 * representative for Haaglanden, plus a national and an administrator user, all with
 * {@link #PASSWORD} (printed in the README).
 */
@Component
@ConditionalOnWebApplication
@ConditionalOnProperty(name = "REGIOMONITOR_DEMO", havingValue = "true", matchIfMissing = true)
class DemoUsers implements SmartInitializingSingleton {

    static final String PASSWORD = "demo-wachtwoord";
    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    private record Demo(String username, String name, String organisation, Grant grant) {}

    private static final List<Demo> USERS = List.of(
            new Demo(
                    "zorgkantoor.amstelland",
                    "Zorgkantoor Amstelland en De Meerlanden (demo)",
                    "Zorgkantoor Amstelland en De Meerlanden",
                    new Grant(Role.ZORGKANTOOR, "ZK01")),
            new Demo(
                    "gemeente.amstelland",
                    "Coördinator gemeenten subregio Amstelland (demo)",
                    "Gemeente Amstelveen",
                    new Grant(Role.GEMEENTE, "ZK01")),
            new Demo(
                    "aanbieder.amstelland",
                    "Zorgaanbieder Amstelland (demo)",
                    "Zorgaanbieder Amstelland (demo)",
                    new Grant(Role.AANBIEDER, "ZK01")),
            new Demo(
                    "zorgkantoor.haaglanden",
                    "Zorgkantoor Haaglanden (demo)",
                    "Zorgkantoor Haaglanden",
                    new Grant(Role.ZORGKANTOOR, "ZK10")),
            new Demo(
                    "gemeente.haaglanden",
                    "Coördinator gemeenten Haaglanden (demo)",
                    "Gemeente Den Haag",
                    new Grant(Role.GEMEENTE, "ZK10")),
            new Demo(
                    "aanbieder.haaglanden",
                    "Zorgaanbieder Haaglanden (demo)",
                    "Zorgaanbieder Haaglanden (demo)",
                    new Grant(Role.AANBIEDER, "ZK10")),
            new Demo(
                    "client.haaglanden",
                    "Cliëntenraad Haaglanden (demo)",
                    "Cliëntenraad Haaglanden (demo)",
                    new Grant(Role.CLIENTVERTEGENWOORDIGING, "ZK10")),
            new Demo("landelijk", "Landelijk programma (demo)", "Ministerie van VWS", Grant.national(Role.LANDELIJK)),
            new Demo("beheerder", "Beheerder (demo)", null, Grant.national(Role.BEHEERDER)));

    private final UserService users;
    private final DataSource dataSource;

    DemoUsers(UserService users, DataSource dataSource) {
        this.users = users;
        this.dataSource = dataSource;
    }

    @Override
    public void afterSingletonsInstantiated() {
        AdvisoryLock.once(dataSource, AdvisoryLock.DEMO_DATA, users::isEmpty, () -> {
            USERS.forEach(d -> users.create(d.username(), d.name(), d.organisation(), PASSWORD, List.of(d.grant())));
            log.info("Demogebruikers aangemaakt ({}), wachtwoord '{}': zie README", USERS.size(), PASSWORD);
        });
    }
}
