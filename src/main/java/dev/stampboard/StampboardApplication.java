package dev.stampboard;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
@org.springframework.scheduling.annotation.EnableScheduling
public class StampboardApplication {
    public static void main(String[] args) {
        SpringApplication.run(StampboardApplication.class, args);
    }
}
