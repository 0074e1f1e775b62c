package dev.stampboard.security;

import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The API as an OAuth2 resource server: a JWT access token from the identity provider (already checked for
 * signature, issuer, expiry and, where configured, audience) acts as the person or application it names, with
 * the console roles its app roles or groups map to. Nothing is written per call; a person an administrator
 * disabled in the console is refused.
 */
class ConsoleJwtUsers implements Converter<Jwt, AbstractAuthenticationToken> {

    private final TokenClaims claims;
    private final UserAccounts accounts;

    ConsoleJwtUsers(TokenClaims claims, UserAccounts accounts) {
        this.claims = claims;
        this.accounts = accounts;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        String name = claims.username(jwt.getClaims());
        if (accounts.disabled(name)) {
            throw new SingleSignOnRefused("An administrator has disabled " + name + " in the console");
        }
        Set<Role> roles = claims.roles(jwt.getClaims());
        return new JwtAuthenticationToken(
                jwt,
                roles.stream()
                        .map(r -> new SimpleGrantedAuthority("ROLE_" + r.name()))
                        .toList(),
                name);
    }
}
