package dev.stampboard.notifications;

import dev.stampboard.security.Role;

/**
 * Who a notification is for: one user, everyone with a role, or every user of a customer. Stored as
 * its key ({@code user:alice}), so a notification to all engineers is one row, read per engineer.
 */
public record Audience(String key) {

    public Audience {
        if (!key.matches("(user|role|customer):\\S.{0,90}")) {
            throw new IllegalArgumentException("Not an audience: " + key);
        }
    }

    public static Audience user(String name) {
        return new Audience("user:" + name);
    }

    public static Audience role(Role role) {
        return new Audience("role:" + role.name());
    }

    public static Audience customer(String customer) {
        return new Audience("customer:" + customer);
    }
}
