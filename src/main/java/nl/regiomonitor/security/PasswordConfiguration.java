package nl.regiomonitor.security;

import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Password hashing, also for the command line: bcrypt now, and old hashes still readable after a change of default. */
@Configuration
class PasswordConfiguration {

    /**
     * New hashes are bcrypt of {@code regiomonitor.password.bcrypt-strength} (the tests lower it, as
     * every Basic-auth call pays it); a stored hash is checked at the cost it was made with, and one
     * of another scheme by Spring's standard set.
     */
    @Bean
    PasswordEncoder passwordEncoder(@Value("${regiomonitor.password.bcrypt-strength}") int strength) {
        DelegatingPasswordEncoder encoder =
                new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(strength)));
        encoder.setDefaultPasswordEncoderForMatches(PasswordEncoderFactories.createDelegatingPasswordEncoder());
        return encoder;
    }
}
