package dev.stampboard.base;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jdbc.core.mapping.JdbcMappingContext;

/**
 * Spring Data JDBC quotes identifiers by default, in the case its dialect prefers (upper on H2,
 * lower on PostgreSQL), but explicit column names like {@code stamp_id} keep their case. Unquoted
 * names fold to each database's own case, so one set of migrations fits both.
 */
@Configuration
class JdbcNamingConfiguration {

    @Bean
    static BeanPostProcessor unquotedJdbcNames() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof JdbcMappingContext context) {
                    context.setForceQuote(false);
                }
                return bean;
            }
        };
    }
}
