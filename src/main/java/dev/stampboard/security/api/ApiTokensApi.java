package dev.stampboard.security.api;

import dev.stampboard.base.InputLimits;
import dev.stampboard.base.InvalidInputException;
import dev.stampboard.security.ApiTokens;
import dev.stampboard.security.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** API tokens for scripts: create (the secret is in this one answer only), list, revoke. */
@RestController
@RequestMapping("/api/v1/tokens")
class ApiTokensApi {

    private final ApiTokens tokens;

    ApiTokensApi(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ApiTokens.NewToken create(@RequestBody @Valid @Nullable CreateTokenRequest body) {
        if (body == null || body.name() == null) {
            throw new InvalidInputException("The body must be {\"name\":\"nightly report\", \"days\":30}"
                    + " (optional \"roles\":[\"VIEWER\"], \"kind\":\"SERVICE\" for an admin)");
        }
        Set<Role> roles = body.roles() == null || body.roles().isEmpty() ? Set.of() : EnumSet.copyOf(body.roles());
        return tokens.create(
                body.name(),
                body.kind() == null ? ApiTokens.Kind.PERSONAL : body.kind(),
                roles,
                Duration.ofDays(body.days() == null ? 90 : body.days()));
    }

    @GetMapping
    List<ApiTokens.TokenInfo> list() {
        return tokens.list();
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable String id) {
        tokens.revoke(id);
    }

    record CreateTokenRequest(
            @Size(max = InputLimits.NAME, message = "at most {max} characters") @Nullable
            String name,

            ApiTokens.@Nullable Kind kind,

            @Size(max = 10, message = "at most {max} roles") @Nullable
            List<@NotNull(message = "a role, not null") Role> roles,

            @Min(value = 1, message = "at least {value}") @Max(value = 365, message = "at most {value}") @Nullable
            Integer days) {}
}
