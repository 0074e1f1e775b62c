package dev.stampboard.simulator.model;

/**
 * A customer (tenant owner). {@code loginUser} is the console user who acts as this customer,
 * or {@code null} when no console user is this customer.
 */
public record ScenarioCustomer(String name, String displayName, String loginUser) {
}
