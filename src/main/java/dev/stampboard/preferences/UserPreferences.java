package dev.stampboard.preferences;

import dev.stampboard.security.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The signed-in user's console preferences; a user only ever reads and changes their own. */
@Service
public class UserPreferences {

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;

    UserPreferences(JdbcClient jdbc, CurrentUser currentUser) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
    }

    @Transactional(readOnly = true)
    public boolean darkTheme() {
        return jdbc.sql("SELECT dark_theme FROM user_preference WHERE username = ?")
                .param(currentUser.name())
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    @Transactional
    public void setDarkTheme(boolean dark) {
        String user = currentUser.name();
        int updated = jdbc.sql("UPDATE user_preference SET dark_theme = ? WHERE username = ?")
                .params(dark, user)
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO user_preference (username, dark_theme) VALUES (?, ?)")
                    .params(user, dark)
                    .update();
        }
    }
}
