package dev.stampboard.signals;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(SignalsProperties.class)
class SignalsConfiguration {}
