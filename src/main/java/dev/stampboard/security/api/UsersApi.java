package dev.stampboard.security.api;

import dev.stampboard.base.InputLimits;
import dev.stampboard.base.InvalidInputException;
import dev.stampboard.security.Role;
import dev.stampboard.security.UserAdministration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** User management for administrators, as in the console's Users screen, for scripts and automation. */
@RestController
@RequestMapping("/api/v1/users")
class UsersApi {

    private final UserAdministration users;

    UsersApi(UserAdministration users) {
        this.users = users;
    }

    @GetMapping
    List<UserAdministration.UserInfo> list() {
        return users.list();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    UserAdministration.UserInfo add(@RequestBody @Valid @Nullable NewUser body) {
        if (body == null || body.username() == null || body.password() == null || body.roles() == null) {
            throw new InvalidInputException("The body must be {\"username\":\"ivan\", \"password\":\"…\","
                    + " \"roles\":[\"ENGINEER\"]} (\"customer\" for a CUSTOMER user)");
        }
        return users.add(body.username(), body.password(), roles(body.roles()), body.customer());
    }

    @PostMapping("/{username}/disable")
    UserAdministration.UserInfo disable(@PathVariable String username) {
        return users.setEnabled(username, false);
    }

    @PostMapping("/{username}/enable")
    UserAdministration.UserInfo enable(@PathVariable String username) {
        return users.setEnabled(username, true);
    }

    @PutMapping("/{username}/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void resetPassword(@PathVariable String username, @RequestBody @Valid @Nullable NewPassword body) {
        if (body == null || body.password() == null) {
            throw new InvalidInputException("The body must be {\"password\":\"…\"}");
        }
        users.resetPassword(username, body.password());
    }

    @PutMapping("/{username}/roles")
    UserAdministration.UserInfo changeRoles(
            @PathVariable String username, @RequestBody @Valid @Nullable NewRoles body) {
        if (body == null || body.roles() == null) {
            throw new InvalidInputException(
                    "The body must be {\"roles\":[\"SUPPORT\"]} (\"customer\" for a CUSTOMER user)");
        }
        return users.changeRoles(username, roles(body.roles()), body.customer());
    }

    @GetMapping("/local-sign-in")
    Map<String, Boolean> localSignIn() {
        return Map.of("enabled", users.localSignInEnabled());
    }

    @PutMapping("/local-sign-in")
    Map<String, Boolean> switchLocalSignIn(@RequestBody @Nullable Switch body) {
        if (body == null || body.enabled() == null) {
            throw new InvalidInputException("The body must be {\"enabled\":false} or {\"enabled\":true}");
        }
        users.setLocalSignIn(body.enabled());
        return Map.of("enabled", users.localSignInEnabled());
    }

    private static Set<Role> roles(List<Role> roles) {
        return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    record NewUser(
            @Size(max = InputLimits.NAME, message = "at most {max} characters") @Nullable
            String username,

            @Size(max = 128, message = "at most {max} characters") @Nullable
            String password,

            @Size(max = 10, message = "at most {max} roles") @Nullable
            List<@NotNull(message = "a role, not null") Role> roles,

            @Size(max = InputLimits.NAME, message = "at most {max} characters") @Nullable
            String customer) {}

    record NewPassword(
            @Size(max = 128, message = "at most {max} characters") @Nullable
            String password) {}

    record NewRoles(
            @Size(max = 10, message = "at most {max} roles") @Nullable
            List<@NotNull(message = "a role, not null") Role> roles,

            @Size(max = InputLimits.NAME, message = "at most {max} characters") @Nullable
            String customer) {}

    record Switch(@Nullable Boolean enabled) {}
}
