package dev.stampboard.cutover;

import java.net.InetAddress;
import java.time.Duration;
import java.util.UUID;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration
@EnableConfigurationProperties(CutoverProperties.class)
class CutoverConfiguration {

    /** Each console instance gets its own owner name: host plus a random suffix, so two on one host differ. */
    @Bean
    ExecutorLease executorLease(JdbcClient jdbc, CutoverProperties properties) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "console";
        }
        String owner = host + "-" + UUID.randomUUID().toString().substring(0, 8);
        return new ExecutorLease(jdbc, "cutover", owner, Duration.ofSeconds(properties.leaseSeconds()));
    }
}
