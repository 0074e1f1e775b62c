package dev.stampboard;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every Spring-backed test extends this, so they all share one application context (a real H2
 * database through Flyway, the seed simulator paused at a fixed minute, a real web server).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class SpringTest {
}
