package dev.stampboard.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stampboard.SpringTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class PasswordStorageTest extends SpringTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void demo_users_are_stored_with_bcrypt_hashes_only() {
        // the seven demo users; other tests add users of their own (also with BCrypt, as the second check shows)
        var demo = jdbc.sql("select password_hash from app_user where username in"
                        + " ('alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'collector')")
                .query(String.class)
                .list();
        assertThat(demo)
                .hasSize(7)
                .allSatisfy(h -> assertThat(h).startsWith("$2a$").doesNotContain("-pw"));
        assertThat(jdbc.sql("select password_hash from app_user where password_hash is not null")
                        .query(String.class)
                        .list())
                .allSatisfy(h -> assertThat(h).startsWith("$2a$"));
    }

    @Test
    void staff_roles_include_viewer_and_customer_does_not() {
        assertThat(jdbc.sql("select roles from app_user where username = 'alice'")
                        .query(String.class)
                        .single())
                .isEqualTo("ENGINEER,VIEWER");
        assertThat(jdbc.sql("select roles from app_user where username = 'frank'")
                        .query(String.class)
                        .single())
                .isEqualTo("CUSTOMER");
    }
}
