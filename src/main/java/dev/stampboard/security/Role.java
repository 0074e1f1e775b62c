package dev.stampboard.security;

import java.util.EnumSet;
import java.util.Set;

/** The console's roles. Staff roles include VIEWER (read everything); CUSTOMER sees only its own. */
public enum Role {
    VIEWER,
    ENGINEER,
    SUPPORT,
    ADMIN,
    CUSTOMER,
    /** Machine accounts of telemetry collectors: may feed telemetry and inventory, may read nothing. */
    INGEST;

    /** Names for {@code @RolesAllowed}, which needs compile-time constants. */
    public static final String VIEWER_NAME = "VIEWER";

    public static final String ENGINEER_NAME = "ENGINEER";
    public static final String SUPPORT_NAME = "SUPPORT";
    public static final String ADMIN_NAME = "ADMIN";
    public static final String CUSTOMER_NAME = "CUSTOMER";
    public static final String INGEST_NAME = "INGEST";

    /** Authorities for {@code @Secured}, which needs compile-time constants: {@code @Secured(Role.Authority.ENGINEER)}. */
    public static final class Authority {
        public static final String VIEWER = "ROLE_" + VIEWER_NAME;
        public static final String ENGINEER = "ROLE_" + ENGINEER_NAME;
        public static final String SUPPORT = "ROLE_" + SUPPORT_NAME;
        public static final String ADMIN = "ROLE_" + ADMIN_NAME;
        public static final String CUSTOMER = "ROLE_" + CUSTOMER_NAME;
        public static final String INGEST = "ROLE_" + INGEST_NAME;

        private Authority() {}
    }

    /** The role itself and what it implies: every staff role may read everything. */
    Set<Role> withImplied() {
        return switch (this) {
            case ENGINEER, SUPPORT, ADMIN -> EnumSet.of(this, VIEWER);
            case VIEWER, CUSTOMER, INGEST -> EnumSet.of(this);
        };
    }
}
