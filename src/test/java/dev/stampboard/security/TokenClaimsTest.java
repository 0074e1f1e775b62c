package dev.stampboard.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which console roles and which name an identity provider's claims give, with app roles and with groups. */
class TokenClaimsTest {

    @Test
    void entra_app_roles_map_through_the_configured_table_without_case_and_imply_viewer() {
        TokenClaims claims = new TokenClaims(new SingleSignOnProperties(
                "roles", Map.of("Stampboard.Engineer", Role.ENGINEER, "Stampboard.Support", Role.SUPPORT), null));
        assertThat(claims.roles(Map.of("roles", List.of("stampboard.engineer", "Other.App.Role"))))
                .containsExactlyInAnyOrder(Role.ENGINEER, Role.VIEWER);
        assertThat(claims.roles(Map.of("roles", List.of("ENGINEER"))))
                .as("only the table counts once there is one")
                .isEmpty();
        assertThat(claims.roles(Map.of("groups", List.of("Stampboard.Support"))))
                .as("another claim")
                .isEmpty();
    }

    @Test
    void groups_by_object_id_when_the_role_claim_is_groups() {
        String sre = "5f1c2a3e-0000-4000-8000-00000000c0de";
        TokenClaims claims = new TokenClaims(new SingleSignOnProperties("groups", Map.of(sre, Role.SUPPORT), null));
        assertThat(claims.roles(Map.of(
                        "groups",
                        List.of("11111111-2222-3333-4444-555555555555", sre.toUpperCase()),
                        "roles",
                        List.of("Stampboard.Admin"))))
                .containsExactlyInAnyOrder(Role.SUPPORT, Role.VIEWER);
    }

    @Test
    void without_a_table_values_that_name_a_role_are_that_role_and_a_space_separated_claim_is_read_too() {
        TokenClaims claims = new TokenClaims(new SingleSignOnProperties(null, null, null));
        assertThat(claims.roles(Map.of("roles", "viewer admin nonsense")))
                .containsExactlyInAnyOrder(Role.VIEWER, Role.ADMIN);
        assertThat(claims.roles(Map.of())).isEmpty();
    }

    @Test
    void a_person_is_named_by_their_sign_in_name_and_an_application_by_its_client_id() {
        TokenClaims claims = new TokenClaims(new SingleSignOnProperties(null, null, null));
        assertThat(claims.username(Map.of("preferred_username", "grace@contoso.example", "sub", "x1")))
                .isEqualTo("grace@contoso.example");
        assertThat(claims.username(Map.of("upn", "ivan@contoso.example", "sub", "x2")))
                .isEqualTo("ivan@contoso.example");
        assertThat(claims.username(Map.of("azp", "0f0e-app", "sub", "x3"))).isEqualTo("app:0f0e-app");
        assertThat(claims.username(Map.of("sub", "x4"))).isEqualTo("x4");
    }
}
