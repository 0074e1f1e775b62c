package dev.stampboard.isolation;

import java.time.LocalDate;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Named fixtures for isolation-request tests: the seed's AI customer and a valid request for it. */
public final class Requests {

    public static final String CUSTOMER = "openmind-ai";
    /** Two of OpenMind's big registries (DESIGN §10's seed case), both only in eastus. */
    public static final List<String> BIG_TWO = List.of("openmindmodels.azurecr.io", "openminddatasets.azurecr.io");

    public static final LocalDate WANTED_BY = LocalDate.parse("2026-12-15");
    public static final String WHY =
            "Training fleet doubles in December; pulls of 40 GB layers starve the shared dataproxy pool";

    private Requests() {}

    /** DESIGN §11's example figures. */
    public static NewIsolationRequest valid(String customer, List<String> registries) {
        return new NewIsolationRequest(customer, registries, 20000L, 40.0, 300.0, WHY, WANTED_BY, null);
    }

    public static NewIsolationRequest valid() {
        return valid(CUSTOMER, BIG_TWO);
    }

    /** Signs in as a demo user with the authorities the real user store gives it. */
    public static void as(UserDetailsService users, String user) {
        UserDetails details = users.loadUserByUsername(user);
        SecurityContextHolder.getContext()
                .setAuthentication(
                        new UsernamePasswordAuthenticationToken(details.getUsername(), null, details.getAuthorities()));
    }
}
