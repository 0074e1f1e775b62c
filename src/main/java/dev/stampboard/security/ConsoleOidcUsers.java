package dev.stampboard.security;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Browser single sign-on: the identity provider's user (ID token, plus user info where the provider has it)
 * becomes a console user named by {@link TokenClaims#username} with the roles its app roles or groups map to.
 * Someone without any console role, or disabled in the console, is not signed in.
 */
class ConsoleOidcUsers implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final OidcUserService provider = new OidcUserService();
    private final TokenClaims claims;
    private final UserAccounts accounts;
    private final String roleClaim;

    ConsoleOidcUsers(TokenClaims claims, UserAccounts accounts, SingleSignOnProperties properties) {
        this.claims = claims;
        this.accounts = accounts;
        this.roleClaim = properties.roleClaim();
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = provider.loadUser(request);
        String name = claims.username(user.getClaims());
        Set<Role> roles = claims.roles(user.getClaims());
        if (roles.isEmpty()) {
            throw new OAuth2AuthenticationException(
                    new OAuth2Error("access_denied"),
                    name + " has no Stampboard role: the identity provider's '" + roleClaim + "' claim names none the"
                            + " console maps; ask for an app role or group");
        }
        accounts.recordSingleSignOn(name, roles);
        return new ConsoleUser(
                user,
                name,
                roles.stream()
                        .map(r -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + r.name()))
                        .toList());
    }

    /** The provider's user under the console's name for it and with console roles as its authorities. */
    private record ConsoleUser(OidcUser user, String name, Collection<? extends GrantedAuthority> authorities)
            implements OidcUser, java.io.Serializable {

        @Override
        public Map<String, Object> getClaims() {
            return user.getClaims();
        }

        @Override
        public @Nullable OidcUserInfo getUserInfo() {
            return user.getUserInfo();
        }

        @Override
        public OidcIdToken getIdToken() {
            return user.getIdToken();
        }

        @Override
        public Map<String, Object> getAttributes() {
            return user.getAttributes();
        }

        @Override
        public Collection<? extends GrantedAuthority> getAuthorities() {
            return authorities;
        }

        @Override
        public String getName() {
            return name;
        }
    }
}
