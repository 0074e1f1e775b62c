package dev.stampboard.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Service;

/** What the login view offers: the configured identity providers, and the password form unless switched off. */
@Service
public class SignInOptions {

    /** An identity provider as the login view links to it. */
    public record Provider(String name, String path) {}

    private final ObjectProvider<ClientRegistrationRepository> registrations;
    private final LocalSignInSetting localSignIn;

    SignInOptions(ObjectProvider<ClientRegistrationRepository> registrations, LocalSignInSetting localSignIn) {
        this.registrations = registrations;
        this.localSignIn = localSignIn;
    }

    public List<Provider> providers() {
        List<Provider> providers = new ArrayList<>();
        if (registrations.getIfAvailable() instanceof Iterable<?> all) {
            for (Object r : all) {
                if (r instanceof ClientRegistration registration) {
                    providers.add(new Provider(
                            registration.getClientName(), "oauth2/authorization/" + registration.getRegistrationId()));
                }
            }
        }
        return providers;
    }

    public boolean localSignIn() {
        return localSignIn.enabled();
    }
}
